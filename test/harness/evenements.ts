import { sql } from 'drizzle-orm';
import { type Db, rows } from '../../src/db/client.js';

/** A domain event as a test reads it back from the outbox. */
export interface EvenementDomaineLu {
  region_code: string;
  type: string;
  agregat_type: string;
  agregat_id: string;
  structure_id: string | null;
  donnees: Record<string, unknown>;
}

/** Runs a call and returns its result with the domain events it wrote, in number order. */
export async function evenementsDomainePendant<T>(db: Db, appel: () => Promise<T>): Promise<{ resultat: T; evenements: EvenementDomaineLu[] }> {
  const [avant] = await rows<{ n: number }>(db, sql`SELECT coalesce(max(numero), 0)::int AS n FROM evenement_domaine`);
  const resultat = await appel();
  const evenements = await rows<EvenementDomaineLu>(
    db,
    sql`SELECT region_code, type, agregat_type, agregat_id::text AS agregat_id, structure_id::text AS structure_id, donnees
        FROM evenement_domaine WHERE numero > ${avant!.n} ORDER BY numero`,
  );
  return { resultat, evenements };
}
