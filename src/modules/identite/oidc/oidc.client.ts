import * as oidc from 'openid-client';
import { type ConfigOidc, type IdFournisseur, type ReglagesFournisseur, fournisseursConfigures } from './oidc.config.js';
import { erreurFournisseur, fournisseurIndisponible, refusUsager } from './oidc.errors.js';
import { DUREE_ETAT_SECONDES, type EtatConnexion, cleEtat } from './oidc.etat.js';

interface DefinitionFournisseur {
  libelle: string;
  /** Agents sign in with ProConnect, the people they accompany with FranceConnect. */
  public: 'agent' | 'personne';
  scope: string;
  /** The claim that holds the surname: ProConnect sends the usual name, FranceConnect the birth name. */
  claimNom: 'usual_name' | 'family_name';
  /** Level sent as acr_values: FranceConnect requires one; people need no more than the basic one. */
  acrValues?: string;
}

const DEFINITIONS: Record<IdFournisseur, DefinitionFournisseur> = {
  proconnect: { libelle: 'ProConnect', public: 'agent', scope: 'openid email given_name usual_name', claimNom: 'usual_name' },
  franceconnect: {
    libelle: 'FranceConnect',
    public: 'personne',
    scope: 'openid email given_name family_name',
    claimNom: 'family_name',
    acrValues: 'eidas1',
  },
};

/** One configured provider: its settings, where it sends the browser back, and its discovered metadata. */
export interface ClientOidc extends DefinitionFournisseur {
  id: IdFournisseur;
  reglages: ReglagesFournisseur;
  redirectUri: string;
  /** Key of the signed cookie that carries the attempt between the two redirects. */
  cleEtat: Buffer;
  configuration(): Promise<oidc.Configuration>;
}

/**
 * The configured providers. Discovery happens at the first sign-in, not at boot: the service
 * starts even when a provider is down, and a failed discovery is tried again next time.
 */
export function creerClientsOidc(config: ConfigOidc & { URL_PUBLIQUE: string }): Map<IdFournisseur, ClientOidc> {
  return new Map(
    fournisseursConfigures(config).map((reglages) => {
      let decouverte: Promise<oidc.Configuration> | undefined;
      const client: ClientOidc = {
        ...DEFINITIONS[reglages.id],
        id: reglages.id,
        reglages,
        redirectUri: `${config.URL_PUBLIQUE}/api/v1/connexion/oidc/${reglages.id}/retour`,
        cleEtat: cleEtat(reglages.clientSecret),
        configuration() {
          decouverte ??= decouvrir(reglages).catch((cause: unknown) => {
            decouverte = undefined;
            throw fournisseurIndisponible(cause);
          });
          return decouverte;
        },
      };
      return [reglages.id, client];
    }),
  );
}

function decouvrir(reglages: ReglagesFournisseur): Promise<oidc.Configuration> {
  const issuer = new URL(reglages.issuer);
  return oidc.discovery(issuer, reglages.clientId, undefined, oidc.ClientSecretPost(reglages.clientSecret), {
    // Plain http only reaches a provider on this machine (tests, local development): the
    // configuration refuses it in production.
    execute: issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [],
    timeout: 10,
  });
}

/** A new attempt: random state, nonce and PKCE verifier, and the provider's authorization URL. */
export async function preparerAutorisation(client: ClientOidc, retour: string, maintenant: Date): Promise<{ url: URL; etat: EtatConnexion }> {
  const configuration = await client.configuration();
  const etat: EtatConnexion = {
    fournisseur: client.id,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    codeVerifier: oidc.randomPKCECodeVerifier(),
    retour,
    expireLe: maintenant.getTime() + DUREE_ETAT_SECONDES * 1000,
  };
  const parametres: Record<string, string> = {
    redirect_uri: client.redirectUri,
    scope: client.scope,
    state: etat.state,
    nonce: etat.nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(etat.codeVerifier),
    code_challenge_method: 'S256',
  };
  if (client.acrValues) parametres.acr_values = client.acrValues;
  if (client.reglages.acrSecondFacteur.length > 0) {
    // ProConnect documents this essential `acr` claim request, not acr_values (which it reads as
    // a mere wish), to make the agent pass a second factor. The answer is checked all the same.
    parametres.claims = JSON.stringify({ id_token: { acr: { essential: true, values: client.reglages.acrSecondFacteur } } });
  }
  return { url: oidc.buildAuthorizationUrl(configuration, parametres), etat };
}

export interface IdentiteFournie {
  sub: string;
  acr: string | undefined;
  email: string | undefined;
  prenom: string | undefined;
  nom: string | undefined;
}

function texte(valeur: unknown): string | undefined {
  return typeof valeur === 'string' && valeur.trim() !== '' ? valeur.trim() : undefined;
}

/**
 * Exchanges the code (with the PKCE verifier) and reads who signed in. openid-client checks the
 * state, the provider's `iss`, and the ID token's signature, issuer, audience, expiry and nonce.
 */
export async function lireIdentite(client: ClientOidc, urlDeRetour: URL, etat: EtatConnexion): Promise<IdentiteFournie> {
  const configuration = await client.configuration();
  try {
    const jetons = await oidc.authorizationCodeGrant(configuration, urlDeRetour, {
      pkceCodeVerifier: etat.codeVerifier,
      expectedState: etat.state,
      expectedNonce: etat.nonce,
    });
    const claims = jetons.claims();
    if (!claims) throw new Error('réponse du fournisseur sans jeton d’identité');
    const infos = await oidc.fetchUserInfo(configuration, jetons.access_token, claims.sub);
    return {
      sub: claims.sub,
      acr: texte(claims.acr),
      email: texte(infos.email)?.toLowerCase(),
      prenom: texte(infos.given_name),
      nom: texte(infos[client.claimNom]),
    };
  } catch (cause) {
    if (cause instanceof oidc.AuthorizationResponseError && cause.error === 'access_denied') throw refusUsager(cause);
    throw erreurFournisseur(cause);
  }
}
