import { describe, expect, it } from 'vitest';
import { contientInstockable, texteLibre, texteNettoye, z } from './zod.js';

const nom = texteLibre('nom').trim().min(1).max(100);

describe('texteLibre', () => {
  it.each([
    ['un caractère nul', 'Lé\u0000a'],
    ['une demi-paire haute seule', 'Lé\uD800a'],
    ['une demi-paire basse seule', 'Lé\uDFFFa'],
    ['une paire dans le mauvais ordre', '\uDE00\uD83D'],
    ['une demi-paire haute en fin de texte', 'Léa\uD83D'],
  ])('refuse %s en nommant le champ et en disant quoi faire', (_cas, saisi) => {
    const resultat = nom.safeParse(saisi);
    expect(resultat.success).toBe(false);
    expect(resultat.error?.issues).toHaveLength(1);
    expect(resultat.error?.issues[0]?.message).toMatch(/^nom : caractère invisible .* retapez ce texte au lieu de le copier/);
  });

  it('accepte un emoji (paire complète), un drapeau, les accents, la tabulation et les sauts de ligne', () => {
    for (const saisi of ['Léa 😀', '🇫🇷 Bordeaux', 'Œuvre « cœur »', 'ligne 1\nligne 2\r\n\tfin']) {
      expect(nom.safeParse(saisi)).toEqual({ success: true, data: saisi.trim() });
    }
  });

  it('accepte les autres caractères de contrôle, que PostgreSQL enregistre et que RFC 8785 échappe', () => {
    for (const code of [0x01, 0x08, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f]) {
      expect(nom.safeParse(`a${String.fromCharCode(code)}b`).success).toBe(true);
    }
  });

  it('garde son propre message quand la valeur n’est pas un texte', () => {
    const resultat = texteLibre('nom', 'nom : texte attendu').safeParse(12);
    expect(resultat.error?.issues[0]?.message).toBe('nom : texte attendu');
  });
});

describe('texteNettoye', () => {
  const recherche = texteNettoye(z.string().trim().max(10, 'trop long'));

  it('remplace par une espace ce qui ne peut pas être enregistré, puis applique les règles suivantes', () => {
    expect(recherche.parse('bilan\u0000comp')).toBe('bilan comp');
    expect(recherche.parse('\u0000a\uD800')).toBe('a');
    expect(recherche.parse('😀')).toBe('😀');
    expect(recherche.safeParse('a'.repeat(11)).success).toBe(false);
  });
});

describe('contientInstockable', () => {
  it('ne voit dans une paire complète aucune demi-paire seule', () => {
    expect(contientInstockable('😀🇫🇷')).toBe(false);
    expect(contientInstockable('😀'.slice(0, 1))).toBe(true);
  });
});
