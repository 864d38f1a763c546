import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerBaseDeTest } from '../../../test/harness/base.js';
import { type Database, rows } from '../../db/client.js';
import { type ReferentielAnnuaire, type StructureAImporter, idDeSource, replaceSources } from './annuaire.referentiel.js';

const SOURCE = 'essai-rechargement';
let database: Database;
let referentiel: ReferentielAnnuaire;

beforeAll(async () => {
  database = await creerBaseDeTest();
  // The loaded vocabularies and networks, handed back unchanged: only the structures are under test.
  referentiel = {
    vocabulaires: await rows(database.db, sql`SELECT vocabulaire, valeur, libelle, description, ordre FROM annuaire_vocabulaire`),
    reseaux: await rows(
      database.db,
      sql`SELECT code, libelle, description, reseau_porteur AS "reseauPorteur", typologie, operateur_cep AS "operateurCep", ordre FROM annuaire_reseau`,
    ),
  };
});
afterAll(async () => database?.close());

function structure(sourceId: string, nom: string): StructureAImporter {
  const commun = { source: SOURCE, sourceId, demonstration: false, dateDonnees: '2026-01-01' };
  return {
    structure: { ...commun, nom, regionCode: '75' },
    sites: [{ ...commun, cle: 'principal', nom: `${nom} – accueil`, horairesTexte: 'lundi 09:00-12:00' }],
    services: [
      {
        ...commun,
        sourceId: `${sourceId}--accueil`,
        origine: 'producteur',
        nom: `Accueil de ${nom}`,
        description: 'Premier accueil et information.',
        thematiques: ['trouver-un-emploi'],
        siteCle: 'principal',
      },
    ],
    contacts: [{ nom: 'Alex Martin', demonstration: false, siteCle: null }],
  };
}

const charger = (structures: StructureAImporter[], empreinte: string) =>
  replaceSources(database.db, { jeu: 'essai-rechargement', empreinte, sources: [SOURCE], referentiel, structures });

async function lignes() {
  return rows<{ table: string; id: string; nom: string; source_id: string }>(
    database.db,
    sql`SELECT 'structure' AS table, id::text, nom, source_id FROM annuaire_structure WHERE source = ${SOURCE}
      UNION ALL SELECT 'site', id::text, nom, source_id FROM annuaire_site WHERE source = ${SOURCE}
      UNION ALL SELECT 'service', id::text, nom, source_id FROM annuaire_service WHERE source = ${SOURCE}
      UNION ALL SELECT 'contact', c.id::text, c.nom, st.source_id FROM annuaire_contact c JOIN annuaire_structure st ON st.id = c.structure_id WHERE st.source = ${SOURCE}
      ORDER BY 1, 4, 3`,
  );
}

describe('replaceSources', () => {
  it('redonne les mêmes identifiants aux structures, lieux, services et contacts rechargés', async () => {
    await charger([structure('un', 'Maison de l’emploi'), structure('deux', 'Point accueil')], 'v1');
    const avant = await lignes();
    expect(avant.find((l) => l.table === 'structure' && l.source_id === 'un')?.id).toBe(idDeSource('structure', SOURCE, 'un'));

    await charger([structure('un', 'Maison de l’emploi'), structure('deux', 'Point accueil')], 'v2');
    expect(await lignes()).toEqual(avant);
  });

  it('garde telle quelle une structure modifiée par ses gestionnaires, recharge les autres de leur source', async () => {
    const geree = idDeSource('structure', SOURCE, 'un');
    await database.db.execute(sql`UPDATE annuaire_structure SET nom = 'Maison de l’emploi du Val' WHERE id = ${geree}`);
    await database.db.execute(sql`INSERT INTO annuaire_modification (region_code, structure_id, objet_type, objet_id, operation, champs, le)
      VALUES ('75', ${geree}, 'structure', ${geree}, 'modification', '{"nom": {"avant": "Maison de l’emploi", "apres": "Maison de l’emploi du Val"}}', now())`);

    await charger([structure('un', 'Maison de l’emploi (fichier 2027)'), structure('deux', 'Point accueil (fichier 2027)')], 'v3');
    const noms = Object.fromEntries((await lignes()).filter((l) => l.table === 'structure').map((l) => [l.source_id, { id: l.id, nom: l.nom }]));
    expect(noms).toEqual({
      un: { id: geree, nom: 'Maison de l’emploi du Val' },
      deux: { id: idDeSource('structure', SOURCE, 'deux'), nom: 'Point accueil (fichier 2027)' },
    });
    // Its places and services stay as managed too, once each.
    const sites = (await lignes()).filter((l) => l.table === 'site' && l.source_id === 'un');
    expect(sites).toEqual([{ table: 'site', id: idDeSource('site', SOURCE, 'un'), nom: 'Maison de l’emploi – accueil', source_id: 'un' }]);
  });

  it('garde une structure gérée que sa source ne contient plus, et retire les autres', async () => {
    await charger([], 'v4');
    expect((await lignes()).filter((l) => l.table === 'structure').map((l) => l.source_id)).toEqual(['un']);
  });
});
