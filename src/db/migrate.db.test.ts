import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createPgliteDatabase, rows } from './client.js';
import { listMigrations, migrate } from './migrate.js';

describe('migrations', () => {
  it('s’appliquent depuis une base vide une par une, puis ne font plus rien', async () => {
    const database = await createPgliteDatabase({ dataDir: undefined });
    try {
      const toutes = await listMigrations();
      expect(toutes.map((m) => m.nom)).toEqual([...toutes.map((m) => m.nom)].sort());
      for (let i = 1; i <= toutes.length; i++) {
        expect(await migrate(database, toutes.slice(0, i))).toEqual([toutes[i - 1]!.nom]);
      }
      expect(await migrate(database)).toEqual([]);
      const tables = await rows<{ table_name: string }>(
        database.db,
        sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(['territoire_commune', 'annuaire_structure', 'annuaire_site', 'annuaire_service', 'schema_migrations']),
      );
    } finally {
      await database.close();
    }
  });

  it('portent un nom NNNN_verbe-objet', async () => {
    for (const m of await listMigrations()) expect(m.nom).toMatch(/^\d{4}_[a-z]+(-[a-z0-9]+)+$/);
  });
});
