import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluerVolume, mediane, peutDepasser, seuilAlerte } from './vigilance.regle.js';

const seuils = { facteurAlerte: 5, plancherAlerte: 50, plafondJour: 500 };

describe('mediane', () => {
  it('prend la valeur du milieu, ou la moyenne des deux du milieu, et 0 sans historique', () => {
    expect(mediane([])).toBe(0);
    expect(mediane([7])).toBe(7);
    expect(mediane([30, 10, 20])).toBe(20);
    expect(mediane([10, 40, 20, 30])).toBe(25);
  });

  it('ne bouge pas pour une journée exceptionnelle : un mois à 10 et un jour à 400 restent à 10', () => {
    expect(mediane([...new Array<number>(29).fill(10), 400])).toBe(10);
  });

  it('compte les jours sans lecture : un agent qui ne lit que 10 jours sur 30 a un volume habituel nul', () => {
    expect(mediane([...new Array<number>(20).fill(0), ...new Array<number>(10).fill(40)])).toBe(0);
  });
});

describe('seuilAlerte', () => {
  it('vaut le facteur fois le volume habituel, jamais moins que le plancher', () => {
    expect(seuilAlerte(0, seuils)).toBe(50);
    expect(seuilAlerte(10, seuils)).toBe(50);
    expect(seuilAlerte(11, seuils)).toBe(55);
    expect(seuilAlerte(40, seuils)).toBe(200);
  });
});

describe('evaluerVolume', () => {
  it('alerte au-delà du seuil, pas au seuil même', () => {
    expect(evaluerVolume(50, 10, seuils)).toEqual({ niveau: 'normal' });
    expect(evaluerVolume(51, 10, seuils)).toEqual({ niveau: 'alerte', seuil: 50 });
    expect(evaluerVolume(200, 40, seuils)).toEqual({ niveau: 'normal' });
    expect(evaluerVolume(201, 40, seuils)).toEqual({ niveau: 'alerte', seuil: 200 });
  });

  it('suspend au-delà du plafond, même pour un compte dont le volume habituel est plus haut', () => {
    expect(evaluerVolume(500, 10, seuils)).toEqual({ niveau: 'alerte', seuil: 50 });
    expect(evaluerVolume(501, 10, seuils)).toEqual({ niveau: 'plafond', seuil: 500 });
    expect(evaluerVolume(501, 200, seuils)).toEqual({ niveau: 'plafond', seuil: 500 });
    expect(evaluerVolume(400, 200, seuils)).toEqual({ niveau: 'normal' });
  });

  it('ne demande jamais rien pour un volume qui ne dépasse ni le plancher ni le plafond', () => {
    fc.assert(
      fc.property(
        fc.record({
          facteurAlerte: fc.integer({ min: 1, max: 20 }),
          plancherAlerte: fc.integer({ min: 1, max: 1000 }),
          plafondJour: fc.integer({ min: 1, max: 1000 }),
        }),
        fc.nat({ max: 2000 }),
        fc.nat({ max: 500 }),
        (s, lectures, habituel) => {
          const verdict = evaluerVolume(lectures, habituel, s);
          if (!peutDepasser(lectures, s)) expect(verdict).toEqual({ niveau: 'normal' });
          if (verdict.niveau !== 'normal') expect(lectures).toBeGreaterThan(verdict.seuil);
          expect(verdict.niveau === 'plafond').toBe(lectures > s.plafondJour);
        },
      ),
    );
  });
});
