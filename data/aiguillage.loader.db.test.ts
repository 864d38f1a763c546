import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, rows } from '../src/db/client.js';
import { type FichierRegles, installerReglesNationales } from '../src/modules/aiguillage/index.js';
import { creerBaseDeTest } from '../test/harness/base.js';
import { chargerReglesNationales } from './aiguillage.loader.js';

const fichier = JSON.parse(
  readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'aiguillage', 'regles-nationales.json'), 'utf8'),
) as FichierRegles;

let database: Database;
beforeAll(async () => {
  database = await creerBaseDeTest();
});
afterAll(async () => database?.close());

const versionsNationales = () =>
  rows<{ version: string; statut: string; auteur: string; date_effet: string }>(
    database.db,
    sql`SELECT version, statut, auteur, date_effet::text AS date_effet FROM aiguillage_regles WHERE region_code IS NULL ORDER BY cree_le, version`,
  );

describe('chargement des règles nationales d’aiguillage', () => {
  it('a publié le fichier national au chargement des référentiels, avec sa date d’effet et son auteur', async () => {
    expect(await versionsNationales()).toEqual([
      { version: fichier.version, statut: 'publie', auteur: 'Trajectoires — règles nationales par défaut', date_effet: fichier.date_effet },
    ]);
  });

  it('ne l’enregistre pas deux fois', async () => {
    expect(await chargerReglesNationales(database)).toEqual({ version: fichier.version, installee: false });
    expect(await versionsNationales()).toHaveLength(1);
  });

  it('refuse la même version avec un autre contenu : une version publiée ne se réécrit pas', async () => {
    const modifie = { ...fichier, contenu: { ...fichier.contenu, description: `${fichier.contenu.description} (modifié)` } };
    await expect(installerReglesNationales(database.db, modifie, new Date())).rejects.toThrow(/déjà enregistrée avec un autre contenu/);
    expect(await versionsNationales()).toHaveLength(1);
  });

  it('publie une nouvelle version du fichier à côté de l’ancienne, et le journalise', async () => {
    expect(await installerReglesNationales(database.db, { ...fichier, version: 'national-essai' }, new Date())).toBe('installee');
    expect((await versionsNationales()).map((v) => [v.version, v.statut])).toEqual([
      [fichier.version, 'publie'],
      ['national-essai', 'publie'],
    ]);
    const [evenement] = await rows<{ action: string; resultat: string }>(
      database.db,
      sql`SELECT action, resultat FROM audit_evenement ORDER BY id DESC LIMIT 1`,
    );
    expect(evenement).toEqual({ action: 'aiguillage.regles.installer', resultat: 'succes' });
  });
});
