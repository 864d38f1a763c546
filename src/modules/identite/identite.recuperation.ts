import { createHash, randomInt } from 'node:crypto';

// 32 symbols (5 bits each) without 0, 1, i and l, which read alike; 12 of them make 60 bits.
export const ALPHABET_RECUPERATION = '23456789abcdefghjkmnopqrstuvwxyz';
const GROUPES = 3;
const LONGUEUR_GROUPE = 4;

function symbole(): string {
  return ALPHABET_RECUPERATION[randomInt(ALPHABET_RECUPERATION.length)]!;
}

function genererCode(): string {
  const groupe = () => Array.from({ length: LONGUEUR_GROUPE }, symbole).join('');
  return Array.from({ length: GROUPES }, groupe).join('-');
}

/** Hash stored for a recovery code, whatever its case, spaces and dashes as typed. */
export function empreinteCodeRecuperation(code: string): string {
  // "0" is not in the alphabet, so a zero typed for the letter o can only mean o.
  const normalise = code.toLowerCase().replace(/[\s-]/g, '').replaceAll('0', 'o');
  return createHash('sha256').update(normalise).digest('hex');
}

/**
 * Draws `n` single-use recovery codes (`xxxx-xxxx-xxxx`, 60 bits each): `codes` are shown once to
 * the person, only `empreintes` (SHA-256, enough for random codes of this size) are stored.
 */
export function genererCodesRecuperation(n = 10): { codes: string[]; empreintes: string[] } {
  const codes = Array.from({ length: n }, genererCode);
  return { codes, empreintes: codes.map(empreinteCodeRecuperation) };
}
