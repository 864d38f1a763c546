import { sql } from 'drizzle-orm';
import { insertJsonBatched } from '../../db/bulk.js';
import { recordLoad } from '../../db/chargements.js';
import type { Db, Executor } from '../../db/client.js';
import { rows } from '../../db/client.js';
import * as t from './metiers.tables.js';

type Lignes<T extends { $inferInsert: unknown }> = T['$inferInsert'][];

/** What the loader of ../shared/data hands to this module, already parsed and checked. */
export interface DonneesMetiers {
  version: { numero: number; libelle: string; datePublication: string; dateValidation: string | null };
  grandsDomaines: Lignes<typeof t.grandDomaine>;
  domaines: Lignes<typeof t.domaineProfessionnel>;
  fiches: Lignes<typeof t.fiche>;
  appellations: Lignes<typeof t.appellation>;
  competences: Lignes<typeof t.competence>;
  savoirs: Lignes<typeof t.savoir>;
  contextes: Lignes<typeof t.contexte>;
  items: Lignes<typeof t.item>;
  blocs: Lignes<typeof t.bloc>;
  rubriques: Lignes<typeof t.rubrique>;
  liens: Lignes<typeof t.lien>;
  mobilites: Lignes<typeof t.mobilite>;
  textes: Lignes<typeof t.texte>;
  centresInteret: Lignes<typeof t.centreInteret>;
  fichesCentresInteret: Lignes<typeof t.ficheCentreInteret>;
  secteurs: Lignes<typeof t.secteur>;
  sousSecteurs: Lignes<typeof t.sousSecteur>;
  fichesSecteurs: Lignes<typeof t.ficheSecteur>;
  secteursNaf: Lignes<typeof t.secteurNaf>;
  fichesSecteursNaf: Lignes<typeof t.ficheSecteurNaf>;
  themes: Lignes<typeof t.theme>;
  fichesThemes: Lignes<typeof t.ficheTheme>;
}

export const JEU_METIERS = 'metiers';

export class VersionMetiersAnterieure extends Error {
  override name = 'VersionMetiersAnterieure';
}

/** Words of 3 letters or more of the job titles and fiche labels: what a typed word may be corrected into. */
function motsDuLexique(donnees: DonneesMetiers): { mot: string }[] {
  const mots = new Set<string>();
  for (const l of [...donnees.fiches, ...donnees.appellations]) {
    for (const mot of l.libelleRecherche.split(' ')) if (mot.length >= 3 && /^[a-z]+$/.test(mot)) mots.add(mot);
  }
  return [...mots].sort().map((mot) => ({ mot }));
}

async function versionCourante(tx: Executor): Promise<number | null> {
  const [ligne] = await rows<{ numero: number }>(tx, sql`SELECT numero FROM metiers_version WHERE courante`);
  return ligne?.numero ?? null;
}

/**
 * Replaces the whole referential in one transaction (readers never see half of it). Fiches and job
 * titles that the new version drops are kept in metiers_code_retire with the version they left
 * in; a code that comes back is no longer retired. An older version than the loaded one is refused.
 */
export async function replaceReferentielMetiers(db: Db, donnees: DonneesMetiers, empreinte: string): Promise<void> {
  const numero = donnees.version.numero;
  await db.transaction(async (tx) => {
    const courante = await versionCourante(tx);
    if (courante !== null && numero < courante) {
      throw new VersionMetiersAnterieure(`La version ${numero} du ROME est antérieure à celle chargée (${courante}) : elle n’est pas chargée.`);
    }
    if (courante !== null) {
      const fiches = donnees.fiches.map((f) => f.codeRome);
      const appellations = donnees.appellations.map((a) => a.codeOgr);
      await tx.execute(sql`INSERT INTO metiers_code_retire (nature, code, libelle, code_rome, derniere_version, retire_en)
        SELECT 'fiche', code_rome, libelle, code_rome, ${courante}, ${numero} FROM metiers_fiche
        WHERE NOT (code_rome = ANY (${sql.param(fiches)}::text[]))
        ON CONFLICT (nature, code) DO NOTHING`);
      await tx.execute(sql`INSERT INTO metiers_code_retire (nature, code, libelle, code_rome, derniere_version, retire_en)
        SELECT 'appellation', code_ogr, libelle, code_rome, ${courante}, ${numero} FROM metiers_appellation
        WHERE NOT (code_ogr = ANY (${sql.param(appellations)}::text[]))
        ON CONFLICT (nature, code) DO NOTHING`);
      await tx.execute(sql`DELETE FROM metiers_code_retire
        WHERE (nature = 'fiche' AND code = ANY (${sql.param(fiches)}::text[]))
           OR (nature = 'appellation' AND code = ANY (${sql.param(appellations)}::text[]))`);
    }
    await tx.execute(sql`TRUNCATE metiers_grand_domaine, metiers_domaine_professionnel, metiers_fiche, metiers_appellation,
      metiers_lexique, metiers_competence, metiers_savoir, metiers_contexte, metiers_item, metiers_bloc, metiers_rubrique,
      metiers_lien, metiers_mobilite, metiers_texte, metiers_centre_interet, metiers_fiche_centre_interet, metiers_secteur,
      metiers_sous_secteur, metiers_fiche_secteur, metiers_secteur_naf, metiers_fiche_secteur_naf, metiers_theme, metiers_fiche_theme`);
    await insertJsonBatched(tx, t.grandDomaine, donnees.grandsDomaines);
    await insertJsonBatched(tx, t.domaineProfessionnel, donnees.domaines);
    await insertJsonBatched(tx, t.fiche, donnees.fiches);
    await insertJsonBatched(tx, t.appellation, donnees.appellations);
    await insertJsonBatched(tx, t.lexique, motsDuLexique(donnees));
    await insertJsonBatched(tx, t.competence, donnees.competences);
    await insertJsonBatched(tx, t.savoir, donnees.savoirs);
    await insertJsonBatched(tx, t.contexte, donnees.contextes);
    await insertJsonBatched(tx, t.item, donnees.items);
    await insertJsonBatched(tx, t.bloc, donnees.blocs);
    await insertJsonBatched(tx, t.rubrique, donnees.rubriques);
    await insertJsonBatched(tx, t.lien, donnees.liens);
    await insertJsonBatched(tx, t.mobilite, donnees.mobilites);
    await insertJsonBatched(tx, t.texte, donnees.textes);
    await insertJsonBatched(tx, t.centreInteret, donnees.centresInteret);
    await insertJsonBatched(tx, t.ficheCentreInteret, donnees.fichesCentresInteret);
    await insertJsonBatched(tx, t.secteur, donnees.secteurs);
    await insertJsonBatched(tx, t.sousSecteur, donnees.sousSecteurs);
    await insertJsonBatched(tx, t.ficheSecteur, donnees.fichesSecteurs);
    await insertJsonBatched(tx, t.secteurNaf, donnees.secteursNaf);
    await insertJsonBatched(tx, t.ficheSecteurNaf, donnees.fichesSecteursNaf);
    await insertJsonBatched(tx, t.theme, donnees.themes);
    await insertJsonBatched(tx, t.ficheTheme, donnees.fichesThemes);
    await tx.execute(sql`UPDATE metiers_version SET courante = false WHERE courante`);
    const v = donnees.version;
    await tx.execute(sql`INSERT INTO metiers_version (numero, libelle, date_publication, date_validation, courante)
      VALUES (${numero}, ${v.libelle}, ${v.datePublication}, ${v.dateValidation}, true)
      ON CONFLICT (numero) DO UPDATE SET libelle = EXCLUDED.libelle, date_publication = EXCLUDED.date_publication,
        date_validation = EXCLUDED.date_validation, courante = true, chargee_le = now()`);
    await recordLoad(tx, JEU_METIERS, empreinte, donnees.fiches.length);
  });
  // PGlite has no autovacuum: without statistics the planner guesses the size of every table.
  await db.execute(sql`ANALYZE metiers_fiche, metiers_appellation, metiers_lexique, metiers_lien, metiers_mobilite, metiers_texte`);
}
