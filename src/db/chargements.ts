import { eq, sql } from 'drizzle-orm';
import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Executor } from './client.js';

/** Which reference data set was loaded from which files: a restart does not load the same files twice. */
export const referenceChargement = pgTable('reference_chargement', {
  jeu: text('jeu').primaryKey(),
  fichierSha256: text('fichier_sha256').notNull(),
  lignes: integer('lignes').notNull(),
  chargeLe: timestamp('charge_le', { withTimezone: true }).notNull().defaultNow(),
});

export async function recordLoad(db: Executor, jeu: string, empreinte: string, lignes: number): Promise<void> {
  await db
    .insert(referenceChargement)
    .values({ jeu, fichierSha256: empreinte, lignes })
    .onConflictDoUpdate({ target: referenceChargement.jeu, set: { fichierSha256: empreinte, lignes, chargeLe: sql`now()` } });
}

export async function loadedFingerprint(db: Executor, jeu: string): Promise<string | undefined> {
  const [row] = await db.select({ sha: referenceChargement.fichierSha256 }).from(referenceChargement).where(eq(referenceChargement.jeu, jeu));
  return row?.sha;
}
