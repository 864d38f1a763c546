import { type SQL, and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { consentement } from './consentement.tables.js';

export type ConsentementRow = typeof consentement.$inferSelect;
export type NouveauConsentement = Omit<
  typeof consentement.$inferInsert,
  'id' | 'revoqueLe' | 'revoqueParUtilisateurId' | 'revoqueParStructureId' | 'motifRevocation'
>;

const actif = isNull(consentement.revoqueLe);

export async function insertConsentement(db: Executor, valeurs: NouveauConsentement): Promise<string> {
  const [ligne] = await db.insert(consentement).values(valeurs).returning({ id: consentement.id });
  return ligne!.id;
}

const colonnesActif = {
  id: consentement.id,
  regionCode: consentement.regionCode,
  personneId: consentement.personneId,
  portee: consentement.portee,
  destinataireType: consentement.destinataireType,
  destinataireStructureId: consentement.destinataireStructureId,
};
export type ConsentementActifRow = Pick<ConsentementRow, keyof typeof colonnesActif>;

/** The active consents of these people (region and person of each). */
export async function findActifs(db: Executor, personnes: readonly { regionCode: string; personneId: string }[]): Promise<ConsentementActifRow[]> {
  if (personnes.length === 0) return [];
  return db
    .select(colonnesActif)
    .from(consentement)
    .where(and(actif, or(...personnes.map((p) => and(eq(consentement.regionCode, p.regionCode), eq(consentement.personneId, p.personneId))))))
    .orderBy(asc(consentement.recueilliLe), asc(consentement.id));
}

/** Every consent of a person, active or not, oldest first. */
export function listDePersonne(db: Executor, regionCode: string, personneId: string): Promise<ConsentementRow[]> {
  return db
    .select()
    .from(consentement)
    .where(and(eq(consentement.regionCode, regionCode), eq(consentement.personneId, personneId)))
    .orderBy(asc(consentement.recueilliLe), asc(consentement.id));
}

export async function findConsentement(db: Executor, id: string): Promise<ConsentementRow | null> {
  const [ligne] = await db.select().from(consentement).where(eq(consentement.id, id));
  return ligne ?? null;
}

/** Marks an active consent revoked; false when it already was (a concurrent withdrawal). */
export async function revokeConsentement(
  db: Executor,
  regionCode: string,
  id: string,
  revocation: { le: Date; parUtilisateurId: string; parStructureId: string; motif: string },
): Promise<boolean> {
  const lignes = await db
    .update(consentement)
    .set({
      revoqueLe: revocation.le,
      revoqueParUtilisateurId: revocation.parUtilisateurId,
      revoqueParStructureId: revocation.parStructureId,
      motifRevocation: revocation.motif,
    })
    .where(and(eq(consentement.regionCode, regionCode), eq(consentement.id, id), actif))
    .returning({ id: consentement.id });
  return lignes.length > 0;
}

/**
 * A subquery of (region_code, personne_id): the people whose active consent names one of these
 * structures. Other modules put it in their own list queries, so that a list of what an agent may
 * see is computed by the database, never filtered afterwards.
 */
export function personnesPartageantAvec(structureIds: readonly string[]): SQL {
  if (structureIds.length === 0) return sql`SELECT NULL::text, NULL::uuid WHERE false`;
  return sql`SELECT ${consentement.regionCode}, ${consentement.personneId} FROM ${consentement}
    WHERE ${inArray(consentement.destinataireStructureId, [...structureIds])} AND ${actif}`;
}
