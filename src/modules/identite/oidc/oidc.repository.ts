import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import * as t from '../identite.tables.js';

/** The account a provider's subject was linked to, if any. */
export async function findUtilisateurIdParSujet(db: Executor, fournisseur: string, sujet: string): Promise<string | undefined> {
  const [lien] = await db
    .select({ utilisateurId: t.compteExterne.utilisateurId })
    .from(t.compteExterne)
    .where(and(eq(t.compteExterne.fournisseur, fournisseur), eq(t.compteExterne.sujet, sujet)));
  return lien?.utilisateurId;
}

export async function insertCompteExterne(db: Executor, lien: { fournisseur: string; sujet: string; utilisateurId: string }): Promise<void> {
  // Two sign-ins of the same person at once both try to link: the first one wins, the same way.
  await db.insert(t.compteExterne).values(lien).onConflictDoNothing();
}

/**
 * Serialises, until the transaction ends, the sign-ins that may create or link the account of one
 * address: two first sign-ins of the same person at once (two tabs, a double click) would both find
 * no account and both create one, and the second would fail on the unique address.
 */
export async function verrouillerAdresse(db: Executor, email: string): Promise<void> {
  await db.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`identite.oidc:${email.toLowerCase()}`}, 0))`);
}
