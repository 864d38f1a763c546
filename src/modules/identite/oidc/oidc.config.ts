import { z } from '../../../shared/zod.js';

const listeSepareeParDesVirgules = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

const adresseFournisseur = z.url({ protocol: /^https?$/, message: 'doit être l’adresse http(s) de l’émetteur OpenID Connect' });

/**
 * Identity providers. Each is optional: a provider is offered only when its issuer, client id and
 * secret are all set.
 */
export const configOidcSchema = z.strictObject({
  /** Issuer of ProConnect, e.g. https://auth.agentconnect.gouv.fr/api/v2 (the discovery document is read from it). */
  PROCONNECT_ISSUER: adresseFournisseur.optional(),
  PROCONNECT_CLIENT_ID: z.string().min(1).optional(),
  PROCONNECT_CLIENT_SECRET: z.string().min(1).optional(),
  /**
   * acr values of the ID token that prove a second factor. ProConnect's documentation: eidas2,
   * eidas3 (government identity providers) and the ProConnect Identité -2fa levels.
   */
  PROCONNECT_ACR_SECOND_FACTEUR: listeSepareeParDesVirgules.default([
    'eidas2',
    'eidas3',
    'https://proconnect.gouv.fr/assurance/self-asserted-2fa',
    'https://proconnect.gouv.fr/assurance/consistency-checked-2fa',
  ]),
  /** Issuer of FranceConnect, e.g. https://oidc.franceconnect.gouv.fr/api/v2. */
  FRANCECONNECT_ISSUER: adresseFournisseur.optional(),
  FRANCECONNECT_CLIENT_ID: z.string().min(1).optional(),
  FRANCECONNECT_CLIENT_SECRET: z.string().min(1).optional(),
});

export type ConfigOidc = z.infer<typeof configOidcSchema>;

export const FOURNISSEURS = ['proconnect', 'franceconnect'] as const;
export type IdFournisseur = (typeof FOURNISSEURS)[number];

const PREFIXES: Record<IdFournisseur, 'PROCONNECT' | 'FRANCECONNECT'> = { proconnect: 'PROCONNECT', franceconnect: 'FRANCECONNECT' };

export interface ReglagesFournisseur {
  id: IdFournisseur;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** acr values that count as a second factor; empty: a sign-in never does. */
  acrSecondFacteur: string[];
}

/** The providers whose three settings are present, in display order. */
export function fournisseursConfigures(config: ConfigOidc): ReglagesFournisseur[] {
  return FOURNISSEURS.flatMap((id) => {
    const p = PREFIXES[id];
    const issuer = config[`${p}_ISSUER`];
    const clientId = config[`${p}_CLIENT_ID`];
    const clientSecret = config[`${p}_CLIENT_SECRET`];
    if (!issuer || !clientId || !clientSecret) return [];
    return [{ id, issuer, clientId, clientSecret, acrSecondFacteur: id === 'proconnect' ? config.PROCONNECT_ACR_SECOND_FACTEUR : [] }];
  });
}

/** What is wrong across settings (a half-configured provider, plain http in production), in French. */
export function problemesConfigOidc(config: ConfigOidc, environnement: string): string[] {
  return FOURNISSEURS.flatMap((id) => {
    const p = PREFIXES[id];
    const cles = [`${p}_ISSUER`, `${p}_CLIENT_ID`, `${p}_CLIENT_SECRET`] as const;
    const presentes = cles.filter((c) => config[c]);
    const problemes: string[] = [];
    if (presentes.length > 0 && presentes.length < cles.length) {
      const manquantes = cles.filter((c) => !config[c]);
      problemes.push(`${manquantes.join(', ')} : à renseigner avec ${presentes.join(', ')} (ou laisser les trois vides pour ne pas proposer ce fournisseur)`);
    }
    const issuer = config[`${p}_ISSUER`];
    if (issuer && environnement === 'production' && !issuer.startsWith('https://')) {
      problemes.push(`${p}_ISSUER : doit être en https:// en production`);
    }
    return problemes;
  });
}
