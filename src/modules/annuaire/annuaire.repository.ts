import { type SQL, sql } from 'drizzle-orm';
import { type Db, type Executor, rows } from '../../db/client.js';
import { motsCorriges } from '../../db/trigrammes.js';
import { type Horaires, PLAFOND_RESULTATS } from './annuaire.contract.js';

export interface Centre {
  latitude: number;
  longitude: number;
  rayonMetres: number;
}

export interface FiltresServices {
  /** to_tsquery('fr') text; themes are codes, families already expanded to theirs. */
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

// One more than the ceiling: finding it tells that the total is not exact. Candidates are taken in
// index order (nearest first around a commune), so a broad search costs the same whether it
// matches 2,000 services or 40,000 (docs/adr/0003-recherche-bornee.md).
const CANDIDATS = PLAFOND_RESULTATS + 1;
// The pages end at the ceiling: the extra candidate only tells that there are more.
const pageBornee = (f: { limite: number; decalage: number }) =>
  sql`LIMIT ${Math.max(0, Math.min(f.limite, PLAFOND_RESULTATS - f.decalage))} OFFSET ${f.decalage}`;

const point = (c: Centre) => sql`ll_to_earth(${c.latitude}::float8, ${c.longitude}::float8)`;

// position: a site's, or a service's (its site's, kept by triggers, migration 0010).
function dansLeRayon(centre: Centre, position: SQL): SQL {
  // earth_box uses the GiST index (IS NOT NULL: the services' one is partial); the exact
  // distance then trims the box's corners.
  return sql`${position} IS NOT NULL AND earth_box(${point(centre)}, ${centre.rayonMetres}::float8) @> ${position}
    AND earth_distance(${point(centre)}, ${position}) <= ${centre.rayonMetres}::float8`;
}

const distanceKm = (centre: Centre | null, position: SQL) => (centre ? sql`earth_distance(${point(centre)}, ${position}) / 1000` : sql`NULL::float8`);
// The chord (cube <->) grows with the distance on the sphere: the index gives the nearest first.
const plusProchesDabord = (centre: Centre, position: SQL) => sql`ORDER BY ${position} <-> ${point(centre)}`;

/**
 * Runs a search around a point with the nearest-first plan. cube has no statistics: the planner
 * believes a box holds 0.1 % of the sites whatever its size, so it reads every site of the radius
 * through a bitmap and sorts them all (20,000 services within 50 km of Paris).
 * With bitmap scans off for this transaction only, it walks the GiST index from the centre and
 * stops as soon as it has the candidates; the box still bounds the walk when they are few.
 */
function autourDuCentre<T>(db: Db, centre: Centre | null, requete: SQL): Promise<T[]> {
  if (!centre) return rows<T>(db, requete);
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL enable_bitmapscan = off`);
    return rows<T>(tx, requete);
  });
}

/** Filters on a service; a theme family is expanded to its themes by the caller, so the GIN index serves it. */
function filtresService(f: FiltresServices): SQL[] {
  const conditions: SQL[] = [];
  if (f.tsquery) conditions.push(sql`s.recherche @@ to_tsquery('fr', ${f.tsquery})`);
  if (f.centre) conditions.push(dansLeRayon(f.centre, sql`s.position`));
  // "tous-publics" services are open to whichever public is asked for.
  if (f.publics.length) conditions.push(sql`s.publics && ${sql.param([...f.publics, 'tous-publics'])}::text[]`);
  if (f.thematiques.length) conditions.push(sql`s.thematiques && ${sql.param(f.thematiques)}::text[]`);
  if (f.reseaux.length) conditions.push(sql`st.reseau_code = ANY (${sql.param(f.reseaux)}::text[])`);
  return conditions;
}

/**
 * One page of services matching the filters, ranked per FiltresServices.tri; each row carries the
 * number of candidates, up to PLAFOND_RESULTATS + 1 (more than the ceiling: the total is not exact).
 */
export function searchServices(db: Db, f: FiltresServices): Promise<ServiceRow[]> {
  const conditions = filtresService(f);
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const pertinence = f.tsquery ? sql`ts_rank_cd(s.recherche, to_tsquery('fr', ${f.tsquery}), 1)` : sql`0`;
  let ordre: SQL;
  // Relevance decays with distance: a perfect match 10 km away ranks with a half match next door.
  if (f.centre && (f.tri === 'distance' || !f.tsquery)) ordre = sql`distance_km ASC NULLS LAST, nom, id`;
  else if (f.centre) ordre = sql`pertinence / (1 + distance_km / 10) DESC, distance_km, id`;
  else if (f.tsquery) ordre = sql`pertinence DESC, nom, id`;
  else ordre = sql`nom, id`;
  // Which matches become candidates when there are more than the ceiling: the nearest around a
  // commune, the first by name without words; with words only, the first the index yields (no
  // index ranks by relevance on both engines).
  // Around a commune, the GiST index on (position, recherche) gives the nearest services that have
  // the words, checking the words in the index.
  const ordreCandidats = f.centre ? plusProchesDabord(f.centre, sql`s.position`) : f.tsquery ? sql`` : sql`ORDER BY s.nom, s.id`;

  // The candidates are chosen over narrow rows (id and sort keys); only the page is then joined
  // to what is shown. Structures are joined in the narrow step only for the network filter
  // (every service has its structure, by key).
  const jointures = f.reseaux.length ? sql`JOIN annuaire_structure st ON st.region_code = s.region_code AND st.id = s.structure_id` : sql``;

  return autourDuCentre<ServiceRow>(
    db,
    f.centre,
    sql`WITH candidats AS MATERIALIZED (
        SELECT s.id, s.nom, ${distanceKm(f.centre, sql`s.position`)} AS distance_km, ${pertinence} AS pertinence
        FROM annuaire_service s ${jointures}
        ${where} ${ordreCandidats}
        LIMIT ${CANDIDATS})
      SELECT * FROM (SELECT s.id, s.nom, left(s.description, 280) AS resume, s.type, s.thematiques, s.publics, s.modes_accueil, s.frais,
        s.origine, s.demonstration, s.date_donnees::text AS date_donnees,
        st.id AS structure_id, st.nom AS structure_nom, r.code AS reseau_code, r.libelle AS reseau_libelle,
        si.id AS site_id, si.nom AS site_nom, si.adresse, si.code_postal, si.commune_code, si.commune_nom,
        si.latitude, si.longitude, si.position_approximative,
        page.distance_km, page.pertinence, (SELECT count(*) FROM candidats) AS total
      FROM (SELECT * FROM candidats ORDER BY ${ordre} ${pageBornee(f)}) AS page
      JOIN annuaire_service s ON s.id = page.id
      JOIN annuaire_structure st ON st.region_code = s.region_code AND st.id = s.structure_id
      LEFT JOIN annuaire_reseau r ON r.code = st.reseau_code
      LEFT JOIN annuaire_site si ON si.region_code = s.region_code AND si.id = s.site_id) AS trouves
      ORDER BY ${ordre}`,
  );
}

/** The words of the query as typed, each with its closest word of the directory (trigrams). */
export const correctWords = (db: Executor, mots: string[]) => motsCorriges(db, 'annuaire_lexique', mots);

/**
 * After a load or an import: rebuilds the typo lexicon from the words of every service, then
 * leaves the search fresh statistics and empty GIN pending lists. PGlite has no autovacuum to do
 * either: without statistics the planner guesses how many services a word or a public matches,
 * and every search reads a pending list entry by entry.
 */
export async function refreshLexique(db: Executor): Promise<void> {
  await db.execute(sql`DELETE FROM annuaire_lexique`);
  await db.execute(sql`INSERT INTO annuaire_lexique (mot)
    SELECT word FROM ts_stat($$SELECT to_tsvector('simple', unaccent(nom || ' ' || structure_texte || ' ' || description || ' ' || translate(array_to_string(thematiques, ' '), '-', ' '))) FROM annuaire_service$$)
    WHERE length(word) >= 3 AND word ~ '^[a-z]+$'`);
  await db.execute(sql`SELECT gin_clean_pending_list(i.indexrelid::regclass)
    FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam
    WHERE am.amname = 'gin' AND i.indrelid IN ('annuaire_service'::regclass, 'annuaire_site'::regclass, 'annuaire_lexique'::regclass)`);
  await db.execute(sql`ANALYZE annuaire_service, annuaire_site, annuaire_structure, annuaire_lexique`);
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
  /**
   * The name as typed (normalised): contained as a whole in the site's name or its network's
   * ('contient'), or each word contained in the site's name, as typed or as corrected ('mots':
   * one list of accepted forms per word).
   */
  nom: { texte: string; approche: 'contient' } | { texte: string; approche: 'mots'; mots: string[][] } | null;
  centre: Centre | null;
  reseaux: string[];
  accueilPublicSeulement: boolean;
  limite: number;
  decalage: number;
}

/** One page of sites, each row with the number of candidates (as searchServices). */
export function searchSites(db: Db, f: FiltresSites) {
  const conditions: SQL[] = [];
  if (f.nom?.approche === 'contient') {
    const motif = `%${f.nom.texte}%`;
    conditions.push(sql`(si.nom_recherche LIKE ${motif} OR si.structure_id IN (SELECT st.id FROM annuaire_structure st
      JOIN annuaire_reseau r ON r.code = st.reseau_code WHERE unaccent(lower(r.libelle)) LIKE ${motif}))`);
  } else if (f.nom) {
    const contient = (formes: string[]) =>
      sql`(${sql.join(
        formes.map((m) => sql`si.nom_recherche LIKE ${`%${m}%`}`),
        sql` OR `,
      )})`;
    conditions.push(sql.join(f.nom.mots.map(contient), sql` AND `));
  }
  if (f.centre) conditions.push(dansLeRayon(f.centre, sql`si.position`));
  if (f.reseaux.length) {
    conditions.push(sql`si.structure_id IN (SELECT id FROM annuaire_structure WHERE reseau_code = ANY (${sql.param(f.reseaux)}::text[]))`);
  }
  if (f.accueilPublicSeulement) conditions.push(sql`si.accueil_public`);
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const ressemblance = f.nom ? sql`similarity(si.nom_recherche, ${f.nom.texte})` : sql`0::real`;
  const ordre = f.centre ? sql`distance_km ASC NULLS LAST, nom, id` : f.nom ? sql`ressemblance DESC, nom, id` : sql`nom, id`;
  const ordreCandidats = f.centre ? plusProchesDabord(f.centre, sql`si.position`) : f.nom ? sql`` : sql`ORDER BY si.nom, si.id`;
  return autourDuCentre<SiteRow>(
    db,
    f.centre,
    sql`WITH candidats AS MATERIALIZED (
        SELECT si.id, si.nom, ${distanceKm(f.centre, sql`si.position`)} AS distance_km, ${ressemblance} AS ressemblance
        FROM annuaire_site si ${where} ${ordreCandidats}
        LIMIT ${CANDIDATS})
      SELECT * FROM (SELECT ${siteColumns}, page.distance_km, page.ressemblance, (SELECT count(*) FROM candidats) AS total
      FROM (SELECT * FROM candidats ORDER BY ${ordre} ${pageBornee(f)}) AS page
      JOIN annuaire_site si ON si.id = page.id
      JOIN annuaire_structure st ON st.region_code = si.region_code AND st.id = si.structure_id
      LEFT JOIN annuaire_reseau r ON r.code = st.reseau_code) AS trouves
      ORDER BY ${ordre}`,
  );
}

export function findSitesOfStructure(db: Executor, structureId: string) {
  return rows<SiteRow>(
    db,
    sql`SELECT ${siteColumns}, NULL::float8 AS distance_km, 0 AS total
      FROM annuaire_site si JOIN annuaire_structure st ON st.region_code = si.region_code AND st.id = si.structure_id
      LEFT JOIN annuaire_reseau r ON r.code = st.reseau_code
      WHERE si.structure_id = ${structureId} ORDER BY si.nom, si.id`,
  );
}

export async function findSite(db: Executor, siteId: string): Promise<SiteRow | undefined> {
  const [row] = await rows<SiteRow>(
    db,
    sql`SELECT ${siteColumns}, NULL::float8 AS distance_km, 0 AS total
      FROM annuaire_site si JOIN annuaire_structure st ON st.region_code = si.region_code AND st.id = si.structure_id
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
  JOIN annuaire_structure st ON st.region_code = s.region_code AND st.id = s.structure_id
  LEFT JOIN annuaire_reseau r ON r.code = st.reseau_code
  LEFT JOIN annuaire_site si ON si.region_code = s.region_code AND si.id = s.site_id`;

export async function findService(db: Executor, id: string): Promise<ServiceDetailRow | undefined> {
  const [row] = await rows<ServiceDetailRow>(db, sql`SELECT ${serviceColumns} ${serviceJoins} WHERE s.id = ${id}`);
  return row;
}

export function findServicesOfStructure(db: Executor, structureId: string) {
  return rows<ServiceDetailRow>(
    db,
    sql`SELECT ${serviceColumns} ${serviceJoins} WHERE s.structure_id = ${structureId} ORDER BY si.nom NULLS FIRST, s.nom, s.id`,
  );
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
  return rows<{
    id: string;
    nom: string;
    fonction: string | null;
    telephone: string | null;
    courriel: string | null;
    site_id: string | null;
    demonstration: boolean;
  }>(db, sql`SELECT id, nom, fonction, telephone, courriel, site_id, demonstration FROM annuaire_contact WHERE structure_id = ${structureId} ORDER BY nom, id`);
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
