import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerBaseDeTest, moteurDeTest } from '../test/harness/base.js';
import { lancerScript } from '../test/harness/commande.js';
import { createPgliteDatabase, type Database, rows } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { consignerAudit } from '../test/harness/audit.js';

/**
 * The command opens the database the way the application does: DATABASE_URL on PostgreSQL; on
 * PGlite a data folder, which only one process may hold, so the test closes its own first.
 */
interface Base {
  env: Record<string, string>;
  ouvrir(): Promise<Database>;
  fermer(database: Database): Promise<void>;
  nettoyer(): Promise<void>;
}

async function preparerBase(): Promise<Base> {
  if (moteurDeTest() === 'postgresql') {
    const database = await creerBaseDeTest();
    const [{ nom }] = (await rows<{ nom: string }>(database.db, sql`SELECT current_database() AS nom`)) as [{ nom: string }];
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${nom}`;
    return {
      env: { DATABASE_URL: url.toString() },
      ouvrir: async () => database,
      fermer: async () => {},
      nettoyer: () => database.close(),
    };
  }
  const dossier = await mkdtemp(path.join(tmpdir(), 'trajectoires-audit-'));
  const premiere = await createPgliteDatabase({ dataDir: dossier });
  await migrate(premiere);
  await premiere.close();
  return {
    env: { DATA_DIR: dossier },
    ouvrir: () => createPgliteDatabase({ dataDir: dossier }),
    fermer: (database) => database.close(),
    nettoyer: () => rm(dossier, { recursive: true, force: true }),
  };
}

const lancerVerification = (env: Record<string, string>) => lancerScript('scripts/audit-verify.ts', [], env);

let base: Base;
beforeAll(async () => {
  base = await preparerBase();
});
afterAll(async () => {
  await base?.nettoyer();
});

describe('npm run audit:verify', () => {
  it('sort en 0 sur une chaîne intacte, puis en 1 en nommant l’événement modifié', async () => {
    let database = await base.ouvrir();
    const evenements = [];
    for (let i = 0; i < 3; i++) {
      evenements.push(
        await consignerAudit(database.db, { action: 'dossier.lire', resultat: 'succes', cibleId: `d-${i}` }, new Date(Date.UTC(2026, 1, 1, 9, i))),
      );
    }
    const deuxieme = evenements[1]!;
    const dernier = evenements[2]!;
    await base.fermer(database);

    const intacte = await lancerVerification(base.env);

    expect(intacte.erreurs).not.toMatch(/impossible/);
    expect(intacte.code).toBe(0);
    expect(intacte.sortie).toContain('Journal d’audit intact');
    expect(intacte.sortie).toContain(`Dernier événement : n° ${dernier.id}, hash ${dernier.hash}.`);

    database = await base.ouvrir();
    await database.db.execute(sql`ALTER TABLE audit_evenement DISABLE TRIGGER USER`);
    await database.db.execute(sql`UPDATE audit_evenement SET resultat = 'refus' WHERE id = ${deuxieme.id}`);
    await database.db.execute(sql`ALTER TABLE audit_evenement ENABLE TRIGGER USER`);
    await base.fermer(database);

    const alteree = await lancerVerification(base.env);

    expect(alteree.code).toBe(1);
    expect(alteree.sortie).toContain(`Journal d’audit altéré : l’événement n° ${deuxieme.id} a été modifié après son enregistrement.`);
  });
});
