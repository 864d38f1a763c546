import type { Horaires } from '../annuaire.contract.js';

const JOURS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

/**
 * Hours as typed in a form (any grouping of days) in the stored shape: each entry a run of
 * consecutive days with the same ranges, ranges in time order. The OSM export writes an entry as
 * "Mo-We", which is only right for consecutive days.
 */
export function normaliserHoraires(saisis: Horaires | null): Horaires | null {
  if (!saisis) return null;
  const parJour = new Map<number, Horaires[number]['plages']>();
  for (const { jours, plages } of saisis) {
    const triees = [...plages].sort((a, b) => a.debut.localeCompare(b.debut)).map(({ debut, fin }) => ({ debut, fin }));
    for (const jour of jours) parJour.set(jour, triees);
  }
  const resultat: Horaires = [];
  for (let jour = 1; jour <= 7; jour++) {
    const plages = parJour.get(jour);
    if (!plages || plages.length === 0) continue;
    const precedent = resultat.at(-1);
    if (precedent && precedent.jours.at(-1) === jour - 1 && JSON.stringify(precedent.plages) === JSON.stringify(plages)) precedent.jours.push(jour);
    else resultat.push({ jours: [jour], plages });
  }
  return resultat.length ? resultat : null;
}

/** The French text the reference files use ("lundi-jeudi 09:00-12:30, 13:30-17:30"), which parseHoraires reads back. */
export function texteHoraires(horaires: Horaires | null): string | null {
  if (!horaires || horaires.length === 0) return null;
  return horaires
    .map(({ jours, plages }) => {
      const premier = JOURS[jours[0]! - 1]!;
      const dernier = JOURS[jours.at(-1)! - 1]!;
      return `${jours.length === 1 ? premier : `${premier}-${dernier}`} ${plages.map((p) => `${p.debut}-${p.fin}`).join(', ')}`;
    })
    .join('; ');
}
