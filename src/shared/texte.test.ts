import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { motsDe, normaliserTexte } from './texte.js';

describe('normaliserTexte', () => {
  it.each([
    ['Saint-Jean-de-Luz', 'saint jean de luz'],
    ['st jean de luz', 'saint jean de luz'],
    ['Ste-Foy-la-Grande', 'sainte foy la grande'],
    ['L’Île-d’Yeu', 'l ile d yeu'],
    ['Œuvre  Cœur', 'oeuvre coeur'],
    ['BILAN de COMPÉTENCES', 'bilan de competences'],
  ])('« %s » devient « %s »', (saisi, attendu) => {
    expect(normaliserTexte(saisi)).toBe(attendu);
  });

  it('est idempotente et ne produit que des minuscules sans accent séparées par une espace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (texte) => {
        const une = normaliserTexte(texte);
        expect(normaliserTexte(une)).toBe(une);
        expect(une).toMatch(/^([a-z0-9]+( [a-z0-9]+)*)?$/);
      }),
    );
  });
});

describe('motsDe', () => {
  it('découpe en mots normalisés et rend une liste vide pour un texte sans lettre', () => {
    expect(motsDe('Bilan de compétence !')).toEqual(['bilan', 'de', 'competence']);
    expect(motsDe(' ,;- ')).toEqual([]);
  });
});
