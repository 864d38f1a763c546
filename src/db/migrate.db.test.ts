import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerBaseVide } from '../../test/harness/base.js';
import { decrireSchema } from '../../test/harness/schema.js';
import { type Database, rows } from './client.js';
import { listMigrations, migrate } from './migrate.js';

const REGENERER = 'npx vitest run --project db-pglite src/db/migrate.db.test.ts -u';

let database: Database;
beforeAll(async () => {
  database = await creerBaseVide();
});
afterAll(async () => database?.close());

const journal = async () =>
  (await rows<{ nom: string }>(database.db, sql`SELECT nom FROM schema_migrations`)).map((r) => r.nom).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

// One database walked from empty through every migration: the snapshot reads the schema it ends with.
describe.sequential('migrations depuis une base vide', () => {
  it('s’appliquent un préfixe à la fois : chaque pas applique sa seule migration, le rejouer ne fait rien', async () => {
    const toutes = await listMigrations();
    for (let i = 1; i <= toutes.length; i++) {
      const prefixe = toutes.slice(0, i);
      const noms = prefixe.map((m) => m.nom);
      expect(await migrate(database, prefixe), `pas ${i}`).toEqual([toutes[i - 1]!.nom]);
      expect(await migrate(database, prefixe), `pas ${i} rejoué`).toEqual([]);
      expect(await journal(), `journal après le pas ${i}`).toEqual(noms);
    }
    expect(await migrate(database)).toEqual([]);
  });

  it('construisent le schéma consigné dans src/db/schema.snapshot.txt, le même sur les deux moteurs', async () => {
    // Also when this test runs alone (-t): the walk above leaves nothing to apply.
    await migrate(database);
    await expect(
      await decrireSchema(database),
      `Le schéma construit par les migrations a changé. Relisez la différence, puis régénérez le fichier : ${REGENERER}`,
    ).toMatchFileSnapshot('./schema.snapshot.txt');
  });
});
