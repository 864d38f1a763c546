import { getTableColumns, sql } from 'drizzle-orm';
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

/**
 * Inserts many rows as one JSON parameter per batch (jsonb_to_recordset): for tables of hundreds
 * of thousands of narrow rows, building and parsing statements of thousands of parameters costs
 * more than the insert itself, on PGlite most of all. Values must be JSON-serialisable.
 */
export async function insertJsonBatched<T extends PgTable>(db: Executor, table: T, values: T['$inferInsert'][], taille = 20_000): Promise<void> {
  if (values.length === 0) return;
  const colonnes = Object.entries(getTableColumns(table)).filter(([cle]) => (values[0] as Record<string, unknown>)[cle] !== undefined);
  const noms = sql.join(
    colonnes.map(([, c]) => sql.identifier(c.name)),
    sql`, `,
  );
  const types = sql.join(
    colonnes.map(([, c]) => sql`${sql.identifier(c.name)} ${sql.raw(c.getSQLType())}`),
    sql`, `,
  );
  for (let i = 0; i < values.length; i += taille) {
    const lot = values.slice(i, i + taille).map((v) => Object.fromEntries(colonnes.map(([cle, c]) => [c.name, (v as Record<string, unknown>)[cle] ?? null])));
    await db.execute(sql`INSERT INTO ${table} (${noms}) SELECT ${noms} FROM jsonb_to_recordset(${JSON.stringify(lot)}::jsonb) AS x(${types})`);
  }
}
