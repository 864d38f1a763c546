import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC, interactionPolicy } from 'oidc-provider';

/** An account of the test provider, with the claims ProConnect or FranceConnect would release. */
export interface CompteFournisseur {
  sub: string;
  email: string;
  given_name: string;
  usual_name?: string;
  family_name?: string;
}

/** What the user does on the provider's pages during one sign-in. */
export type ChoixUsager = { compte: CompteFournisseur; acr: string } | { refuse: true };

export interface FournisseurOidcDeTest {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Query of the last authorization request the provider received. */
  derniereAutorisation: URLSearchParams | undefined;
  /**
   * Plays a fresh browser (no provider session) from the authorization URL through the provider's
   * pages, where the user does what `choix` says, until the provider sends it back to the client:
   * returns that callback URL.
   */
  parcourir(urlAutorisation: string, choix: ChoixUsager): Promise<URL>;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider) on 127.0.0.1, with one confidential client registered for
 * `redirectUri`. Its own interaction endpoint signs in whoever the test chose, at the acr the test
 * chose, so that the client's checks run against genuine tokens, signatures and PKCE.
 */
export async function demarrerFournisseurOidc(options: { redirectUri: string; acrValues: string[] }): Promise<FournisseurOidcDeTest> {
  const clientId = `client-${randomBytes(4).toString('hex')}`;
  const clientSecret = randomBytes(32).toString('base64url');
  const comptes = new Map<string, CompteFournisseur>();
  let choixEnCours: ChoixUsager | undefined;
  let derniereAutorisation: URLSearchParams | undefined;
  // Created once the server listens: its issuer needs the port. Until then the server answers 503.
  let provider: Provider | undefined = undefined;

  const serveur = createServer((req, res) => {
    if (!provider) return res.writeHead(503).end();
    if (req.url?.startsWith('/auth?')) derniereAutorisation = new URL(req.url, 'http://x').searchParams;
    if (req.url?.startsWith('/interaction/')) return void interagir(provider, req, res);
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => serveur.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;

  async function interagir(p: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      await p.interactionDetails(req, res);
      const choix = choixEnCours;
      if (!choix || 'refuse' in choix) {
        await p.interactionFinished(req, res, { error: 'access_denied', error_description: 'refusé par l’usager' }, { mergeWithLastSubmission: false });
        return;
      }
      comptes.set(choix.compte.sub, choix.compte);
      await p.interactionFinished(req, res, { login: { accountId: choix.compte.sub, acr: choix.acr } }, { mergeWithLastSubmission: false });
    } catch (erreur) {
      res.writeHead(500).end(String(erreur));
    }
  }

  // The client, not the provider, must judge the acr: let the provider answer with the acr the
  // test chose even when the request asked for another one.
  const politique = interactionPolicy.base();
  politique.get('login').checks.remove('essential_acrs');

  const cle = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [options.redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
        // ProConnect and FranceConnect sign their userinfo answers.
        userinfo_signed_response_alg: 'RS256',
      },
    ],
    jwks: { keys: [{ ...cle, kid: 'cle-de-test', alg: 'RS256', use: 'sig' }] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    acrValues: options.acrValues,
    claims: {
      openid: ['sub'],
      email: ['email'],
      given_name: ['given_name'],
      usual_name: ['usual_name'],
      family_name: ['family_name'],
    },
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      jwtUserinfo: { enabled: true },
    },
    pkce: { required: () => true },
    ttl: { AccessToken: 60, AuthorizationCode: 30, IdToken: 60, Interaction: 600, Grant: 600, Session: 600 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}`, policy: politique },
    // Consent is not what these tests are about: every requested scope is granted at once.
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const { client, session, params, provider: p } = ctx.oidc;
      if (!client || !session?.accountId) return undefined;
      const grant = new p.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope(String(params?.scope ?? 'openid'));
      await grant.save();
      return grant;
    },
    async findAccount(_ctx: unknown, sub: string) {
      const compte = comptes.get(sub);
      if (!compte) return undefined;
      return { accountId: sub, claims: () => ({ ...compte }) };
    },
  });

  return {
    issuer,
    clientId,
    clientSecret,
    get derniereAutorisation() {
      return derniereAutorisation;
    },
    async parcourir(urlAutorisation, choix) {
      choixEnCours = choix;
      const cookies = new Map<string, string>();
      let url = new URL(urlAutorisation);
      for (let etape = 0; etape < 10; etape++) {
        if (url.origin !== issuer) return url;
        const reponse = await fetch(url, {
          redirect: 'manual',
          headers: { cookie: [...cookies].map(([n, v]) => `${n}=${v}`).join('; ') },
        });
        for (const c of reponse.headers.getSetCookie()) {
          const [paire] = c.split(';');
          const i = paire!.indexOf('=');
          cookies.set(paire!.slice(0, i), paire!.slice(i + 1));
        }
        const suite = reponse.headers.get('location');
        if (reponse.status < 300 || reponse.status >= 400 || !suite) {
          throw new Error(`Le fournisseur de test a répondu ${reponse.status} sans redirection : ${await reponse.text()}`);
        }
        url = new URL(suite, url);
      }
      throw new Error('Le fournisseur de test redirige en boucle.');
    },
    close: () => new Promise<void>((resolve, reject) => serveur.close((e) => (e ? reject(e) : resolve()))),
  };
}
