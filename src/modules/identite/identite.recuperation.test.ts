import { describe, expect, it } from 'vitest';
import { ALPHABET_RECUPERATION, empreinteCodeRecuperation, genererCodesRecuperation } from './identite.recuperation.js';

describe('genererCodesRecuperation', () => {
  it('tire 10 codes distincts xxxx-xxxx-xxxx et l’empreinte de chacun', () => {
    const { codes, empreintes } = genererCodesRecuperation();

    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9a-hjkm-z]{4}-[2-9a-hjkm-z]{4}-[2-9a-hjkm-z]{4}$/);
    expect(empreintes).toEqual(codes.map(empreinteCodeRecuperation));
    for (const empreinte of empreintes) expect(empreinte).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tire le nombre de codes demandé', () => {
    expect(genererCodesRecuperation(3).codes).toHaveLength(3);
  });

  it('porte 60 bits par code : 12 symboles tirés parmi les 32 de l’alphabet, tous utilisés', () => {
    expect(new Set(ALPHABET_RECUPERATION).size).toBe(32);
    const symboles = new Set(genererCodesRecuperation(500).codes.join('').replaceAll('-', ''));

    // 6 000 tirages : qu’un des 32 symboles manque a une probabilité de l’ordre de 10^-80.
    expect([...symboles].sort().join('')).toBe(ALPHABET_RECUPERATION);
  });
});

describe('empreinteCodeRecuperation', () => {
  it('ignore la casse, les espaces et les tirets, et lit un zéro comme la lettre o', () => {
    const empreinte = empreinteCodeRecuperation('ab2c-d3ef-o4gh');

    expect(empreinteCodeRecuperation('AB2C D3EF O4GH')).toBe(empreinte);
    expect(empreinteCodeRecuperation(' ab2cd3efo4gh ')).toBe(empreinte);
    expect(empreinteCodeRecuperation('ab2c-d3ef-04gh')).toBe(empreinte);
  });

  it('distingue deux codes qui diffèrent d’un symbole', () => {
    expect(empreinteCodeRecuperation('ab2c-d3ef-o4gh')).not.toBe(empreinteCodeRecuperation('ab2c-d3ef-o4gj'));
  });
});
