import { and, desc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import * as t from './vigilance.tables.js';

export async function alerteVolumeExiste(db: Executor, utilisateurId: string, jour: string): Promise<boolean> {
  const lignes = await db
    .select({ id: t.alerte.id })
    .from(t.alerte)
    .where(and(eq(t.alerte.utilisateurId, utilisateurId), eq(t.alerte.jour, jour), eq(t.alerte.nature, 'volume_inhabituel')));
  return lignes.length > 0;
}

/** When vigilance last suspended the account, if after `depuis`. */
export async function findDerniereSuspension(db: Executor, utilisateurId: string, depuis: Date): Promise<Date | null> {
  const [ligne] = await db
    .select({ le: t.alerte.creeLe })
    .from(t.alerte)
    .where(and(eq(t.alerte.utilisateurId, utilisateurId), eq(t.alerte.nature, 'plafond_depasse'), gt(t.alerte.creeLe, depuis)))
    .orderBy(desc(t.alerte.creeLe))
    .limit(1);
  return ligne?.le ?? null;
}

export interface NouvelleAlerte {
  utilisateurId: string;
  jour: string;
  lectures: number;
  volumeHabituel: number;
  seuil: number;
  destinataires: string[];
}

/**
 * Claims the sending of the day's unusual-volume alert: an id for the one caller that must send
 * it, null for the others. The row is unique per account and day, so racing requests get one id
 * between them; an alert still unsent (the mail server failed) is claimed again once
 * `relanceApres` has passed since the last attempt.
 */
export async function claimAlerteVolume(db: Executor, alerte: NouvelleAlerte, maintenant: Date, relanceApres: Date): Promise<string | null> {
  const [ligne] = await db
    .insert(t.alerte)
    .values({ ...alerte, nature: 'volume_inhabituel', creeLe: maintenant, tenteeLe: maintenant })
    .onConflictDoUpdate({
      target: [t.alerte.utilisateurId, t.alerte.jour],
      targetWhere: sql`nature = 'volume_inhabituel'`,
      set: { lectures: sql`excluded.lectures`, destinataires: sql`excluded.destinataires`, tenteeLe: sql`excluded.tentee_le` },
      setWhere: and(isNull(t.alerte.envoyeeLe), lte(t.alerte.tenteeLe, relanceApres)),
    })
    .returning({ id: t.alerte.id });
  return ligne?.id ?? null;
}

export async function insertSuspension(db: Executor, alerte: NouvelleAlerte, maintenant: Date): Promise<string> {
  const [ligne] = await db
    .insert(t.alerte)
    .values({ ...alerte, nature: 'plafond_depasse', creeLe: maintenant, tenteeLe: maintenant })
    .returning({ id: t.alerte.id });
  return ligne!.id;
}

export async function markAlerteEnvoyee(db: Executor, id: string, maintenant: Date): Promise<void> {
  await db.update(t.alerte).set({ envoyeeLe: maintenant }).where(eq(t.alerte.id, id));
}
