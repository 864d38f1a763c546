import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../db/client.js';
import { regionLue } from '../annuaire.tables.js';
import { type FiltrePerimetre, conditionPerimetre } from '../gestion/gestion.repository.js';
import type { ObjetSignale } from './signalement.tables.js';

const iso = (colonne: SQL) => sql`to_char(${colonne} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface CibleRow {
  structure_id: string;
  structure_nom: string;
  /** Null for a structure in no Region (REGION_NON_RATTACHEE). */
  region_code: string | null;
  /** The region_code the structure's rows are stored under: the report's own. */
  region_distribution: string;
  objet_nom: string;
}

/** The structure and the record of it that a report names; nothing when the record is not the structure's. */
export async function findCible(db: Executor, structureId: string, type: ObjetSignale, objetId: string): Promise<CibleRow | undefined> {
  const objet =
    type === 'structure'
      ? sql`SELECT st.nom WHERE st.id = ${objetId}::uuid`
      : sql`SELECT o.nom FROM ${sql.identifier(type === 'site' ? 'annuaire_site' : 'annuaire_service')} o
          WHERE o.region_code = st.region_code AND o.id = ${objetId}::uuid AND o.structure_id = st.id`;
  const [ligne] = await rows<CibleRow>(
    db,
    sql`SELECT st.id AS structure_id, st.nom AS structure_nom, ${regionLue(sql`st.region_code`)} AS region_code,
        st.region_code AS region_distribution, objet.nom AS objet_nom
      FROM annuaire_structure st CROSS JOIN LATERAL (${objet}) AS objet(nom)
      WHERE st.id = ${structureId}::uuid`,
  );
  return ligne;
}

export async function insertSignalement(
  db: Executor,
  s: { regionCode: string; structureId: string; objetType: ObjetSignale; objetId: string; message: string; courriel: string | null; creeLe: Date },
): Promise<string> {
  const [ligne] = await rows<{ id: string }>(
    db,
    sql`INSERT INTO annuaire_signalement (region_code, structure_id, objet_type, objet_id, message, courriel, cree_le)
      VALUES (${s.regionCode}, ${s.structureId}::uuid, ${s.objetType}, ${s.objetId}::uuid, ${s.message}, ${s.courriel}, ${s.creeLe.toISOString()}::timestamptz)
      RETURNING id`,
  );
  return ligne!.id;
}

export interface SignalementRow {
  id: string;
  structure_id: string;
  structure_nom: string;
  objet_type: ObjetSignale;
  objet_id: string;
  objet_nom: string | null;
  message: string;
  courriel: string | null;
  cree_le: string;
  traite_le: string | null;
  total: number;
}

export function listSignalements(
  db: Executor,
  f: { perimetre: FiltrePerimetre; structureId: string | null; statut: 'ouverts' | 'traites' | 'tous'; limite: number; decalage: number },
) {
  const conditions = [conditionPerimetre(f.perimetre)];
  if (f.structureId) conditions.push(sql`st.id = ${f.structureId}::uuid`);
  if (f.statut === 'ouverts') conditions.push(sql`sg.traite_le IS NULL`);
  if (f.statut === 'traites') conditions.push(sql`sg.traite_le IS NOT NULL`);
  return rows<SignalementRow>(
    db,
    sql`SELECT sg.id, st.id AS structure_id, st.nom AS structure_nom, sg.objet_type, sg.objet_id,
        CASE sg.objet_type
          WHEN 'structure' THEN st.nom
          WHEN 'site' THEN (SELECT nom FROM annuaire_site si WHERE si.region_code = sg.region_code AND si.id = sg.objet_id)
          ELSE (SELECT nom FROM annuaire_service v WHERE v.region_code = sg.region_code AND v.id = sg.objet_id) END AS objet_nom,
        sg.message, sg.courriel, ${iso(sql`sg.cree_le`)} AS cree_le, ${iso(sql`sg.traite_le`)} AS traite_le, count(*) OVER () AS total
      FROM annuaire_signalement sg JOIN annuaire_structure st ON st.region_code = sg.region_code AND st.id = sg.structure_id
      WHERE ${sql.join(conditions, sql` AND `)}
      ORDER BY sg.cree_le DESC, sg.id LIMIT ${f.limite} OFFSET ${f.decalage}`,
  );
}

/** A report with its structure's facts, row held until the transaction ends. */
export async function lockSignalement(db: Executor, id: string) {
  const [ligne] = await rows<{ id: string; structure_id: string; region_code: string | null; traite_le: string | null }>(
    db,
    sql`SELECT sg.id, sg.structure_id, ${regionLue(sql`st.region_code`)} AS region_code, ${iso(sql`sg.traite_le`)} AS traite_le
      FROM annuaire_signalement sg JOIN annuaire_structure st ON st.region_code = sg.region_code AND st.id = sg.structure_id
      WHERE sg.id = ${id}::uuid FOR UPDATE OF sg`,
  );
  return ligne;
}

/** Handled: the reporter's address is no longer needed and is erased. */
export async function markTraite(db: Executor, id: string, le: Date, par: string | null): Promise<void> {
  await db.execute(sql`UPDATE annuaire_signalement SET traite_le = ${le.toISOString()}::timestamptz, traite_par = ${par}::uuid, courriel = NULL
    WHERE id = ${id}::uuid`);
}
