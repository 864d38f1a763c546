import http from 'node:http';
import pg from 'pg';
import { type Database, createDatabase, createPgliteDatabase } from '../../src/db/client.js';

/** One JSON POST on a keep-alive connection; resolves once the whole body is read. */
export function poster(agent: http.Agent, port: number, chemin: string, corps: string): Promise<{ statut: number; corps: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: chemin, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(corps) } },
      (res) => {
        const morceaux: Buffer[] = [];
        res.on('data', (m: Buffer) => morceaux.push(m));
        res.on('end', () => resolve({ statut: res.statusCode ?? 0, corps: Buffer.concat(morceaux).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(corps);
  });
}

/** Runs the task and adds its duration (ms) to the samples. */
export async function chronometrer<T>(echantillons: number[], tache: () => Promise<T> | T): Promise<T> {
  const debut = performance.now();
  const resultat = await tache();
  echantillons.push(performance.now() - debut);
  return resultat;
}

/** A fresh database for a benchmark: PGlite in memory, or a database of the server created then dropped. */
export async function ouvrirBase(moteur: 'pglite' | 'postgresql', nom: string, serveur: string): Promise<{ database: Database; fermer: () => Promise<void> }> {
  if (moteur === 'pglite') {
    const database = await createPgliteDatabase({ dataDir: undefined });
    return { database, fermer: () => database.close() };
  }
  const administrer = async (requete: string) => {
    const client = new pg.Client({ connectionString: serveur });
    await client.connect();
    try {
      await client.query(requete);
    } finally {
      await client.end();
    }
  };
  await administrer(`DROP DATABASE IF EXISTS ${nom} WITH (FORCE)`);
  await administrer(`CREATE DATABASE ${nom}`);
  const url = new URL(serveur);
  url.pathname = `/${nom}`;
  const database = await createDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    database,
    async fermer() {
      await database.close();
      await administrer(`DROP DATABASE IF EXISTS ${nom} WITH (FORCE)`);
    },
  };
}
