import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { chargerReferentiels } from '../../data/charger.js';
import { type Database, createDatabase, createPgliteDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { loadConfig } from '../../src/server/config.js';
import { projectRoot } from '../../src/shared/config.js';

/**
 * One database per test file, copied from a "golden image" migrated and loaded once per run with
 * the real reference data and the demonstration territory: a PGlite data dump, or a PostgreSQL
 * template database. TEST_ENGINE chooses the engine (pglite by default).
 */
export type MoteurDeTest = 'pglite' | 'postgresql';

export const moteurDeTest = (): MoteurDeTest => (process.env.TEST_ENGINE === 'postgresql' ? 'postgresql' : 'pglite');

const cache = path.join(projectRoot, '.test-cache');
// Uncompressed: each test file loads the image, and from gzip a database took 12.3 s to load
// against 4.9 s uncompressed (one run on a 2-core machine); 451 MB of disk instead of 65 MB is cheaper.
const imagePglite = path.join(cache, 'pglite-golden.tar');

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL template database of this run: each run has its own, so parallel runs never share one. */
    modelePostgresql: string;
  }
}

export const referenceDir = () => loadConfig({}).REFERENCE_DATA_DIR;

function urlServeur(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL doit être défini pour les tests sur PostgreSQL.');
  return url;
}

function urlAvecBase(url: string, base: string): string {
  const u = new URL(url);
  u.pathname = `/${base}`;
  return u.toString();
}

async function administrer<T>(requete: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: urlServeur() });
  await client.connect();
  try {
    return await requete(client);
  } finally {
    await client.end();
  }
}

async function remplir(database: Database): Promise<void> {
  await migrate(database);
  await chargerReferentiels(database, { referenceDir: referenceDir(), demo: true });
}

/** Builds the PostgreSQL template of one run (vitest globalSetup); returns its name. */
export async function construireModelePostgresql(): Promise<string> {
  const modele = `trajectoires_modele_${randomBytes(6).toString('hex')}`;
  await administrer((c) => c.query(`CREATE DATABASE ${modele}`));
  const database = await createDatabase({ databaseUrl: urlAvecBase(urlServeur(), modele), poolSize: 2 });
  try {
    await remplir(database);
  } finally {
    await database.close();
  }
  return modele;
}

export async function supprimerModelePostgresql(modele: string): Promise<void> {
  await administrer((c) => c.query(`DROP DATABASE IF EXISTS ${modele} WITH (FORCE)`));
}

/** Builds the PGlite golden image (vitest globalSetup calls it once per run). */
export async function construireImagePglite(): Promise<void> {
  await mkdir(cache, { recursive: true });
  const database = await createPgliteDatabase({ dataDir: undefined });
  try {
    await remplir(database);
    const dump = await database.pglite.dumpDataDir('none');
    const provisoire = `${imagePglite}.${process.pid}`;
    await writeFile(provisoire, Buffer.from(await dump.arrayBuffer()));
    await rename(provisoire, imagePglite);
  } finally {
    await database.close();
  }
}

// A database of its own on the PostgreSQL server, copied from `modele`, dropped when closed.
async function creerBasePostgresql(modele: string): Promise<Database> {
  const nom = `trajectoires_test_${randomBytes(6).toString('hex')}`;
  await administrer((c) => c.query(`CREATE DATABASE ${nom} TEMPLATE ${modele}`));
  const database = await createDatabase({ databaseUrl: urlAvecBase(urlServeur(), nom), poolSize: 4 });
  return {
    ...database,
    async close() {
      await database.close();
      await administrer((c) => c.query(`DROP DATABASE IF EXISTS ${nom} WITH (FORCE)`));
    },
  };
}

/** A fresh database for one test file, with the reference data and the demonstration territory. */
export async function creerBaseDeTest(): Promise<Database> {
  if (moteurDeTest() === 'postgresql') return creerBasePostgresql(inject('modelePostgresql'));
  await stat(imagePglite).catch(() => {
    throw new Error(`Image de base de test absente (${imagePglite}) : lancez les tests par vitest (globalSetup).`);
  });
  const image = new Blob([await readFile(imagePglite)]);
  return createPgliteDatabase({ dataDir: undefined, loadDataDir: image });
}

/**
 * An empty database, never migrated, on the engine under test: what the migration tests start
 * from. template0 on PostgreSQL, so that nothing added to the server's default template leaks in.
 */
export async function creerBaseVide(): Promise<Database> {
  if (moteurDeTest() === 'postgresql') return creerBasePostgresql('template0');
  return createPgliteDatabase({ dataDir: undefined });
}

/**
 * Runs of a property test on this engine. When a run tests both engines, each takes its own half of
 * the cases from its own seed: together they try as many distinct cases as the property asks for,
 * instead of replaying the same cases (fixed seed) once per engine.
 */
export function casDeCeMoteur(runs: number, seed: number): { numRuns: number; seed: number } {
  if (!process.env.TEST_DATABASE_URL) return { numRuns: runs, seed };
  return { numRuns: Math.ceil(runs / 2), seed: moteurDeTest() === 'postgresql' ? seed + 1 : seed };
}
