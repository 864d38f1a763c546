import type { Horaires } from '../annuaire.contract.js';
import { COURRIEL } from './echange.contract.js';

// Values of the directory put in the shape data·inclusion asks for, and back. Pure functions: a
// value that cannot be made conformant becomes null rather than a record the schema refuses.

const NOM_MAX = 150;

/** The name within the schema's 150 characters, cut at a word with an ellipsis (never a period). */
export function nomBorne(nom: string): string {
  const propre = nom.trim().replace(/\s+/g, ' ');
  if (propre.length <= NOM_MAX) return propre;
  const coupe = propre.slice(0, NOM_MAX - 1);
  const espace = coupe.lastIndexOf(' ');
  return `${(espace > NOM_MAX / 2 ? coupe.slice(0, espace) : coupe).replace(/[\s,;:.–-]+$/, '')}…`;
}

export function texteOuNull(v: string | null | undefined, min = 1, max = 10_000): string | null {
  const t = v?.trim();
  if (!t || t.length < min) return null;
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/**
 * A full web address: "www.example.fr" gets https://, accents and spaces are encoded by the URL
 * parser, anything that is still not an absolute http(s) address is dropped.
 */
export function urlComplete(v: string | null | undefined): string | null {
  const t = v?.trim();
  if (!t) return null;
  const avecSchema = /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? t : /^[\w-]+(\.[\w-]+)+([/?#].*)?$/u.test(t) ? `https://${t}` : null;
  if (!avecSchema || !URL.canParse(avecSchema)) return null;
  const url = new URL(avecSchema);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return url.href.length <= 2083 ? url.href : null;
}

export function courrielOuNull(v: string | null | undefined): string | null {
  const t = v?.trim();
  return t && COURRIEL.test(t) ? t : null;
}

export function motifOuNull(v: string | null | undefined, motif: RegExp): string | null {
  const t = v?.trim();
  return t && motif.test(t) ? t : null;
}

// Overseas numbers keep their own country code in E.164 (ARCEP numbering plan).
const OUTRE_MER: [RegExp, string][] = [
  [/^0(262|263|692|693)/, '262'],
  [/^0(269|639)/, '262'],
  [/^0(590|690|691)/, '590'],
  [/^0(594|694)/, '594'],
  [/^0(596|696|697)/, '596'],
];

/** "04 74 34 61 22" → "+33474346122"; a number that is not a French 10-digit one stays as written. */
export function telephoneE164(v: string | null | undefined): string | null {
  const t = v?.trim();
  if (!t) return null;
  const chiffres = t.replace(/[\s.()-]/g, '');
  if (/^\+\d{8,15}$/.test(chiffres)) return chiffres;
  if (!/^0[1-9]\d{8}$/.test(chiffres)) return t;
  if (chiffres.startsWith('0508')) return `+508${chiffres.slice(4)}`;
  const outreMer = OUTRE_MER.find(([motif]) => motif.test(chiffres));
  return `+${outreMer ? outreMer[1] : '33'}${chiffres.slice(1)}`;
}

const JOURS_OSM = ['Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'] as const;
const HEURE = /^([01]\d|2[0-3]):[0-5]\d$/;

function jourOsm(code: string): number | null {
  const i = JOURS_OSM.indexOf(code as (typeof JOURS_OSM)[number]);
  return i === -1 ? null : i + 1;
}

/**
 * The common subset of OpenStreetMap opening_hours ("Mo-Fr 08:30-12:30,13:30-17:00; Sa
 * 09:00-12:00", day lists "Mo,We", "PH off") into the directory's structured hours. Returns null
 * for anything richer (months, weeks, "open", comments): the text is then kept as written.
 */
export function parseOsmOpeningHours(texte: string | null | undefined): Horaires | null {
  if (!texte || texte.trim() === '') return null;
  const resultat: Horaires = [];
  for (const segment of texte
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean)) {
    // Public holidays closed: the directory has no notion of them, and closing is the default.
    if (/^PH\s+(off|closed)$/i.test(segment)) continue;
    const match = /^([A-Za-z,-]+)\s+(\S.*)$/.exec(segment);
    if (!match) return null;
    const jours = new Set<number>();
    for (const partie of match[1]!.split(',')) {
      const [de, a, ...reste] = partie.split('-');
      const debut = jourOsm(de ?? '');
      const fin = a === undefined ? debut : jourOsm(a);
      if (debut === null || fin === null || fin < debut || reste.length > 0) return null;
      for (let j = debut; j <= fin; j++) jours.add(j);
    }
    const plages = [];
    for (const plage of match[2]!.split(',').map((p) => p.trim())) {
      const [de, a, ...reste] = plage.split('-').map((h) => h.trim());
      if (!de || !a || reste.length > 0 || !HEURE.test(de) || !HEURE.test(a) || a <= de) return null;
      plages.push({ debut: de, fin: a });
    }
    // One entry per run of consecutive days: the OSM writer renders an entry as "first-last".
    const tries = [...jours].sort((x, y) => x - y);
    let suite: number[] = [];
    for (const j of tries) {
      if (suite.length && j !== suite[suite.length - 1]! + 1) {
        resultat.push({ jours: suite, plages });
        suite = [];
      }
      suite.push(j);
    }
    if (suite.length) resultat.push({ jours: suite, plages });
  }
  return resultat.length ? resultat : null;
}
