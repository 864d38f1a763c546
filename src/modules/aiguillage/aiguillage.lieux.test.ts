import { describe, expect, it } from 'vitest';
import { momentEnFrance, ouvertA } from './aiguillage.lieux.js';

// Monday to Friday 09:00–12:00 and 13:30–17:00.
const HORAIRES = [
  {
    jours: [1, 2, 3, 4, 5],
    plages: [
      { debut: '09:00', fin: '12:00' },
      { debut: '13:30', fin: '17:00' },
    ],
  },
];

describe('ouverture d’un lieu à un instant, à l’heure française', () => {
  it('lit le jour et l’heure à Paris, heure d’été comme d’hiver', () => {
    expect(momentEnFrance(new Date('2026-11-23T08:30:00Z'))).toEqual({ jour: 1, heure: '09:30' });
    expect(momentEnFrance(new Date('2026-07-05T22:15:00Z'))).toEqual({ jour: 1, heure: '00:15' });
  });

  it('ouvert dans une plage, fermé à sa fin, entre deux plages et le week-end', () => {
    expect(ouvertA(HORAIRES, new Date('2026-11-23T08:00:00Z'))).toBe(true); // lundi 09:00
    expect(ouvertA(HORAIRES, new Date('2026-11-23T11:00:00Z'))).toBe(false); // lundi 12:00
    expect(ouvertA(HORAIRES, new Date('2026-11-23T12:00:00Z'))).toBe(false); // lundi 13:00
    expect(ouvertA(HORAIRES, new Date('2026-11-23T15:59:00Z'))).toBe(true); // lundi 16:59
    expect(ouvertA(HORAIRES, new Date('2026-11-28T10:00:00Z'))).toBe(false); // samedi
  });

  it('ne dit rien quand les horaires ne sont pas connus', () => {
    expect(ouvertA(null, new Date())).toBeNull();
    expect(ouvertA([], new Date())).toBeNull();
  });
});
