import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EtatConnexion, cheminDeRetour, cleEtat, ouvrirEtat, scellerEtat } from './oidc.etat.js';

const maintenant = new Date('2026-03-02T10:00:00Z');
const cle = cleEtat('secret-du-client');
const etat: EtatConnexion = {
  fournisseur: 'proconnect',
  state: 'etat-aleatoire',
  nonce: 'nonce-aleatoire',
  codeVerifier: 'verificateur-pkce',
  retour: '/espace',
  expireLe: maintenant.getTime() + 60_000,
};

describe('état de connexion scellé', () => {
  it('se relit tel quel avec la même clé, pour le même fournisseur, avant expiration', () => {
    expect(ouvrirEtat(scellerEtat(etat, cle), cle, 'proconnect', maintenant)).toEqual(etat);
  });

  it('est refusé s’il a été modifié, même d’un caractère', () => {
    const scelle = scellerEtat(etat, cle);
    const [contenu, signe] = scelle.split('.');
    const autreContenu = Buffer.from(JSON.stringify({ ...etat, retour: '/ailleurs' })).toString('base64url');
    expect(ouvrirEtat(`${autreContenu}.${signe}`, cle, 'proconnect', maintenant)).toBeUndefined();
    const signeAltere = `${signe!.slice(0, -1)}${signe!.endsWith('A') ? 'B' : 'A'}`;
    expect(ouvrirEtat(`${contenu}.${signeAltere}`, cle, 'proconnect', maintenant)).toBeUndefined();
  });

  it('est refusé avec la clé d’un autre client, pour un autre fournisseur ou une fois expiré', () => {
    const scelle = scellerEtat(etat, cle);
    expect(ouvrirEtat(scelle, cleEtat('autre-secret'), 'proconnect', maintenant)).toBeUndefined();
    expect(ouvrirEtat(scelle, cle, 'franceconnect', maintenant)).toBeUndefined();
    expect(ouvrirEtat(scelle, cle, 'proconnect', new Date(etat.expireLe))).toBeUndefined();
  });

  it('est refusé absent ou mal formé', () => {
    for (const valeur of [undefined, '', 'abc', 'a.b.c', '.', `${'x'.repeat(5000)}.y`]) {
      expect(ouvrirEtat(valeur, cle, 'proconnect', maintenant)).toBeUndefined();
    }
  });
});

describe('chemin de retour après connexion', () => {
  it('garde un chemin interne avec sa requête et son ancre', () => {
    expect(cheminDeRetour('/annuaire?q=mission+locale#resultats')).toBe('/annuaire?q=mission+locale#resultats');
    expect(cheminDeRetour('/structures/42')).toBe('/structures/42');
  });

  it('remplace par / tout ce qui mènerait ailleurs ou vers l’API', () => {
    for (const retour of [
      undefined,
      '',
      'https://evil.example',
      '//evil.example/chemin',
      '/\\evil.example',
      '\\\\evil.example',
      '/%2F%2Fevil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      'annuaire',
      '/api/v1/session',
    ]) {
      const chemin = cheminDeRetour(retour);
      expect(chemin === '/' || !chemin.startsWith('//')).toBe(true);
      expect(new URL(chemin, 'https://trajectoires.example').origin).toBe('https://trajectoires.example');
    }
    expect(cheminDeRetour('https://evil.example')).toBe('/');
    expect(cheminDeRetour('//evil.example/chemin')).toBe('/');
    expect(cheminDeRetour('/\\evil.example')).toBe('/');
    expect(cheminDeRetour('/api/v1/session')).toBe('/');
  });

  it('ne sort jamais du site, quelle que soit la valeur reçue', () => {
    const debutsPieges = fc.constantFrom('https://', '//', '/\\', '\\\\', '/%2F', 'javascript:', '/\t/');
    const valeurs = fc.oneof(
      fc.string(),
      fc.webPath(),
      fc.tuple(debutsPieges, fc.string()).map(([debut, suite]) => debut + suite),
    );
    fc.assert(
      fc.property(valeurs, (retour) => {
        const chemin = cheminDeRetour(retour);
        expect(chemin.startsWith('/')).toBe(true);
        expect(new URL(chemin, 'https://trajectoires.example').origin).toBe('https://trajectoires.example');
      }),
    );
  });
});
