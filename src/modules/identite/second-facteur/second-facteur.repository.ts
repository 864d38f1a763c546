import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import * as t from '../identite.tables.js';

/**
 * Records the TOTP step just accepted, only if it is later than the last one: of two requests
 * racing with the same code, one wins. False when the step was already spent.
 */
export async function avancerPasTotp(db: Executor, utilisateurId: string, pas: number): Promise<boolean> {
  const lignes = await db
    .update(t.utilisateur)
    .set({ totpDernierPas: pas })
    .where(and(eq(t.utilisateur.id, utilisateurId), or(isNull(t.utilisateur.totpDernierPas), lt(t.utilisateur.totpDernierPas, pas))))
    .returning({ id: t.utilisateur.id });
  return lignes.length === 1;
}

/** Spends one recovery code by its hash; returns how many remain, or null when it was not (or no longer) there. */
export async function retirerCodeRecuperation(db: Executor, utilisateurId: string, empreinte: string): Promise<number | null> {
  const [ligne] = await db
    .update(t.utilisateur)
    .set({ codesRecuperation: sql`array_remove(${t.utilisateur.codesRecuperation}, ${empreinte})` })
    .where(and(eq(t.utilisateur.id, utilisateurId), sql`${empreinte} = ANY (${t.utilisateur.codesRecuperation})`))
    .returning({ restants: sql<number>`cardinality(${t.utilisateur.codesRecuperation})` });
  return ligne ? Number(ligne.restants) : null;
}
