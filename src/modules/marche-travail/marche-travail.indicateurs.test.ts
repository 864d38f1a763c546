import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Effectif } from './marche-travail.contract.js';
import { additionnerEffectifs, chiffresBmo, classerMetiers, part } from './marche-travail.indicateurs.js';

const effectif: fc.Arbitrary<Effectif> = fc.oneof(
  fc.nat({ max: 100_000 }).map((valeur) => ({ valeur, secret: false })),
  fc.constant({ valeur: null, secret: true }),
);
const connu = (valeur: number): Effectif => ({ valeur, secret: false });
const SECRET: Effectif = { valeur: null, secret: true };

describe('additionnerEffectifs', () => {
  it('rend secret le total dès qu’une partie est secrète, jamais un nombre', () => {
    fc.assert(
      fc.property(fc.array(effectif, { minLength: 1, maxLength: 4 }), (parts) => {
        const total = additionnerEffectifs(parts);
        const unSecret = parts.some((p) => p.secret);
        expect(total.secret).toBe(unSecret);
        expect(total.valeur === null).toBe(unSecret);
      }),
    );
  });

  it('additionne les parties publiées', () => {
    expect(additionnerEffectifs([connu(6), connu(12)])).toEqual({ valeur: 18, secret: false });
    expect(additionnerEffectifs([connu(6), SECRET])).toEqual({ valeur: null, secret: true });
  });
});

describe('part', () => {
  it('est comprise entre 0 et 1 quand le numérateur ne dépasse pas le dénominateur, et absente si un effectif est secret ou nul', () => {
    fc.assert(
      fc.property(effectif, effectif, (a, b) => {
        const [petit, grand] = a.valeur !== null && b.valeur !== null && a.valeur > b.valeur ? [b, a] : [a, b];
        const p = part(petit, grand);
        if (petit.secret || grand.secret || grand.valeur === 0) expect(p).toBeNull();
        else {
          expect(p).not.toBeNull();
          expect(p!).toBeGreaterThanOrEqual(0);
          expect(p!).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('classerMetiers', () => {
  const ligne = (code: string, projets: Effectif, difficiles: Effectif) => ({ metier: { code }, ...chiffresBmo(projets, difficiles, SECRET) });

  it('ne classe par part difficile que les métiers qui atteignent le seuil de projets, et jamais un effectif secret', () => {
    const lignes = [
      ligne('A', connu(3), connu(3)),
      ligne('B', connu(100), connu(60)),
      ligne('C', connu(40), connu(30)),
      ligne('D', SECRET, SECRET),
      ligne('E', connu(500), SECRET),
    ];
    const c = classerMetiers(lignes, { limite: 10, minProjets: 30 });
    expect(c.plus_difficiles_part.map((l) => l.metier.code)).toEqual(['C', 'B']);
    expect(c.plus_difficiles_nombre.map((l) => l.metier.code)).toEqual(['B', 'C', 'A']);
    expect(c.plus_de_projets.map((l) => l.metier.code)).toEqual(['E', 'B', 'C', 'A']);
  });

  it('rend des listes triées, bornées par la limite, au-dessus du seuil', () => {
    const lignes = fc.uniqueArray(fc.record({ code: fc.string({ minLength: 1, maxLength: 5 }), projets: effectif, difficiles: effectif }), {
      selector: (l) => l.code,
      maxLength: 40,
    });
    fc.assert(
      fc.property(lignes, fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 200 }), (brutes, limite, minProjets) => {
        const c = classerMetiers(
          brutes.map((b) => ligne(b.code, b.projets, b.difficiles)),
          { limite, minProjets },
        );
        for (const liste of [c.plus_de_projets, c.plus_difficiles_part, c.plus_difficiles_nombre]) expect(liste.length).toBeLessThanOrEqual(limite);
        for (const l of c.plus_difficiles_part) expect(l.projets.valeur!).toBeGreaterThanOrEqual(minProjets);
        const parts = c.plus_difficiles_part.map((l) => l.part_difficiles!);
        expect(parts).toEqual([...parts].sort((x, y) => y - x));
        const projets = c.plus_de_projets.map((l) => l.projets.valeur!);
        expect(projets).toEqual([...projets].sort((x, y) => y - x));
      }),
    );
  });
});
