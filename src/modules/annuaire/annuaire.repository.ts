import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../db/client.js';
import { ressemble } from '../../db/trigrammes.js';
import type { Horaires } from './annuaire.contract.js';

export interface Centre {
  latitude: number;
  longitude: number;
  rayonMetres: number;
}

export interface FiltresServices {
  tsquery: string | null;
  centre: Centre | null;
  publics: string[];
  thematiques: string[];
  reseaux: string[];
  tri: 'pertinence' | 'distance';
  limite: number;
  decalage: number;
}

export interface ServiceRow {
  id: string;
  nom: string;
  resume: string;
  type: string | null;
  thematiques: string[];
  publics: string[];
  modes_accueil: string[];
  frais: string | null;
  origine: 'producteur' | 'offre_reseau' | 'demonstration';
  demonstration: boolean;
  date_donnees: string;
  structure_id: string;
  structure_nom: string;
  reseau_code: string | null;
  reseau_libelle: string | null;
  site_id: string | null;
  site_nom: string | null;
  adresse: string | null;
  code_postal: string | null;
  commune_code: string | null;
  commune_nom: string | null;
  latitude: number | null;
  longitude: number | null;
  position_approximative: boolean | null;
  distance_km: number | null;
  total: number;
}

const point = (c: Centre) => sql`ll_to_earth(${c.latitude}::float8, ${c.longitude}::float8)`;
const sitePoint = sql`ll_to_earth(si.latitude, si.longitude)`;

function dansLeRayon(centre: Centre): SQL {
  // earth_box uses the GiST index; the exact distance then trims the box's corners.
  return sql`si.latitude IS NOT NULL AND earth_box(${point(centre)}, ${centre.rayonMetres}::float8) @> ${sitePoint}
    AND earth_distance(${point(centre)}, ${sitePoint}) <= ${centre.rayonMetres}::float8`;
}

function filtreThematiques(thematiques: string[]): SQL {
  // A family ("se-former") matches all its themes ("se-former--trouver-sa-formation").
  const familles = thematiques.filter((t) => !t.includes('--')).map((t) => `${t}--%`);
  return sql`(s.thematiques && ${sql.param(thematiques)}::text[]
    OR EXISTS (SELECT 1 FROM unnest(s.thematiques) t WHERE t LIKE ANY (${sql.param(familles)}::text[])))`;
}

/** One page of services matching the filters, with the total; ranking per FiltresServices.tri. */
export async function searchServices(db: Executor, f: FiltresServices): Promise<ServiceRow[]> {
  const requete = f.tsquery ? sql`to_tsquery('fr', ${f.tsquery})` : null;
  const conditions: SQL[] = [];
  if (requete) conditions.push(sql`s.recherche @@ ${requete}`);
  if (f.centre) conditions.push(dansLeRayon(f.centre));
  // "tous-publics" services are open to whichever public is asked for.
  if (f.publics.length) conditions.push(sql`s.publics && ${sql.param([...f.publics, 'tous-publics'])}::text[]`);
  if (f.thematiques.length) conditions.push(filtreThematiques(f.thematiques));
  if (f.reseaux.length) conditions.push(sql`st.reseau_code = ANY (${sql.param(f.reseaux)}::text[])`);
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;

  const distance = f.centre ? sql`earth_distance(${point(f.centre)}, ${sitePoint}) / 1000` : sql`NULL::float8`;
  const pertinence = requete ? sql`ts_rank_cd(s.recherche, ${requete}, 1)` : sql`0`;
  let ordre: SQL;
  // Relevance decays with distance: a perfect match 10 km away ranks with a half match next door.
  if (f.centre && (f.tri === 'distance' || !requete)) ordre = sql`distance_km ASC NULLS LAST, nom, id`;
  else if (f.centre) ordre = sql`pertinence / (1 + distance_km / 10) DESC, distance_km, id`;
  else if (requete) ordre = sql`pertinence DESC, nom, id`;
  else ordre = sql`nom, id`;

  // The page is chosen over narrow rows (id and sort keys) and only its rows are then joined to
  // what is shown: building, counting and sorting the wide rows of every match costs 3 to 4 times
  // more on a national directory (docs/performance.md). Structures and sites are joined in the
  // narrow step only for the filters that need them (every service has its structure, by key).
  const jointures: SQL[] = [];
  if (f.reseaux.length) jointures.push(sql`JOIN annuaire_structure st ON st.id = s.structure_id`);
  if (f.centre) jointures.push(sql`LEFT JOIN annuaire_site si ON si.id = s.site_id`);

  return rows<ServiceRow>(
    db,
    sql`SELECT * FROM (SELECT s.id, s.nom, left(s.description, 280) AS resume, s.type, s.thematiques, s.publics, s.modes_accueil, s.frais,
        s.origine, s.demonstration, s.date_donnees::text AS date_donnees,
        st.id AS structure_id, st.nom AS structure_nom, r.code AS reseau_code, r.libelle AS reseau_libelle,
        si.id AS site_id, si.nom AS site_nom, si.adresse, si.code_postal, si.commune_code, si.commune_nom,
        si.latitude, si.longitude, si.position_approximative,
        page.distance_km, page.pertinence, page.total
      FROM (SELECT * FROM (SELECT s.id, s.nom, ${distance} AS distance_km, ${pertinence} AS pertinence, count(*) OVER () AS total
          FROM annuaire_service s ${sql.join(jointures, sql` `)}
          ${where}) AS trouves
        ORDER BY ${ordre}
        LIMIT ${f.limite} OFFSET ${f.decalage}) AS page
      JOIN annuaire_service s ON s.id = page.id
      JOIN annuaire_structure st ON st.id = s.structure_id
      LEFT JOIN annuaire_reseau r ON r.code = st.reseau_code
      LEFT JOIN annuaire_site si ON si.id = s.site_id) AS trouves
      ORDER BY ${ordre}`,
  );
}

/** The words of the query as typed, each with its closest word of the directory (trigrams). */
export function correctWords(db: Executor, mots: string[]) {
  return rows<{ saisi: string; corrige: string | null }>(
    db,
    sql`SELECT w AS saisi,
        -- the lexicon holds words of 3 letters or more: a shorter one ("de") is kept as typed, not
        -- "corrected" into a word nobody meant, which also spares a scan of the lexicon
        CASE WHEN length(w) < 3 OR EXISTS (SELECT 1 FROM annuaire_lexique WHERE mot = w) THEN w
          ELSE (SELECT mot FROM annuaire_lexique WHERE ${ressemble(sql`mot`, sql`w`)} ORDER BY similarity(mot, w) DESC, mot LIMIT 1) END AS corrige
      FROM unnest(${sql.param(mots)}::text[]) WITH ORDINALITY AS m(w, n) ORDER BY n`,
  );
}

/** Rebuilds the typo lexicon from the words of every service (after a load or an import). */
export async function refreshLexique(db: Executor): Promise<void> {
  await db.execute(sql`DELETE FROM annuaire_lexique`);
  await db.execute(sql`INSERT INTO annuaire_lexique (mot)
    SELECT word FROM ts_stat($$SELECT to_tsvector('simple', unaccent(nom || ' ' || structure_texte || ' ' || description || ' ' || translate(array_to_string(thematiques, ' '), '-', ' '))) FROM annuaire_service$$)
    WHERE length(word) >= 3 AND word ~ '^[a-z]+$'`);
}

export interface SiteRow {
  id: string;
  nom: string;
  adresse: string | null;
  code_postal: string | null;
  commune_code: string | null;
  commune_nom: string | null;
  latitude: number | null;
  longitude: number | null;
  position_approximative: boolean;
  canaux: string[];
  telephone: string | null;
  courriel: string | null;
  site_web: string | null;
  prise_rdv: string | null;
  horaires: Horaires | null;
  horaires_texte: string | null;
  accessibilite: string | null;
  accueil_public: boolean;
  demonstration: boolean;
  source: string;
  date_donnees: string;
  structure_id: string;
  structure_nom: string;
  reseau_code: string | null;
  reseau_libelle: string | null;
  distance_km: number | null;
  total: number;
}

const siteColumns = sql`si.id, si.nom, si.adresse, si.code_postal, si.commune_code, si.commune_nom, si.latitude, si.longitude,
  si.position_approximative, si.canaux, si.telephone, si.courriel, si.site_web, si.prise_rdv, si.horaires, si.horaires_texte,
  si.accessibilite, si.accueil_public, si.demonstration, si.source, si.date_donnees::text AS date_donnees,
  st.id AS structure_id, st.nom AS structure_nom, r.code AS reseau_code, r.libelle AS reseau_libelle`;

export interface FiltresSites {
  nom: string | null;
  centre: Centre | null;
  reseaux: string[];
  accueilPublicSeulement: boolean;
  limite: number;
  decalage: number;
}

export function searchSites(db: Executor, f: FiltresSites) {
  const conditions: SQL[] = [];
  if (f.nom) {
    conditions.push(sql`(si.nom_recherche LIKE ${`%${f.nom}%`} OR ${ressemble(sql`si.nom_recherche`, f.nom)}
      OR st.reseau_code IN (SELECT code FROM annuaire_reseau WHERE unaccent(lower(libelle)) LIKE ${`%${f.nom}%`}))`);
  }
  if (f.centre) conditions.push(dansLeRayon(f.centre));
  if (f.reseaux.length) conditions.push(sql`st.reseau_code = ANY (${sql.param(f.reseaux)}::text[])`);
  if (f.accueilPublicSeulement) conditions.push(sql`si.accueil_public`);
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const distance = f.centre ? sql`earth_distance(${point(f.centre)}, ${sitePoint}) / 1000` : sql`NULL::float8`;
  const ordre = f.centre
    ? sql`distance_km ASC NULLS LAST, si.nom, si.id`
    : f.nom
      ? sql`similarity(si.nom_recherche, ${f.nom}) DESC, si.nom, si.id`
      : sql`si.nom, si.id`;
  return rows<SiteRow>(
    db,
    sql`SELECT ${siteColumns}, ${distance} AS distance_km, count(*) OVER () AS total
      FROM annuaire_site si
      JOIN annuaire_structure st ON st.id = si.structure_id
      LEFT JOIN annuaire_reseau r ON r.code = st.reseau_code
      ${where}
      ORDER BY ${ordre}
      LIMIT ${f.limite} OFFSET ${f.decalage}`,
  );
}

export function findSitesOfStructure(db: Executor, structureId: string) {
  return rows<SiteRow>(
    db,
    sql`SELECT ${siteColumns}, NULL::float8 AS distance_km, 0 AS total
      FROM annuaire_site si JOIN annuaire_structure st ON st.id = si.structure_id
      LEFT JOIN annuaire_reseau r ON r.code = st.reseau_code
      WHERE si.structure_id = ${structureId} ORDER BY si.nom, si.id`,
  );
}

export async function findSite(db: Executor, siteId: string): Promise<SiteRow | undefined> {
  const [row] = await rows<SiteRow>(
    db,
    sql`SELECT ${siteColumns}, NULL::float8 AS distance_km, 0 AS total
      FROM annuaire_site si JOIN annuaire_structure st ON st.id = si.structure_id
      LEFT JOIN annuaire_reseau r ON r.code = st.reseau_code
      WHERE si.id = ${siteId}`,
  );
  return row;
}

export interface ServiceDetailRow extends ServiceRow {
  description: string;
  publics_precisions: string | null;
  conditions_acces: string | null;
  frais_precisions: string | null;
  modes_mobilisation: string[];
  mobilisable_par: string[];
  mobilisation_precisions: string | null;
  lien_mobilisation: string | null;
  zone_eligibilite: string[] | null;
  telephone: string | null;
  courriel: string | null;
  source: string;
}

const serviceColumns = sql`s.id, s.nom, left(s.description, 280) AS resume, s.type, s.thematiques, s.publics, s.modes_accueil, s.frais,
  s.origine, s.demonstration, s.date_donnees::text AS date_donnees, s.description, s.publics_precisions, s.conditions_acces,
  s.frais_precisions, s.modes_mobilisation, s.mobilisable_par, s.mobilisation_precisions, s.lien_mobilisation,
  s.zone_eligibilite, s.telephone, s.courriel, s.source,
  st.id AS structure_id, st.nom AS structure_nom, r.code AS reseau_code, r.libelle AS reseau_libelle,
  si.id AS site_id, si.nom AS site_nom, si.adresse, si.code_postal, si.commune_code, si.commune_nom,
  si.latitude, si.longitude, si.position_approximative, NULL::float8 AS distance_km, 0 AS total`;

const serviceJoins = sql`FROM annuaire_service s
  JOIN annuaire_structure st ON st.id = s.structure_id
  LEFT JOIN annuaire_reseau r ON r.code = st.reseau_code
  LEFT JOIN annuaire_site si ON si.id = s.site_id`;

export async function findService(db: Executor, id: string): Promise<ServiceDetailRow | undefined> {
  const [row] = await rows<ServiceDetailRow>(db, sql`SELECT ${serviceColumns} ${serviceJoins} WHERE s.id = ${id}`);
  return row;
}

export function findServicesOfStructure(db: Executor, structureId: string) {
  return rows<ServiceDetailRow>(db, sql`SELECT ${serviceColumns} ${serviceJoins} WHERE s.structure_id = ${structureId} ORDER BY si.nom NULLS FIRST, s.nom, s.id`);
}

export interface StructureRow {
  id: string;
  nom: string;
  siret: string | null;
  description: string | null;
  telephone: string | null;
  courriel: string | null;
  site_web: string | null;
  commune_code: string | null;
  demonstration: boolean;
  source: string;
  date_donnees: string;
  confirme_le: string | null;
  reseau_code: string | null;
  reseau_libelle: string | null;
  reseau_description: string | null;
}

export async function findStructure(db: Executor, id: string): Promise<StructureRow | undefined> {
  const [row] = await rows<StructureRow>(
    db,
    sql`SELECT st.id, st.nom, st.siret, st.description, st.telephone, st.courriel, st.site_web, st.commune_code,
        st.demonstration, st.source, st.date_donnees::text AS date_donnees, to_char(st.confirme_le, 'YYYY-MM-DD"T"HH24:MI:SSOF') AS confirme_le,
        r.code AS reseau_code, r.libelle AS reseau_libelle, r.description AS reseau_description
      FROM annuaire_structure st LEFT JOIN annuaire_reseau r ON r.code = st.reseau_code WHERE st.id = ${id}`,
  );
  return row;
}

export function findContactsOfStructure(db: Executor, structureId: string) {
  return rows<{ id: string; nom: string; fonction: string | null; telephone: string | null; courriel: string | null; site_id: string | null; demonstration: boolean }>(
    db,
    sql`SELECT id, nom, fonction, telephone, courriel, site_id, demonstration FROM annuaire_contact WHERE structure_id = ${structureId} ORDER BY nom, id`,
  );
}

export function listVocabulaires(db: Executor) {
  return rows<{ vocabulaire: string; valeur: string; libelle: string; description: string | null }>(
    db,
    sql`SELECT vocabulaire, valeur, libelle, description FROM annuaire_vocabulaire ORDER BY vocabulaire, ordre`,
  );
}

export function listReseaux(db: Executor) {
  return rows<{ code: string; libelle: string; description: string; operateur_cep: string | null }>(
    db,
    sql`SELECT code, libelle, description, operateur_cep FROM annuaire_reseau ORDER BY ordre`,
  );
}
