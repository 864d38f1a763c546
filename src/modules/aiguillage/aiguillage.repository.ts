import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../db/client.js';

export interface VersionRow {
  id: string;
  region_code: string | null;
  version: string;
  date_effet: string;
  auteur: string;
  statut: 'brouillon' | 'publie';
  cree_le: string;
  publie_le: string | null;
  empreinte: string;
}

const colonnes = sql`id, region_code, version, date_effet::text AS date_effet, auteur, statut,
  to_char(cree_le AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS cree_le,
  to_char(publie_le AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS publie_le, empreinte`;

/**
 * For each perimeter (each region that has one, and the nation), its version in force on a day:
 * the latest published one already in effect. A handful of rows, read through the partial index.
 */
export function listEnVigueur(db: Executor, jour: string): Promise<VersionRow[]> {
  return rows<VersionRow>(
    db,
    sql`SELECT DISTINCT ON (region_code) ${colonnes} FROM aiguillage_regles
      WHERE statut = 'publie' AND date_effet <= ${jour}::date
      ORDER BY region_code, date_effet DESC, publie_le DESC, id`,
  );
}

/** A region's versions and the national ones, the region's first, most recent first. */
export function listVersions(db: Executor, regionCode: string): Promise<VersionRow[]> {
  return rows<VersionRow>(
    db,
    sql`SELECT ${colonnes} FROM aiguillage_regles WHERE region_code = ${regionCode} OR region_code IS NULL ORDER BY (region_code IS NULL), cree_le DESC, id`,
  );
}

export async function findVersion(db: Executor, id: string, options: { verrouiller?: boolean } = {}): Promise<VersionRow | undefined> {
  const [ligne] = await rows<VersionRow>(db, sql`SELECT ${colonnes} FROM aiguillage_regles WHERE id = ${id} ${options.verrouiller ? sql`FOR UPDATE` : sql``}`);
  return ligne;
}

export async function findContenu(db: Executor, id: string): Promise<unknown> {
  const [ligne] = await rows<{ contenu: unknown }>(db, sql`SELECT contenu FROM aiguillage_regles WHERE id = ${id}`);
  return ligne?.contenu;
}

export async function findByVersion(db: Executor, regionCode: string | null, version: string): Promise<VersionRow | undefined> {
  const [ligne] = await rows<VersionRow>(
    db,
    sql`SELECT ${colonnes} FROM aiguillage_regles WHERE coalesce(region_code, '') = ${regionCode ?? ''} AND version = ${version}`,
  );
  return ligne;
}

export interface NouvelleVersion {
  regionCode: string | null;
  version: string;
  dateEffet: string;
  auteur: string;
  auteurUtilisateurId: string | null;
  contenu: unknown;
  empreinte: string;
  statut: 'brouillon' | 'publie';
  le: Date;
}

/** Inserts a version; returns undefined when its label is already taken in its perimeter. */
export async function insertVersion(db: Executor, v: NouvelleVersion): Promise<string | undefined> {
  const [ligne] = await rows<{ id: string }>(
    db,
    sql`INSERT INTO aiguillage_regles (region_code, version, date_effet, auteur, auteur_utilisateur_id, contenu, empreinte, statut, cree_le, publie_le)
      VALUES (${v.regionCode}, ${v.version}, ${v.dateEffet}::date, ${v.auteur}, ${v.auteurUtilisateurId}, ${JSON.stringify(v.contenu)}::jsonb,
        ${v.empreinte}, ${v.statut}, ${v.le.toISOString()}::timestamptz, ${v.statut === 'publie' ? v.le.toISOString() : null}::timestamptz)
      ON CONFLICT DO NOTHING RETURNING id`,
  );
  return ligne?.id;
}

export async function publishVersion(db: Executor, id: string, le: Date): Promise<void> {
  await db.execute(sql`UPDATE aiguillage_regles SET statut = 'publie', publie_le = ${le.toISOString()}::timestamptz WHERE id = ${id}`);
}
