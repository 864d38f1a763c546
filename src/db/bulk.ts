import type { PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

// PostgreSQL takes at most 65,535 parameters a statement: size batches by columns.
const MAX_PARAMETRES = 30_000;

/** Inserts many rows in multi-row INSERT statements sized to the parameter limit. */
export async function insertBatched<T extends PgTable>(db: Executor, table: T, values: T['$inferInsert'][]): Promise<void> {
  if (values.length === 0) return;
  const colonnes = Math.max(1, Object.keys(values[0] as object).length);
  const taille = Math.max(1, Math.floor(MAX_PARAMETRES / colonnes));
  for (let i = 0; i < values.length; i += taille) {
    await db.insert(table).values(values.slice(i, i + taille));
  }
}
