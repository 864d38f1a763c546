/**
 * The 2019 France Travail sites file went through a Latin-1 conversion that had no room for the
 * Windows-1252 punctuation: every typographic apostrophe (0x92) and en dash (0x96) became "¿",
 * a character that never belongs in a French address. Between two letters it was an apostrophe
 * ("d¿Auguste"), between spaces a dash ("135 ¿ 137").
 */
function reparerPonctuation(adresse: string): string {
  return adresse.replace(/(\p{L})¿(?=\p{L})/gu, '$1’').replace(/\s¿\s/g, ' – ');
}

// Words written in lower case inside an address: street types and the small words of names.
const MINUSCULES = new Set(
  'rue avenue av boulevard bd place pl allée allee chemin route rte impasse quai cours square passage voie rond-point parvis esplanade sentier lieu-dit zone parc cité cite résidence residence de du des la le les et à a au aux en sur sous lès'.split(
    ' ',
  ),
);
// Acronyms kept in capitals.
const SIGLES = new Set(['ZA', 'ZI', 'ZAC', 'ZAE', 'BP', 'CS', 'CEDEX', 'RN', 'RD', 'CHU', 'HLM']);

/** "390 RUE D ESTIENNE D ORVES" → "390 rue d’Estienne d’Orves": capitals read as shouting and are harder to read. */
function casseNormale(adresse: string): string {
  if (adresse !== adresse.toUpperCase() || !/\p{Lu}{3}/u.test(adresse)) return adresse;
  const mots = adresse.split(' ');
  return mots
    .map((mot, i) => {
      if (SIGLES.has(mot)) return mot;
      const minuscule = mot.toLowerCase();
      // A lone D or L before a word starting with a vowel is an elided article whose apostrophe was dropped.
      if ((minuscule === 'd' || minuscule === 'l') && /^[AEIOUYHÀÂÉÈÊÎÔ]/u.test(mots[i + 1] ?? '')) return `${minuscule}’`;
      if (MINUSCULES.has(minuscule) && i > 0) return minuscule;
      return minuscule.replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, l: string) => sep + l.toUpperCase());
    })
    .join(' ')
    .replace(/’ /g, '’');
}

/** An address as people read it: the source's broken punctuation repaired, capitals in normal case. */
export function adresseLisible(brute: string | null): string | null {
  return brute === null ? null : casseNormale(reparerPonctuation(brute));
}
