import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDeTest, creerAppDeTest } from '../../test/harness/app.js';
import { moteurDeTest } from '../../test/harness/base.js';
import { rows } from '../db/client.js';
import { estConnexionPerdue } from '../db/connexion-perdue.js';

const attendre = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Only a server has connections to lose; the embedded engine lives in the process.
describe.skipIf(moteurDeTest() !== 'postgresql')('quand PostgreSQL coupe toutes ses connexions', () => {
  let t: AppDeTest;
  let base: string;

  /** What a restart or a failover does to the server's sessions: every backend of the base ends. */
  async function couperLesConnexions(): Promise<number> {
    const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
    try {
      const res = await admin.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()', [base]);
      return res.rowCount ?? 0;
    } finally {
      await admin.end();
    }
  }

  beforeAll(async () => {
    t = await creerAppDeTest();
    base = (await rows<{ base: string }>(t.database.db, sql`select current_database() as base`))[0]!.base;
    await t.database.db.execute(sql`create table essai_ecriture (n integer primary key)`);
  });
  afterAll(() => t.close());

  it('le processus reste debout, aucune écriture acquittée ne se perd et le service reprend', async () => {
    const acquittees: number[] = [];
    const statuts = new Set<number>();
    let arret = false;
    const boucle = (async () => {
      for (let n = 0; !arret; n++) {
        try {
          await t.database.db.execute(sql`insert into essai_ecriture values (${n})`);
          acquittees.push(n);
        } catch (erreur) {
          // A write cut with its connection is refused to its caller, never acknowledged.
          expect(estConnexionPerdue(erreur)).toBe(true);
        }
        statuts.add((await t.app.inject({ url: '/api/v1/regions' })).statusCode);
      }
    })();

    let coupees = 0;
    for (let i = 0; i < 3; i++) {
      await attendre(150);
      coupees += await couperLesConnexions();
    }
    await attendre(150);
    arret = true;
    await boucle;

    expect(coupees).toBeGreaterThan(0);
    expect(acquittees.length).toBeGreaterThan(0);
    expect([...statuts].filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect((await t.app.inject({ url: '/api/v1/regions' })).statusCode).toBe(200);
    const ecrites = new Set((await rows<{ n: number }>(t.database.db, sql`select n from essai_ecriture`)).map((r) => r.n));
    expect(acquittees.filter((n) => !ecrites.has(n))).toEqual([]);
  });

  it('une connexion inactive coupée ne fait pas tomber le serveur : la requête suivante aboutit', async () => {
    await t.app.inject({ url: '/api/v1/regions' });
    expect(await couperLesConnexions()).toBeGreaterThan(0);
    await attendre(100);
    expect((await t.app.inject({ url: '/api/v1/regions' })).statusCode).toBe(200);
  });
});
