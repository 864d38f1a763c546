import { PGlite, type QueryOptions, type Results, type Transaction as TransactionPglite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { SQL } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';

/** Drizzle over either engine; repositories take this (or a transaction) as first argument. */
export type Db = PgDatabase<PgQueryResultHKT>;
export type Executor = Pick<Db, 'execute' | 'select' | 'insert' | 'update' | 'delete'>;
/** The transaction `db.transaction()` hands its callback: a writer that must commit with the change it follows demands this type, which a plain Db is not. */
export type Transaction = Parameters<Parameters<Db['transaction']>[0]>[0];

export type Engine = 'pglite' | 'postgresql';

/** How busy the engine is, for the metrics. */
export interface Charge {
  /** Operations holding the engine: connections lent by the pool, or PGlite's one running statement or transaction. */
  enCours: number;
  /** Operations waiting their turn: for a free connection of the pool, or behind PGlite's running one. */
  enAttente: number;
  /** Connections open: the pool's, or 1 for PGlite (in the process). */
  connexions: number;
}

export interface Database {
  readonly engine: Engine;
  readonly db: Db;
  /** Runs a multi-statement script (migrations) in one transaction. */
  execScript(script: string): Promise<void>;
  /**
   * Runs SQL the project does not write (the job queue's): one statement with $1… parameters, or,
   * without values, a script of several that may hold its own BEGIN and COMMIT. The rows are the
   * last statement's.
   */
  executerSql(texte: string, valeurs?: unknown[]): Promise<{ rows: unknown[] }>;
  charge(): Charge;
  close(): Promise<void>;
}

export interface PgliteDatabase extends Database {
  readonly engine: 'pglite';
  readonly pglite: PGlite;
}

export const pgliteExtensions = { unaccent, pg_trgm, cube, earthdistance };

// bigint (count(*)) and numeric come back as numbers: our counts stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/** What the pool tells of an idle connection the server ended: its SQLSTATE only. */
export type ConnexionPerdue = { code: string | null };
export type DatabaseOptions =
  { databaseUrl: string; poolSize?: number; surConnexionPerdue?: (perte: ConnexionPerdue) => void } | { dataDir: string | undefined; loadDataDir?: Blob };

function signalerConnexionPerdue(perte: ConnexionPerdue): void {
  process.emitWarning(`connexion inactive à PostgreSQL perdue (${perte.code ?? 'sans code'}) ; une nouvelle sera ouverte`, 'ConnexionPerdue');
}

/** Opens the embedded PGlite (a folder, or memory) or a PostgreSQL server, behind one Drizzle type. */
export async function createDatabase(options: DatabaseOptions): Promise<Database> {
  return 'databaseUrl' in options ? createServerDatabase(options) : createPgliteDatabase(options);
}

async function createServerDatabase(options: Extract<DatabaseOptions, { databaseUrl: string }>): Promise<Database> {
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  // An idle client whose connection the server ends (restart, failover, pg_terminate_backend)
  // emits 'error' on the pool; unhandled, it would end the process. The pool has already dropped
  // that client and opens a new one on the next query: say so, without any statement or value.
  pool.on('error', (erreur: Error & { code?: string }) => {
    (options.surConnexionPerdue ?? signalerConnexionPerdue)({ code: erreur.code ?? null });
  });
  const db = drizzlePg(pool) as unknown as Db;
  return {
    engine: 'postgresql',
    db,
    async execScript(script) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(script);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async executerSql(texte, valeurs) {
      // A script without values goes through the simple protocol, on one connection of the pool.
      const resultat = (await pool.query(texte, valeurs)) as pg.QueryResult | pg.QueryResult[];
      return { rows: (Array.isArray(resultat) ? resultat.at(-1)?.rows : resultat.rows) ?? [] };
    },
    charge: () => ({ enCours: pool.totalCount - pool.idleCount, enAttente: pool.waitingCount, connexions: pool.totalCount }),
    close: () => pool.end(),
  };
}

/**
 * PGlite runs one statement or transaction at a time and queues the others; it does not say how
 * many wait. This counts the calls it was given (query, exec, transaction: what Drizzle and the
 * migrations use) that have not finished yet.
 */
class PgliteSuivie extends PGlite {
  #operations = 0;

  get operations(): number {
    return this.#operations;
  }

  async #suivre<T>(operation: () => Promise<T>): Promise<T> {
    this.#operations++;
    try {
      return await operation();
    } finally {
      this.#operations--;
    }
  }

  override query<T>(query: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> {
    return this.#suivre(() => super.query<T>(query, params, options));
  }

  override exec(query: string, options?: QueryOptions): Promise<Results[]> {
    return this.#suivre(() => super.exec(query, options));
  }

  override transaction<T>(callback: (tx: TransactionPglite) => Promise<T>): Promise<T> {
    return this.#suivre(() => super.transaction(callback));
  }
}

/** The embedded engine: a data folder that survives restarts, or memory when none is given. */
export async function createPgliteDatabase(options: { dataDir: string | undefined; loadDataDir?: Blob }): Promise<PgliteDatabase> {
  const client = new PgliteSuivie({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: pgliteExtensions,
  });
  await client.waitReady;
  const db = drizzlePglite(client) as unknown as Db;
  return {
    engine: 'pglite',
    db,
    pglite: client,
    async execScript(script) {
      await client.transaction(async (tx) => {
        await tx.exec(script);
      });
    },
    async executerSql(texte, valeurs) {
      // query() takes one statement (extended protocol); exec() takes a script (simple protocol).
      if (valeurs?.length) return { rows: (await client.query(texte, valeurs)).rows };
      return { rows: (await client.exec(texte)).at(-1)?.rows ?? [] };
    },
    charge: () => ({ enCours: Math.min(client.operations, 1), enAttente: Math.max(client.operations - 1, 0), connexions: 1 }),
    close: () => client.close(),
  };
}

/** Runs a raw statement and returns its rows, on either engine. */
export async function rows<T>(executor: Pick<Db, 'execute'>, query: SQL): Promise<T[]> {
  const result = (await executor.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
