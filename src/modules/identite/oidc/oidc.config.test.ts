import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../server/config.js';
import { fournisseursConfigures } from './oidc.config.js';

const proconnect = {
  PROCONNECT_ISSUER: 'https://auth.agentconnect.gouv.fr/api/v2',
  PROCONNECT_CLIENT_ID: 'client-trajectoires',
  PROCONNECT_CLIENT_SECRET: 'secret',
};

function problemes(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.problemes;
    throw e;
  }
  return [];
}

describe('configuration des fournisseurs d’identité', () => {
  it('ne propose aucun fournisseur sans configuration', () => {
    expect(fournisseursConfigures(loadConfig({}))).toEqual([]);
  });

  it('propose un fournisseur dont les trois réglages sont présents, avec les acr ProConnect du second facteur par défaut', () => {
    expect(fournisseursConfigures(loadConfig(proconnect))).toEqual([
      {
        id: 'proconnect',
        issuer: proconnect.PROCONNECT_ISSUER,
        clientId: 'client-trajectoires',
        clientSecret: 'secret',
        acrSecondFacteur: [
          'eidas2',
          'eidas3',
          'https://proconnect.gouv.fr/assurance/self-asserted-2fa',
          'https://proconnect.gouv.fr/assurance/consistency-checked-2fa',
        ],
      },
    ]);
  });

  it('lit la liste des acr du second facteur séparée par des virgules', () => {
    const [fournisseur] = fournisseursConfigures(loadConfig({ ...proconnect, PROCONNECT_ACR_SECOND_FACTEUR: ' eidas3 , urn:mfa ,' }));
    expect(fournisseur?.acrSecondFacteur).toEqual(['eidas3', 'urn:mfa']);
  });

  it('refuse un fournisseur à moitié configuré en nommant ce qui manque', () => {
    expect(problemes({ FRANCECONNECT_ISSUER: 'https://oidc.franceconnect.gouv.fr/api/v2' })).toEqual([
      'FRANCECONNECT_CLIENT_ID, FRANCECONNECT_CLIENT_SECRET : à renseigner avec FRANCECONNECT_ISSUER (ou laisser les trois vides pour ne pas proposer ce fournisseur)',
    ]);
  });

  it('refuse un émetteur en http en production, l’accepte ailleurs', () => {
    const local = { ...proconnect, PROCONNECT_ISSUER: 'http://127.0.0.1:4000' };
    expect(problemes({ ...local, NODE_ENV: 'production', COOKIE_SECURISE: 'true' })).toEqual(['PROCONNECT_ISSUER : doit être en https:// en production']);
    expect(problemes(local)).toEqual([]);
  });
});
