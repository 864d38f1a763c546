import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../db/client.js';

const seuil = (maintenant: Date, mois: number): SQL => sql`(${maintenant.toISOString()}::timestamptz - make_interval(months => ${mois}::int))`;

export interface StructureAConfirmer {
  id: string;
  /** The region_code the structure's rows are stored under, its reminder's too. */
  region_code: string;
  nom: string;
  confirme_le: string | null;
}

/** Among these structures, those not confirmed for `mois` months and not reminded within that time. */
export function listStructuresAConfirmer(db: Executor, ids: string[], maintenant: Date, mois: number) {
  return rows<StructureAConfirmer>(
    db,
    sql`SELECT st.id, st.region_code, st.nom, st.confirme_le::date::text AS confirme_le FROM annuaire_structure st
      WHERE st.id = ANY (${sql.param(ids)}::uuid[])
        AND (st.confirme_le IS NULL OR st.confirme_le <= ${seuil(maintenant, mois)})
        AND NOT EXISTS (SELECT 1 FROM annuaire_rappel_confirmation r
          WHERE r.region_code = st.region_code AND r.structure_id = st.id AND r.envoye_le > ${seuil(maintenant, mois)})
      ORDER BY st.nom, st.id`,
  );
}

/**
 * Takes the structure's reminder for this period, row held until the transaction ends: of two
 * runs at the same time, the second finds it taken once the first commits, and sends nothing.
 */
export async function reclamerRappel(db: Executor, structure: { id: string; region_code: string }, maintenant: Date, mois: number): Promise<boolean> {
  const prises = await rows(
    db,
    sql`INSERT INTO annuaire_rappel_confirmation (region_code, structure_id, envoye_le)
      VALUES (${structure.region_code}, ${structure.id}::uuid, ${maintenant.toISOString()}::timestamptz)
      ON CONFLICT (region_code, structure_id) DO UPDATE SET envoye_le = EXCLUDED.envoye_le
        WHERE annuaire_rappel_confirmation.envoye_le <= ${seuil(maintenant, mois)}
      RETURNING structure_id`,
  );
  return prises.length > 0;
}
