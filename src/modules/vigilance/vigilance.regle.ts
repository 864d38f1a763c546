/** The thresholds of the volume rule, from the configuration. */
export interface SeuilsVigilance {
  facteurAlerte: number;
  plancherAlerte: number;
  plafondJour: number;
}

/** Median of the daily volumes (0 for none): one busy day does not raise an account's usual volume. */
export function mediane(volumes: readonly number[]): number {
  if (volumes.length === 0) return 0;
  const tries = [...volumes].sort((a, b) => a - b);
  const milieu = Math.floor(tries.length / 2);
  return tries.length % 2 === 1 ? tries[milieu]! : (tries[milieu - 1]! + tries[milieu]!) / 2;
}

/** Reads in 24 hours above which the managers are warned: max(floor, factor × usual volume). */
export function seuilAlerte(volumeHabituel: number, seuils: SeuilsVigilance): number {
  return Math.max(seuils.plancherAlerte, seuils.facteurAlerte * volumeHabituel);
}

export type Verdict =
  | { niveau: 'normal' }
  /** Far above the usual volume: warn the managers and the security contact. */
  | { niveau: 'alerte'; seuil: number }
  /** Above the hard ceiling: suspend the account, whatever its usual volume. */
  | { niveau: 'plafond'; seuil: number };

/** What the reads of the last 24 hours call for, given the account's usual daily volume. */
export function evaluerVolume(lectures: number, volumeHabituel: number, seuils: SeuilsVigilance): Verdict {
  if (lectures > seuils.plafondJour) return { niveau: 'plafond', seuil: seuils.plafondJour };
  const seuil = seuilAlerte(volumeHabituel, seuils);
  return lectures > seuil ? { niveau: 'alerte', seuil } : { niveau: 'normal' };
}

/**
 * Whether the usual volume is worth computing: at or below both the floor and the ceiling, no
 * usual volume can make the verdict anything but normal, and most reads stop here.
 */
export function peutDepasser(lectures: number, seuils: SeuilsVigilance): boolean {
  return lectures > Math.min(seuils.plancherAlerte, seuils.plafondJour);
}
