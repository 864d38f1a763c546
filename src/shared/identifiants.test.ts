import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { uuidNomme } from './identifiants.js';

// The DNS namespace of RFC 9562 (appendix A), the one reference implementations are checked with.
const ESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('uuidNomme', () => {
  it('donne les UUID version 5 de référence (Python uuid.uuid5, RFC 9562)', () => {
    expect(uuidNomme(ESPACE_DNS, 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidNomme(ESPACE_DNS, 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('est stable, porte la version 5 et la variante RFC, et distingue noms et espaces', () => {
    const autreEspace = '3f0e3c4e-0b9f-4c53-a3a5-0d5e1c8b7a21';
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }), (a, b) => {
        const id = uuidNomme(ESPACE_DNS, a);
        expect(uuidNomme(ESPACE_DNS, a)).toBe(id);
        expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
        expect(uuidNomme(autreEspace, a)).not.toBe(id);
        if (a !== b) expect(uuidNomme(ESPACE_DNS, b)).not.toBe(id);
      }),
    );
  });

  it('refuse un espace de noms qui n’est pas un UUID', () => {
    expect(() => uuidNomme('annuaire', 'x')).toThrow('Espace de noms invalide');
  });
});
