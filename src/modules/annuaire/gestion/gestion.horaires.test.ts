import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHoraires, toOsmOpeningHours } from '../annuaire.horaires.js';
import { normaliserHoraires, texteHoraires } from './gestion.horaires.js';

const matin = { debut: '09:00', fin: '12:00' };
const apresMidi = { debut: '13:30', fin: '17:00' };

describe('normaliserHoraires', () => {
  it('regroupe les jours consécutifs aux mêmes plages et trie les plages', () => {
    const saisis = [
      { jours: [1], plages: [apresMidi, matin] },
      { jours: [2, 3], plages: [matin, apresMidi] },
      { jours: [5], plages: [matin, apresMidi] },
      { jours: [6], plages: [matin] },
    ];
    expect(normaliserHoraires(saisis)).toEqual([
      { jours: [1, 2, 3], plages: [matin, apresMidi] },
      { jours: [5], plages: [matin, apresMidi] },
      { jours: [6], plages: [matin] },
    ]);
  });

  it('ne réunit jamais des jours séparés, que l’export OSM écrirait « Mo-We »', () => {
    const normalises = normaliserHoraires([{ jours: [1, 3], plages: [matin] }]);
    expect(normalises).toEqual([
      { jours: [1], plages: [matin] },
      { jours: [3], plages: [matin] },
    ]);
    expect(toOsmOpeningHours(normalises)).toBe('Mo 09:00-12:00; We 09:00-12:00');
  });

  it('rend null pour des horaires vides', () => {
    expect(normaliserHoraires([])).toBeNull();
    expect(normaliserHoraires(null)).toBeNull();
  });
});

describe('texteHoraires', () => {
  it('écrit le texte des fichiers de référence', () => {
    expect(
      texteHoraires([
        { jours: [1, 2, 3, 4], plages: [matin, apresMidi] },
        { jours: [5], plages: [matin] },
      ]),
    ).toBe('lundi-jeudi 09:00-12:00, 13:30-17:00; vendredi 09:00-12:00');
  });

  it('est relu à l’identique par parseHoraires, quels que soient les horaires saisis', () => {
    const heure = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
    const plage = fc
      .tuple(heure, heure)
      .filter(([a, b]) => a < b)
      .map(([debut, fin]) => ({ debut, fin }));
    const saisie = fc.array(
      fc.record({
        jours: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
        plages: fc.array(plage, { minLength: 1, maxLength: 3 }),
      }),
      { maxLength: 7 },
    );
    fc.assert(
      fc.property(saisie, (saisis) => {
        const normalises = normaliserHoraires(saisis);
        expect(parseHoraires(texteHoraires(normalises))).toEqual(normalises);
      }),
    );
  });
});
