import type { Effectif } from './marche-travail.contract.js';

/**
 * The count of an area published in several parts (one per département it spans). One secret
 * part makes the whole unknown: its sum would pass a lower bound off as the count.
 */
export function additionnerEffectifs(parts: readonly Effectif[]): Effectif {
  if (parts.some((p) => p.secret)) return { valeur: null, secret: true };
  return { valeur: parts.reduce((somme, p) => somme + (p.valeur ?? 0), 0), secret: false };
}

/** A share between 0 and 1; null when either count is secret or there is nothing to divide. */
export function part(numerateur: Effectif, denominateur: Effectif): number | null {
  if (numerateur.valeur === null || denominateur.valeur === null || denominateur.valeur === 0) return null;
  return numerateur.valeur / denominateur.valeur;
}

export interface ChiffresBmo {
  projets: Effectif;
  difficiles: Effectif;
  saisonniers: Effectif;
  part_difficiles: number | null;
  part_saisonniers: number | null;
}

export function chiffresBmo(projets: Effectif, difficiles: Effectif, saisonniers: Effectif): ChiffresBmo {
  return { projets, difficiles, saisonniers, part_difficiles: part(difficiles, projets), part_saisonniers: part(saisonniers, projets) };
}

export interface Classements<T> {
  plus_de_projets: T[];
  plus_difficiles_part: T[];
  plus_difficiles_nombre: T[];
}

/**
 * The occupations of an area by recruitment projects, by share judged difficult (only those with
 * at least `minProjets` projects, so that 3 difficult out of 3 does not lead), and by number
 * judged difficult. Secret counts are not ranked: they are unknown, not small.
 */
export function classerMetiers<T extends ChiffresBmo & { metier: { code: string } }>(
  lignes: readonly T[],
  options: { limite: number; minProjets: number },
): Classements<T> {
  const parCode = (a: T, b: T) => (a.metier.code < b.metier.code ? -1 : a.metier.code > b.metier.code ? 1 : 0);
  const decroissant = (cle: (l: T) => number) => (a: T, b: T) => cle(b) - cle(a) || parCode(a, b);
  return {
    plus_de_projets: lignes
      .filter((l) => l.projets.valeur !== null && l.projets.valeur > 0)
      .sort(decroissant((l) => l.projets.valeur!))
      .slice(0, options.limite),
    plus_difficiles_part: lignes
      .filter((l) => l.part_difficiles !== null && l.projets.valeur! >= options.minProjets)
      .sort(decroissant((l) => l.part_difficiles!))
      .slice(0, options.limite),
    plus_difficiles_nombre: lignes
      .filter((l) => l.difficiles.valeur !== null && l.difficiles.valeur > 0)
      .sort(decroissant((l) => l.difficiles.valeur!))
      .slice(0, options.limite),
  };
}
