import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { type Database, rows } from './client.js';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  nom: string;
  sql: string;
}

/**
 * The migration files among a folder's entries, in the order they apply: by number, then by name
 * for the one number two files share (0010, see migrate.test.ts).
 */
export function ordreDesMigrations(fichiers: readonly string[]): string[] {
  // Four-digit numbers first: the order of the characters is the order of the numbers.
  return fichiers.filter((f) => /^\d{4}_[a-z0-9-]+\.sql$/.test(f)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** The committed migrations, in order (NNNN_verb-object.sql). */
export async function listMigrations(): Promise<Migration[]> {
  const files = ordreDesMigrations(await readdir(migrationsDir));
  return Promise.all(files.map(async (f) => ({ nom: f.replace(/\.sql$/, ''), sql: await readFile(path.join(migrationsDir, f), 'utf8') })));
}

/** Applies the migrations not yet applied, each in its own transaction; returns their names. */
export async function migrate(database: Database, migrations?: Migration[]): Promise<string[]> {
  const { db } = database;
  await db.execute(sql`CREATE TABLE IF NOT EXISTS schema_migrations (nom text PRIMARY KEY, applique_le timestamptz NOT NULL DEFAULT now())`);
  const done = new Set((await rows<{ nom: string }>(db, sql`SELECT nom FROM schema_migrations`)).map((r) => r.nom));
  const applied: string[] = [];
  for (const migration of migrations ?? (await listMigrations())) {
    if (done.has(migration.nom)) continue;
    const nomLitteral = migration.nom.replace(/'/g, "''");
    await database.execScript(`${migration.sql}\n;INSERT INTO schema_migrations (nom) VALUES ('${nomLitteral}');`);
    applied.push(migration.nom);
  }
  return applied;
}
