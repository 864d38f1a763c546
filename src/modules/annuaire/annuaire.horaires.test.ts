import { describe, expect, it } from 'vitest';
import { parseHoraires, toOsmOpeningHours } from './annuaire.horaires.js';

describe('parseHoraires', () => {
  it('lit les jours, les plages de jours et plusieurs plages horaires', () => {
    expect(parseHoraires('lundi 13:30-17:00; mardi-jeudi 09:00-12:00, 13:30-17:00')).toEqual([
      { jours: [1], plages: [{ debut: '13:30', fin: '17:00' }] },
      {
        jours: [2, 3, 4],
        plages: [
          { debut: '09:00', fin: '12:00' },
          { debut: '13:30', fin: '17:00' },
        ],
      },
    ]);
  });

  it('rend null pour un texte vide', () => {
    expect(parseHoraires('')).toBeNull();
    expect(parseHoraires(null)).toBeNull();
  });

  it.each([
    ['un jour inconnu', 'lundo 09:00-12:00'],
    ['une plage inversée', 'lundi 12:00-09:00'],
    ['une heure impossible', 'lundi 09:00-25:00'],
    ['des jours à rebours', 'vendredi-lundi 09:00-12:00'],
    ['une phrase libre', 'sur rendez-vous uniquement'],
  ])('rend null plutôt qu’un horaire à moitié lu pour %s', (_cas, texte) => {
    expect(parseHoraires(texte)).toBeNull();
  });
});

describe('toOsmOpeningHours', () => {
  it('écrit la syntaxe opening_hours attendue par data·inclusion', () => {
    expect(toOsmOpeningHours(parseHoraires('lundi-vendredi 09:00-12:00, 14:00-17:00; samedi 09:00-12:00'))).toBe(
      'Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00',
    );
    expect(toOsmOpeningHours(null)).toBeNull();
  });
});
