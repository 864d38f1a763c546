import type { Horaires } from './annuaire.contract.js';

const JOURS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
const JOURS_OSM = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const HEURE = /^([01]\d|2[0-3]):[0-5]\d$/;

function jourNumero(nom: string): number | null {
  const i = JOURS.indexOf(nom.trim().toLowerCase() as (typeof JOURS)[number]);
  return i === -1 ? null : i + 1;
}

/**
 * Parses the opening hours of the reference files ("lundi 13:30-17:00; mardi-jeudi 09:00-12:00,
 * 13:30-17:00") into structured days (1 = Monday) and time ranges. Returns null when a part is
 * not understood: the raw text is then shown as it is, never a half-read schedule.
 */
export function parseHoraires(texte: string | null | undefined): Horaires | null {
  if (!texte || texte.trim() === '') return null;
  const resultat: Horaires = [];
  for (const segment of texte
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const match = /^([a-zé]+)(?:\s*-\s*([a-zé]+))?\s+(.+)$/i.exec(segment);
    if (!match) return null;
    const debut = jourNumero(match[1]!);
    const fin = match[2] ? jourNumero(match[2]) : debut;
    if (debut === null || fin === null || fin < debut) return null;
    const plages = [];
    for (const plage of match[3]!.split(',').map((p) => p.trim())) {
      const [de, a, ...reste] = plage.split('-').map((h) => h.trim());
      if (!de || !a || reste.length > 0 || !HEURE.test(de) || !HEURE.test(a) || a <= de) return null;
      plages.push({ debut: de, fin: a });
    }
    const jours = Array.from({ length: fin - debut + 1 }, (_, i) => debut + i);
    resultat.push({ jours, plages });
  }
  return resultat;
}

/** The same hours in the OpenStreetMap opening_hours syntax that data·inclusion asks for. */
export function toOsmOpeningHours(horaires: Horaires | null): string | null {
  if (!horaires || horaires.length === 0) return null;
  return horaires
    .map(({ jours, plages }) => {
      const premier = JOURS_OSM[jours[0]! - 1]!;
      const dernier = JOURS_OSM[jours[jours.length - 1]! - 1]!;
      const jourTexte = jours.length === 1 ? premier : `${premier}-${dernier}`;
      return `${jourTexte} ${plages.map((p) => `${p.debut}-${p.fin}`).join(',')}`;
    })
    .join('; ');
}
