import { and, eq, isNull } from 'drizzle-orm';
import type { Executor, Transaction } from '../../db/client.js';
import type { Courriel } from '../../shared/messagerie.js';
import { courrielEnvoi } from './courriel.tables.js';

/** Writes the mail unless its key is already taken; returns its id when written. */
export async function insertEnvoi(tx: Transaction, ligne: { regionCode: string; cle: string; message: Courriel; demandeLe: Date }): Promise<string | null> {
  const [cree] = await tx
    .insert(courrielEnvoi)
    .values(ligne)
    .onConflictDoNothing({ target: [courrielEnvoi.regionCode, courrielEnvoi.cle] })
    .returning({ id: courrielEnvoi.id });
  return cree?.id ?? null;
}

export async function findEnvoi(db: Executor, regionCode: string, id: string): Promise<{ message: Courriel | null; envoyeLe: Date | null } | null> {
  const [ligne] = await db
    .select({ message: courrielEnvoi.message, envoyeLe: courrielEnvoi.envoyeLe })
    .from(courrielEnvoi)
    .where(and(eq(courrielEnvoi.regionCode, regionCode), eq(courrielEnvoi.id, id)));
  return ligne ?? null;
}

/** Records the mail as sent and erases its message; false when it already was. */
export async function marquerEnvoye(db: Executor, regionCode: string, id: string, le: Date): Promise<boolean> {
  const lignes = await db
    .update(courrielEnvoi)
    .set({ envoyeLe: le, message: null })
    .where(and(eq(courrielEnvoi.regionCode, regionCode), eq(courrielEnvoi.id, id), isNull(courrielEnvoi.envoyeLe)))
    .returning({ id: courrielEnvoi.id });
  return lignes.length > 0;
}
