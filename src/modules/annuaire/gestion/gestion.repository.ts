import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../db/client.js';
import type { Horaires } from '../annuaire.contract.js';
import { regionLue } from '../annuaire.tables.js';
import type { ChampsModifies, ObjetGere, Operation } from './gestion.tables.js';

// Queries of the directory's management, on the annuaire module's own tables. Column names of
// the API and of the tables are the same words: writes name them once, from the lists below.

type Genre = 'texte' | 'textes' | 'json' | 'booleen' | 'nombre' | 'uuid' | 'date' | 'horodatage';

const COLONNES = {
  structure: {
    nom: 'texte',
    siret: 'texte',
    description: 'texte',
    telephone: 'texte',
    courriel: 'texte',
    site_web: 'texte',
    date_donnees: 'date',
    modifie_le: 'horodatage',
    confirme_le: 'horodatage',
  },
  site: {
    id: 'uuid',
    structure_id: 'uuid',
    source: 'texte',
    source_id: 'texte',
    demonstration: 'booleen',
    date_donnees: 'date',
    nom: 'texte',
    nom_recherche: 'texte',
    adresse: 'texte',
    code_postal: 'texte',
    commune_code: 'texte',
    commune_nom: 'texte',
    departement_code: 'texte',
    region_code: 'texte',
    latitude: 'nombre',
    longitude: 'nombre',
    position_approximative: 'booleen',
    horaires: 'json',
    horaires_texte: 'texte',
    accessibilite: 'texte',
    canaux: 'textes',
    telephone: 'texte',
    courriel: 'texte',
    site_web: 'texte',
    prise_rdv: 'texte',
    accueil_public: 'booleen',
  },
  service: {
    id: 'uuid',
    structure_id: 'uuid',
    source: 'texte',
    source_id: 'texte',
    demonstration: 'booleen',
    date_donnees: 'date',
    origine: 'texte',
    nom: 'texte',
    description: 'texte',
    type: 'texte',
    thematiques: 'textes',
    publics: 'textes',
    publics_precisions: 'texte',
    conditions_acces: 'texte',
    frais: 'texte',
    frais_precisions: 'texte',
    modes_accueil: 'textes',
    modes_mobilisation: 'textes',
    mobilisable_par: 'textes',
    mobilisation_precisions: 'texte',
    lien_mobilisation: 'texte',
    telephone: 'texte',
    courriel: 'texte',
    site_id: 'uuid',
    region_code: 'texte',
  },
  contact: {
    id: 'uuid',
    structure_id: 'uuid',
    demonstration: 'booleen',
    nom: 'texte',
    fonction: 'texte',
    telephone: 'texte',
    courriel: 'texte',
    site_id: 'uuid',
    region_code: 'texte',
  },
} as const satisfies Record<ObjetGere, Record<string, Genre>>;

const TABLES: Record<ObjetGere, string> = {
  structure: 'annuaire_structure',
  site: 'annuaire_site',
  service: 'annuaire_service',
  contact: 'annuaire_contact',
};

export type Colonne<T extends ObjetGere> = keyof (typeof COLONNES)[T] & string;
export type Valeurs<T extends ObjetGere> = Partial<Record<Colonne<T>, unknown>>;

function valeurSql(genre: Genre, valeur: unknown): SQL {
  if (valeur === null || valeur === undefined) return sql`NULL`;
  switch (genre) {
    case 'textes':
      return sql`${sql.param(valeur)}::text[]`;
    case 'json':
      return sql`${JSON.stringify(valeur)}::jsonb`;
    case 'uuid':
      return sql`${valeur}::uuid`;
    case 'date':
      return sql`${valeur}::date`;
    case 'horodatage':
      return sql`${(valeur as Date).toISOString()}::timestamptz`;
    case 'nombre':
      return sql`${valeur}::float8`;
    default:
      return sql`${valeur}`;
  }
}

function affectations<T extends ObjetGere>(type: T, valeurs: Valeurs<T>): SQL[] {
  const genres = COLONNES[type] as Record<string, Genre>;
  return Object.entries(valeurs).map(([colonne, valeur]) => {
    const genre = genres[colonne];
    if (!genre) throw new Error(`Colonne inconnue pour ${type} : ${colonne}`);
    return sql`${sql.identifier(colonne)} = ${valeurSql(genre, valeur)}`;
  });
}

const iso = (colonne: SQL) => sql`to_char(${colonne} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface StructureRow {
  id: string;
  nom: string;
  siret: string | null;
  description: string | null;
  telephone: string | null;
  courriel: string | null;
  site_web: string | null;
  reseau_code: string | null;
  reseau_libelle: string | null;
  commune_code: string | null;
  /** Null for a structure in no Region (REGION_NON_RATTACHEE). */
  region_code: string | null;
  /** The region_code its rows are stored under, that every row written for it carries. */
  region_distribution: string;
  demonstration: boolean;
  source: string;
  date_donnees: string;
  confirme_le: string | null;
  modifie_le: string;
  version: number;
}

/** A structure as its managers edit it; `verrouiller` holds its row until the transaction ends. */
export async function findStructure(db: Executor, id: string, options: { verrouiller?: boolean } = {}): Promise<StructureRow | undefined> {
  const [ligne] = await rows<StructureRow>(
    db,
    sql`SELECT st.id, st.nom, st.siret, st.description, st.telephone, st.courriel, st.site_web, st.reseau_code,
        (SELECT libelle FROM annuaire_reseau r WHERE r.code = st.reseau_code) AS reseau_libelle,
        st.commune_code, ${regionLue(sql`st.region_code`)} AS region_code, st.region_code AS region_distribution, st.demonstration, st.source, st.date_donnees::text AS date_donnees,
        ${iso(sql`st.confirme_le`)} AS confirme_le, ${iso(sql`st.modifie_le`)} AS modifie_le, st.version
      FROM annuaire_structure st WHERE st.id = ${id}::uuid ${options.verrouiller ? sql`FOR UPDATE OF st` : sql``}`,
  );
  return ligne;
}

export interface SiteRow {
  id: string;
  nom: string;
  adresse: string | null;
  code_postal: string | null;
  commune_code: string | null;
  commune_nom: string | null;
  horaires: Horaires | null;
  horaires_texte: string | null;
  accessibilite: string | null;
  canaux: string[];
  telephone: string | null;
  courriel: string | null;
  site_web: string | null;
  prise_rdv: string | null;
  accueil_public: boolean;
  version: number;
}

export interface ServiceRow {
  id: string;
  nom: string;
  description: string;
  type: string | null;
  thematiques: string[];
  publics: string[];
  publics_precisions: string | null;
  conditions_acces: string | null;
  frais: string | null;
  frais_precisions: string | null;
  modes_accueil: string[];
  modes_mobilisation: string[];
  mobilisable_par: string[];
  mobilisation_precisions: string | null;
  lien_mobilisation: string | null;
  telephone: string | null;
  courriel: string | null;
  site_id: string | null;
  origine: 'producteur' | 'offre_reseau' | 'demonstration';
  version: number;
}

export interface ContactRow {
  id: string;
  nom: string;
  fonction: string | null;
  telephone: string | null;
  courriel: string | null;
  site_id: string | null;
  version: number;
}

export interface Lignes {
  site: SiteRow;
  service: ServiceRow;
  contact: ContactRow;
}
export type ObjetEnfant = keyof Lignes;

const LECTURE: Record<ObjetEnfant, { colonnes: SQL; ordre: SQL }> = {
  site: {
    colonnes: sql`id, nom, adresse, code_postal, commune_code, commune_nom, horaires, horaires_texte, accessibilite, canaux,
      telephone, courriel, site_web, prise_rdv, accueil_public, version`,
    ordre: sql`nom, id`,
  },
  service: {
    colonnes: sql`id, nom, description, type, thematiques, publics, publics_precisions, conditions_acces, frais, frais_precisions,
      modes_accueil, modes_mobilisation, mobilisable_par, mobilisation_precisions, lien_mobilisation, telephone, courriel, site_id,
      origine, version`,
    ordre: sql`nom, id`,
  },
  contact: { colonnes: sql`id, nom, fonction, telephone, courriel, site_id, version`, ordre: sql`nom, id` },
};

/** The places, services or contacts of a structure. */
export function listObjets<T extends ObjetEnfant>(db: Executor, type: T, structureId: string): Promise<Lignes[T][]> {
  const { colonnes, ordre } = LECTURE[type];
  return rows<Lignes[T]>(db, sql`SELECT ${colonnes} FROM ${sql.identifier(TABLES[type])} WHERE structure_id = ${structureId}::uuid ORDER BY ${ordre}`);
}

/** One place, service or contact of the structure, row held until the transaction ends. */
export async function lockObjet<T extends ObjetEnfant>(db: Executor, type: T, structureId: string, id: string): Promise<Lignes[T] | undefined> {
  const [ligne] = await rows<Lignes[T]>(
    db,
    sql`SELECT ${LECTURE[type].colonnes} FROM ${sql.identifier(TABLES[type])} WHERE id = ${id}::uuid AND structure_id = ${structureId}::uuid FOR UPDATE`,
  );
  return ligne;
}

export async function insertObjet<T extends ObjetEnfant>(db: Executor, type: T, valeurs: Valeurs<T>): Promise<void> {
  const genres = COLONNES[type] as Record<string, Genre>;
  const colonnes = Object.keys(valeurs);
  await db.execute(
    sql`INSERT INTO ${sql.identifier(TABLES[type])} (${sql.join(
      colonnes.map((c) => sql.identifier(c)),
      sql`, `,
    )})
      VALUES (${sql.join(
        colonnes.map((c) => valeurSql(genres[c]!, (valeurs as Record<string, unknown>)[c])),
        sql`, `,
      )})`,
  );
}

/** Writes the values and moves the record to its next version. */
export async function updateObjet<T extends ObjetGere>(db: Executor, type: T, id: string, valeurs: Valeurs<T>): Promise<void> {
  await db.execute(
    sql`UPDATE ${sql.identifier(TABLES[type])} SET ${sql.join([...affectations(type, valeurs), sql`version = version + 1`], sql`, `)} WHERE id = ${id}::uuid`,
  );
}

export async function deleteObjet(db: Executor, type: ObjetEnfant, id: string): Promise<void> {
  await db.execute(sql`DELETE FROM ${sql.identifier(TABLES[type])} WHERE id = ${id}::uuid`);
}

/** Marks the structure's record as updated (any of its places, services or contacts counts), without a new version. */
export async function touchStructure(db: Executor, id: string, valeurs: Valeurs<'structure'>): Promise<void> {
  await db.execute(sql`UPDATE annuaire_structure SET ${sql.join(affectations('structure', valeurs), sql`, `)} WHERE id = ${id}::uuid`);
}

export async function countUsagesSite(db: Executor, siteId: string): Promise<{ services: number; contacts: number }> {
  const [ligne] = await rows<{ services: number; contacts: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM annuaire_service WHERE site_id = ${siteId}::uuid) AS services,
        (SELECT count(*)::int FROM annuaire_contact WHERE site_id = ${siteId}::uuid) AS contacts`,
  );
  return ligne!;
}

export async function siteAppartient(db: Executor, structureId: string, siteId: string): Promise<boolean> {
  const lignes = await rows(db, sql`SELECT 1 FROM annuaire_site WHERE id = ${siteId}::uuid AND structure_id = ${structureId}::uuid`);
  return lignes.length > 0;
}

/**
 * Keeps the search in step with an edit: the structure's name and network label that its services
 * are searched by (migration 0003), and the new words of the typo lexicon. Words no longer used
 * stay in the lexicon until the next load rebuilds it: a correction towards them finds nothing
 * more than the word typed would.
 */
export async function refreshRecherche(db: Executor, structureId: string): Promise<void> {
  await db.execute(sql`UPDATE annuaire_service s SET structure_texte = concat_ws(' ', st.nom, r.libelle)
    FROM annuaire_structure st LEFT JOIN annuaire_reseau r ON r.code = st.reseau_code
    WHERE st.region_code = s.region_code AND st.id = s.structure_id AND s.structure_id = ${structureId}::uuid
      AND s.structure_texte IS DISTINCT FROM concat_ws(' ', st.nom, r.libelle)`);
  await db.execute(sql`INSERT INTO annuaire_lexique (mot)
    SELECT DISTINCT mot FROM annuaire_service s,
      unnest(tsvector_to_array(to_tsvector('simple', unaccent(s.nom || ' ' || s.structure_texte || ' ' || s.description || ' '
        || translate(array_to_string(s.thematiques, ' '), '-', ' '))))) AS mot
    WHERE s.structure_id = ${structureId}::uuid AND length(mot) >= 3 AND mot ~ '^[a-z]+$'
    ON CONFLICT (mot) DO NOTHING`);
}

export function listVocabulaires(db: Executor) {
  return rows<{ vocabulaire: string; valeur: string }>(db, sql`SELECT vocabulaire, valeur FROM annuaire_vocabulaire`);
}

export interface Modification {
  regionCode: string;
  structureId: string;
  objetType: ObjetGere;
  objetId: string;
  operation: Operation;
  champs: ChampsModifies;
  auteurUtilisateurId: string | null;
  auteurRole: string | null;
  le: Date;
}

export async function insertModification(db: Executor, m: Modification): Promise<void> {
  await db.execute(sql`INSERT INTO annuaire_modification (region_code, structure_id, objet_type, objet_id, operation, champs, auteur_utilisateur_id, auteur_role, le)
    VALUES (${m.regionCode}, ${m.structureId}::uuid, ${m.objetType}, ${m.objetId}::uuid, ${m.operation}, ${JSON.stringify(m.champs)}::jsonb,
      ${m.auteurUtilisateurId}::uuid, ${m.auteurRole}, ${m.le.toISOString()}::timestamptz)`);
}

export interface ModificationRow {
  id: string;
  objet_type: ObjetGere;
  objet_id: string;
  operation: Operation;
  champs: ChampsModifies;
  auteur_utilisateur_id: string | null;
  auteur_role: string | null;
  le: string;
  total: number;
}

export function listModifications(db: Executor, structureId: string, limite: number, decalage: number) {
  return rows<ModificationRow>(
    db,
    sql`SELECT id, objet_type, objet_id, operation, champs, auteur_utilisateur_id, auteur_role, ${iso(sql`le`)} AS le, count(*) OVER () AS total
      FROM annuaire_modification WHERE structure_id = ${structureId}::uuid
      ORDER BY annuaire_modification.le DESC, id LIMIT ${limite} OFFSET ${decalage}`,
  );
}

/** The structures an agent manages: these ids, the structures of these regions, or all. */
export type FiltrePerimetre = { tout: true } | { tout: false; structureIds: string[]; regions: string[] };

export function conditionPerimetre(perimetre: FiltrePerimetre): SQL {
  if (perimetre.tout) return sql`true`;
  return sql`(st.id = ANY (${sql.param(perimetre.structureIds)}::uuid[]) OR st.region_code = ANY (${sql.param(perimetre.regions)}::text[]))`;
}

export interface StructureListeRow {
  id: string;
  nom: string;
  reseau_code: string | null;
  reseau_libelle: string | null;
  commune_code: string | null;
  demonstration: boolean;
  date_donnees: string;
  confirme_le: string | null;
  signalements_ouverts: number;
  total: number;
}

export function listStructures(db: Executor, perimetre: FiltrePerimetre, nom: string | null, limite: number, decalage: number) {
  const conditions = [conditionPerimetre(perimetre)];
  // The words typed, as a literal: % and _ lose their LIKE meaning.
  if (nom) conditions.push(sql`unaccent(lower(st.nom)) LIKE unaccent(lower(${`%${nom.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}))`);
  return rows<StructureListeRow>(
    db,
    sql`SELECT st.id, st.nom, st.reseau_code, r.libelle AS reseau_libelle, st.commune_code, st.demonstration,
        st.date_donnees::text AS date_donnees, ${iso(sql`st.confirme_le`)} AS confirme_le,
        (SELECT count(*)::int FROM annuaire_signalement sg WHERE sg.region_code = st.region_code AND sg.structure_id = st.id AND sg.traite_le IS NULL) AS signalements_ouverts,
        count(*) OVER () AS total
      FROM annuaire_structure st LEFT JOIN annuaire_reseau r ON r.code = st.reseau_code
      WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY st.nom, st.id LIMIT ${limite} OFFSET ${decalage}`,
  );
}
