/**
 * Normalises a free text for matching: lower case, no accents, apostrophes and hyphens as
 * spaces, "st"/"ste" expanded. The same function feeds the stored search columns and the
 * queries, so both sides always agree.
 */
export function normaliserTexte(texte: string): string {
  return texte
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((mot) => ABREVIATIONS[mot] ?? mot)
    .join(' ');
}

// Abbreviations people type for commune names ("st jean de luz", "ste foy").
const ABREVIATIONS: Record<string, string> = { st: 'saint', ste: 'sainte', sts: 'saints', stes: 'saintes' };

/** Words of a normalised text, for building search queries. */
export function motsDe(texte: string): string[] {
  const normalise = normaliserTexte(texte);
  return normalise === '' ? [] : normalise.split(' ');
}
