import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../db/client.js';

export interface SourceRow {
  code: string;
  libelle: string;
  producteur: string;
  licence: string;
  periode: string;
  date_fichier: string;
  avertissement: string | null;
}

export function listSources(db: Executor): Promise<SourceRow[]> {
  return rows<SourceRow>(
    db,
    sql`SELECT code, libelle, producteur, licence, periode, date_fichier::text AS date_fichier, avertissement FROM marche_source ORDER BY code`,
  );
}

export interface MetierBmoRow {
  code: string;
  libelle: string;
  famille_code: string;
  famille_libelle: string;
  domaine_code: string;
  domaine_libelle: string;
}

const colonnesMetier = sql`m.code, m.libelle, m.famille_code, m.famille_libelle,
  f.code_fap22 AS domaine_code, f.libelle_fap22 AS domaine_libelle`;
// A FAP 228 family lies in one FAP 22 domain: any of its FAP 341 rows names it.
const jointureDomaine = sql`JOIN LATERAL (SELECT code_fap22, libelle_fap22 FROM marche_fap WHERE code_fap228 = m.code ORDER BY code_fap341 LIMIT 1) f ON true`;

/** Every word must appear in the label or in one of its FAP 341 labels (both normalised). */
export function searchMetiersBmo(db: Executor, mots: string[]): Promise<MetierBmoRow[]> {
  const conditions = mots.map((mot) => sql`m.recherche LIKE ${`%${mot}%`}`);
  return rows<MetierBmoRow>(
    db,
    sql`SELECT ${colonnesMetier} FROM marche_metier_bmo m ${jointureDomaine}
      ${conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``}
      ORDER BY m.famille_libelle, m.libelle`,
  );
}

export async function findMetierBmo(db: Executor, code: string): Promise<MetierBmoRow | undefined> {
  const [row] = await rows<MetierBmoRow>(db, sql`SELECT ${colonnesMetier} FROM marche_metier_bmo m ${jointureDomaine} WHERE m.code = ${code}`);
  return row;
}

export interface ProjetRow {
  metier_code: string;
  annee: number;
  projets: number | null;
  projets_secret: boolean;
  difficiles: number | null;
  difficiles_secret: boolean;
  saisonniers: number | null;
  saisonniers_secret: boolean;
}

/** The published rows (one per département part) of an area, for one occupation or all. */
export function listProjets(db: Executor, bassinCode: string, metierCode?: string): Promise<ProjetRow[]> {
  return rows<ProjetRow>(
    db,
    sql`SELECT metier_code, annee, projets, projets_secret, difficiles, difficiles_secret, saisonniers, saisonniers_secret
      FROM marche_bmo_projet
      WHERE bassin_code = ${bassinCode} ${metierCode ? sql`AND metier_code = ${metierCode}` : sql``}
      ORDER BY metier_code, departement_code`,
  );
}

export function listMetiersBmoParCodes(db: Executor, codes: string[]): Promise<MetierBmoRow[]> {
  return rows<MetierBmoRow>(db, sql`SELECT ${colonnesMetier} FROM marche_metier_bmo m ${jointureDomaine} WHERE m.code = ANY (${sql.param(codes)}::text[])`);
}

export interface TensionRow {
  annee: number;
  rome_code: string;
  rome_libelle: string;
  offres: number;
  demandeurs: number;
  indice_tension: number;
}

export async function findTension(db: Executor, romeCode: string, bassinCode: string): Promise<TensionRow | undefined> {
  const [row] = await rows<TensionRow>(
    db,
    sql`SELECT annee, rome_code, rome_libelle, offres, demandeurs, indice_tension FROM marche_tension
      WHERE rome_code = ${romeCode} AND bassin_code = ${bassinCode} ORDER BY annee DESC LIMIT 1`,
  );
  return row;
}

export async function romeConnu(db: Executor, romeCode: string): Promise<boolean> {
  const [row] = await rows<{ present: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM marche_tension WHERE rome_code = ${romeCode}) AS present`);
  return row?.present ?? false;
}

export function listTauxChomage(db: Executor, zonesEmploi: string[]) {
  return rows<{ zone_emploi_code: string; trimestre: string; taux: number }>(
    db,
    sql`SELECT zone_emploi_code, trimestre, taux::float8 AS taux FROM marche_taux_chomage
      WHERE zone_emploi_code = ANY (${sql.param(zonesEmploi)}::text[]) ORDER BY zone_emploi_code, trimestre`,
  );
}
