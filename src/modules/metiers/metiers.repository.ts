import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../db/client.js';
import type { LignesIndex } from './metiers.memoire.js';

export interface VersionRow {
  numero: number;
  libelle: string;
  date_publication: string;
}

export async function findVersionCourante(db: Executor): Promise<VersionRow | undefined> {
  const [v] = await rows<VersionRow>(db, sql`SELECT numero, libelle, date_publication::text AS date_publication FROM metiers_version WHERE courante`);
  return v;
}

export interface ResultatRow {
  code_rome: string;
  libelle: string;
  appellations: { code: string; libelle: string }[] | null;
  total: number;
}

/**
 * Fiches whose job titles or label contain every word (each word: one of its accepted forms, at
 * the start of a word of the normalised label), or whose code is the one typed. Best likeness of
 * a matching label to the corrected query first.
 */
export function searchFiches(db: Executor, r: { mots: string[][]; requete: string; code: string | null; limite: number; decalage: number }) {
  const contient = (colonne: SQL) =>
    r.mots.length === 0
      ? sql`false`
      : sql.join(
          r.mots.map(
            (formes) =>
              sql`(${sql.join(
                formes.map((f) => sql`(' ' || ${colonne}) LIKE ${`% ${f}%`}`),
                sql` OR `,
              )})`,
          ),
          sql` AND `,
        );
  // A label that starts with what was typed comes first ("agent" → "Agent de piste" before "Chargé de développement").
  const pertinence = (colonne: SQL) => sql`(similarity(${colonne}, ${r.requete}) + CASE WHEN ${colonne} LIKE ${`${r.requete}%`} THEN 0.5 ELSE 0 END)`;
  return rows<ResultatRow>(
    db,
    sql`WITH libelles AS (
        SELECT a.code_rome, a.code_ogr, a.libelle, ${pertinence(sql`a.libelle_recherche`)} AS s
        FROM metiers_appellation a WHERE ${contient(sql`a.libelle_recherche`)}
        UNION ALL
        SELECT f.code_rome, NULL, f.libelle, CASE WHEN f.code_rome = ${r.code} THEN 2 ELSE ${pertinence(sql`f.libelle_recherche`)} END
        FROM metiers_fiche f WHERE ${contient(sql`f.libelle_recherche`)} OR f.code_rome = ${r.code}
      ), par_fiche AS (
        SELECT code_rome, max(s) AS pertinence,
          to_jsonb((array_agg(jsonb_build_object('code', code_ogr, 'libelle', libelle) ORDER BY s DESC, libelle) FILTER (WHERE code_ogr IS NOT NULL))[1:5]) AS appellations
        FROM libelles GROUP BY code_rome
      )
      SELECT p.code_rome, f.libelle, p.appellations, count(*) OVER () AS total
      FROM par_fiche p JOIN metiers_fiche f ON f.code_rome = p.code_rome
      ORDER BY p.pertinence DESC, f.code_rome
      LIMIT ${r.limite} OFFSET ${r.decalage}`,
  );
}

export interface FicheRow {
  code_rome: string;
  libelle: string;
  domaine_code: string;
  domaine_libelle: string;
  grand_domaine_code: string;
  grand_domaine_libelle: string;
  riasec_majeur: string | null;
  riasec_mineur: string | null;
  transition_eco: string | null;
  transition_num: string | null;
  transition_demo: string | null;
  emploi_reglemente: boolean;
  emploi_cadre: boolean;
}

export async function findFiche(db: Executor, code: string): Promise<FicheRow | undefined> {
  const [f] = await rows<FicheRow>(
    db,
    sql`SELECT f.code_rome, f.libelle, f.domaine_code, d.libelle AS domaine_libelle, f.grand_domaine_code, g.libelle AS grand_domaine_libelle,
        f.riasec_majeur, f.riasec_mineur, f.transition_eco, f.transition_num, f.transition_demo, f.emploi_reglemente, f.emploi_cadre
      FROM metiers_fiche f
      JOIN metiers_domaine_professionnel d ON d.code = f.domaine_code
      JOIN metiers_grand_domaine g ON g.code = f.grand_domaine_code
      WHERE f.code_rome = ${code}`,
  );
  return f;
}

export interface RetireRow {
  code: string;
  libelle: string;
  code_rome: string;
  derniere_version: number;
  retire_en: number;
}

export async function findRetire(db: Executor, nature: 'fiche' | 'appellation', code: string): Promise<RetireRow | undefined> {
  const [r] = await rows<RetireRow>(
    db,
    sql`SELECT code, libelle, code_rome, derniere_version, retire_en FROM metiers_code_retire WHERE nature = ${nature} AND code = ${code}`,
  );
  return r;
}

export function listTextes(db: Executor, code: string) {
  return rows<{ type: string; texte: string }>(db, sql`SELECT type, texte FROM metiers_texte WHERE code_rome = ${code} ORDER BY bloc_code, position`);
}

export interface CompetenceFicheRow {
  code: string;
  libelle: string;
  rubrique_code: string;
  coeur_metier: string | null;
  categorie: string;
  macro_code: string | null;
  macro_libelle: string | null;
}

/** The skills (rubriques 1, 2) and knowledge (3) of a fiche, with their category and macro-competence. */
export function listCompetencesFiche(db: Executor, code: string) {
  return rows<CompetenceFicheRow>(
    db,
    sql`SELECT l.code_ogr AS code, coalesce(c.libelle, s.libelle) AS libelle, l.rubrique_code, l.coeur_metier,
        coalesce(c.sous_categorie, c.categorie, s.categorie) AS categorie,
        CASE WHEN c.nature = 'Macro-compétence' THEN c.code_ogr ELSE c.macro_code_ogr END AS macro_code,
        CASE WHEN c.nature = 'Macro-compétence' THEN c.libelle ELSE m.libelle END AS macro_libelle
      FROM metiers_lien l
      LEFT JOIN metiers_competence c ON c.code_ogr = l.code_ogr AND l.rubrique_code IN ('1', '2')
      LEFT JOIN metiers_competence m ON m.code_ogr = c.macro_code_ogr
      LEFT JOIN metiers_savoir s ON s.code_ogr = l.code_ogr AND l.rubrique_code = '3'
      WHERE l.code_rome = ${code} AND l.bloc_code = '5'
      ORDER BY l.rubrique_code, categorie, macro_libelle NULLS LAST, libelle`,
  );
}

export function listContextes(db: Executor, code: string) {
  return rows<{ code: string; libelle: string; type: string }>(
    db,
    sql`SELECT c.code_ogr AS code, c.libelle, c.type_libelle AS type FROM metiers_lien l JOIN metiers_contexte c ON c.code_ogr = l.code_ogr
      WHERE l.code_rome = ${code} AND l.bloc_code = '6' ORDER BY c.type_code, c.libelle`,
  );
}

export function listAppellations(db: Executor, code: string) {
  return rows<{ code: string; libelle: string; classification: string | null; peu_usite: boolean }>(
    db,
    sql`SELECT code_ogr AS code, libelle, classification, peu_usite FROM metiers_appellation WHERE code_rome = ${code}
      ORDER BY classification = 'PRINCIPALE' DESC, peu_usite, libelle`,
  );
}

export function listMobilites(db: Executor, code: string) {
  return rows<{ code: string; libelle: string; ordre: number }>(
    db,
    sql`SELECT m.code_rome_cible AS code, f.libelle, m.numero_ordre AS ordre FROM metiers_mobilite m JOIN metiers_fiche f ON f.code_rome = m.code_rome_cible
      WHERE m.code_rome = ${code} ORDER BY m.numero_ordre, m.code_rome_cible`,
  );
}

export function listCentresInteret(db: Executor, code: string) {
  return rows<{ code: string; libelle: string; principal: boolean }>(
    db,
    sql`SELECT c.code, c.libelle, fc.principal FROM metiers_fiche_centre_interet fc JOIN metiers_centre_interet c ON c.code = fc.centre_code
      WHERE fc.code_rome = ${code} ORDER BY fc.principal DESC, c.libelle`,
  );
}

export function listSecteurs(db: Executor, code: string) {
  return rows<{ code: string; libelle: string; sous_secteur_code: string | null; sous_secteur_libelle: string | null; principal: boolean }>(
    db,
    sql`SELECT s.code, s.libelle, ss.code AS sous_secteur_code, ss.libelle AS sous_secteur_libelle, fs.principal
      FROM metiers_fiche_secteur fs JOIN metiers_secteur s ON s.code = fs.secteur_code
      LEFT JOIN metiers_sous_secteur ss ON ss.code = fs.sous_secteur_code
      WHERE fs.code_rome = ${code} ORDER BY fs.principal DESC, s.libelle, ss.libelle NULLS FIRST`,
  );
}

export function listSecteursNaf(db: Executor, code: string) {
  return rows<{ code: string; libelle: string }>(
    db,
    sql`SELECT n.code, n.libelle FROM metiers_fiche_secteur_naf fn JOIN metiers_secteur_naf n ON n.code = fn.secteur_naf_code
      WHERE fn.code_rome = ${code} ORDER BY n.code_technique::int`,
  );
}

export function listThemes(db: Executor, code: string) {
  return rows<{ code: string; libelle: string }>(
    db,
    sql`SELECT t.code, t.libelle FROM metiers_fiche_theme ft JOIN metiers_theme t ON t.code = ft.theme_code WHERE ft.code_rome = ${code} ORDER BY t.code`,
  );
}

/** Everything the in-memory index needs, read in one go (about 110 000 rows). */
export async function readLignesIndex(db: Executor): Promise<Omit<LignesIndex, 'empreinte' | 'version'>> {
  const [fiches, liens, mobilites, appellations, competences, domaines, grandsDomaines] = await Promise.all([
    rows<LignesIndex['fiches'][number]>(db, sql`SELECT code_rome, libelle, domaine_code, riasec_majeur, riasec_mineur FROM metiers_fiche`),
    rows<LignesIndex['liens'][number]>(db, sql`SELECT code_rome, code_ogr, coeur_metier = 'Principale' AS coeur FROM metiers_lien WHERE bloc_code = '5'`).then(
      (l) => l.map((x) => ({ ...x, coeur: x.coeur === true })),
    ),
    rows<LignesIndex['mobilites'][number]>(db, sql`SELECT code_rome, code_rome_cible, numero_ordre FROM metiers_mobilite`),
    rows<LignesIndex['appellations'][number]>(db, sql`SELECT code_ogr, code_rome, libelle FROM metiers_appellation`),
    rows<LignesIndex['competences'][number]>(
      db,
      sql`SELECT code_ogr, libelle, CASE WHEN categorie = 'Savoir-être professionnel' THEN 'savoir_etre' ELSE 'savoir_faire' END AS type FROM metiers_competence
        UNION ALL SELECT code_ogr, libelle, 'savoir' FROM metiers_savoir`,
    ),
    rows<LignesIndex['domaines'][number]>(db, sql`SELECT code, libelle, grand_domaine_code FROM metiers_domaine_professionnel`),
    rows<LignesIndex['grandsDomaines'][number]>(db, sql`SELECT code, libelle FROM metiers_grand_domaine`),
  ]);
  return { fiches, liens, mobilites, appellations, competences, domaines, grandsDomaines };
}
