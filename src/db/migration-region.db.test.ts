import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerBaseVide } from '../../test/harness/base.js';
import { type Database, rows } from './client.js';
import { listMigrations, migrate } from './migrate.js';

// Rows written before migration 0017, as a Region's server holds them: the migration must give
// each one the Region it knows, and the directory's rows their structure's.
const S = {
  commune: '00000000-0000-4000-8000-000000000001',
  departement: '00000000-0000-4000-8000-000000000002',
  lieu: '00000000-0000-4000-8000-000000000003',
  aucune: '00000000-0000-4000-8000-000000000004',
  deja: '00000000-0000-4000-8000-000000000005',
};
const LIEU_AILLEURS = '00000000-0000-4000-8000-0000000000a1';
const LIEU_SANS_REGION = '00000000-0000-4000-8000-0000000000a2';
const DISPARUE = '00000000-0000-4000-8000-0000000000ff';

let database: Database;
beforeAll(async () => {
  database = await creerBaseVide();
  const toutes = await listMigrations();
  const avant = toutes.filter((m) => m.nom < '0017');
  await migrate(database, avant);
  await database.execScript(`
    INSERT INTO territoire_region (code, nom, zone) VALUES ('75', 'Nouvelle-Aquitaine', 'metro'), ('76', 'Occitanie', 'metro');
    INSERT INTO territoire_departement (code, nom, region_code, zone) VALUES ('19', 'Corrèze', '75', 'metro'), ('31', 'Haute-Garonne', '76', 'metro');
    INSERT INTO territoire_commune (code, nom, nom_recherche, departement_code, region_code, zone)
      VALUES ('19272', 'Tulle', 'tulle', '19', '75', 'metro'), ('31555', 'Toulouse', 'toulouse', '31', '76', 'metro');
    INSERT INTO annuaire_structure (id, source, source_id, nom, commune_code, departement_code, region_code, date_donnees) VALUES
      ('${S.commune}', 'essai', 'commune', 'Par sa commune', '19272', NULL, NULL, '2026-01-01'),
      ('${S.departement}', 'essai', 'departement', 'Par son département', NULL, '31', NULL, '2026-01-01'),
      ('${S.lieu}', 'essai', 'lieu', 'Par son lieu', NULL, NULL, NULL, '2026-01-01'),
      ('${S.aucune}', 'essai', 'aucune', 'À distance', NULL, NULL, NULL, '2026-01-01'),
      ('${S.deja}', 'essai', 'deja', 'Déjà placée', '19272', '19', '75', '2026-01-01');
    INSERT INTO annuaire_site (id, structure_id, source, source_id, nom, nom_recherche, commune_code, region_code, date_donnees) VALUES
      ('${LIEU_AILLEURS}', '${S.deja}', 'essai', 'ailleurs', 'Antenne', 'antenne', '31555', '76', '2026-01-01'),
      ('${LIEU_SANS_REGION}', '${S.lieu}', 'essai', 'lieu', 'Accueil', 'accueil', '31555', NULL, '2026-01-01');
    INSERT INTO annuaire_service (structure_id, site_id, source, source_id, origine, nom, description, date_donnees)
      VALUES ('${S.deja}', '${LIEU_AILLEURS}', 'essai', 'v1', 'producteur', 'Atelier', 'Atelier CV', '2026-01-01');
    INSERT INTO annuaire_contact (structure_id, site_id, nom) VALUES ('${S.deja}', '${LIEU_AILLEURS}', 'Accueil');
    INSERT INTO annuaire_modification (structure_id, objet_type, objet_id, operation, champs, le) VALUES
      ('${S.deja}', 'structure', '${S.deja}', 'confirmation', '{}', now()),
      ('${DISPARUE}', 'structure', '${DISPARUE}', 'confirmation', '{}', now());
    INSERT INTO annuaire_signalement (structure_id, objet_type, objet_id, message, cree_le)
      VALUES ('${S.departement}', 'structure', '${S.departement}', 'Horaires faux', now());
    INSERT INTO annuaire_rappel_confirmation (structure_id, envoye_le) VALUES ('${S.commune}', now()), ('${DISPARUE}', now());
  `);
  expect(await migrate(database, toutes)).toContain('0017_add-region-code-annuaire');
});
afterAll(async () => database?.close());

const regions = async (table: string, cle: string) =>
  Object.fromEntries(
    (
      await rows<{ cle: string; region_code: string }>(database.db, sql`SELECT ${sql.identifier(cle)}::text AS cle, region_code FROM ${sql.identifier(table)}`)
    ).map((r) => [r.cle, r.region_code]),
  );

describe('migration 0017 : region_code de l’annuaire sur une base déjà remplie', () => {
  it('donne à chaque structure la Région de sa commune, à défaut de son département, à défaut de son premier lieu, à défaut 00', async () => {
    expect(await regions('annuaire_structure', 'id')).toEqual({
      [S.commune]: '75',
      [S.departement]: '76',
      [S.lieu]: '76',
      [S.aucune]: '00',
      [S.deja]: '75',
    });
  });

  it('range les lieux, services et contacts dans la Région de leur structure, même un lieu situé dans une autre Région', async () => {
    expect(await regions('annuaire_site', 'id')).toEqual({ [LIEU_AILLEURS]: '75', [LIEU_SANS_REGION]: '76' });
    expect(Object.values(await regions('annuaire_service', 'id'))).toEqual(['75']);
    expect(Object.values(await regions('annuaire_contact', 'id'))).toEqual(['75']);
  });

  it('range l’historique, les signalements et les rappels avec leur structure, sous 00 quand elle a disparu', async () => {
    expect(await regions('annuaire_modification', 'structure_id')).toEqual({ [S.deja]: '75', [DISPARUE]: '00' });
    expect(await regions('annuaire_signalement', 'structure_id')).toEqual({ [S.departement]: '76' });
    expect(await regions('annuaire_rappel_confirmation', 'structure_id')).toEqual({ [S.commune]: '75', [DISPARUE]: '00' });
  });

  it('garde la position d’un service recopiée de son lieu quand le lieu bouge, dans sa Région', async () => {
    await database.db.execute(sql`UPDATE annuaire_site SET latitude = 45.27, longitude = 1.77 WHERE id = ${LIEU_AILLEURS}::uuid`);
    const [service] = await rows<{ proche: boolean }>(
      database.db,
      sql`SELECT earth_distance(position, ll_to_earth(45.27, 1.77)) < 1 AS proche FROM annuaire_service WHERE site_id = ${LIEU_AILLEURS}::uuid`,
    );
    expect(service).toEqual({ proche: true });
  });

  it('refuse un lieu rangé dans une autre Région que sa structure', async () => {
    await expect(
      database.execScript(`INSERT INTO annuaire_site (region_code, structure_id, source, source_id, nom, nom_recherche, date_donnees)
        VALUES ('76', '${S.deja}', 'essai', 'mauvais', 'Ailleurs', 'ailleurs', '2026-01-01')`),
    ).rejects.toThrow(/annuaire_site_region_code_structure_id_fkey/);
  });
});
