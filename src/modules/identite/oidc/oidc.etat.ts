import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * What the browser carries between the redirect to the provider and its return: kept in a signed,
 * httpOnly cookie rather than a table, because the check it serves (the callback comes back to the
 * browser that started the sign-in) needs a value bound to that browser anyway, and a cookie
 * needs neither a migration nor a clean-up of abandoned attempts.
 */
export interface EtatConnexion {
  fournisseur: string;
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Internal path to land on after sign-in, already checked. */
  retour: string;
  /** Epoch milliseconds after which the attempt is void, whatever the browser kept. */
  expireLe: number;
}

/** Lifetime of a sign-in attempt: long enough to type a password and a code at the provider. */
export const DUREE_ETAT_SECONDES = 600;

/**
 * The signing key, derived from the client secret: every instance of the service shares it
 * without a new setting, and it differs from the secret sent to the provider.
 */
export function cleEtat(clientSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', clientSecret, 'trajectoires', 'etat-connexion-oidc', 32));
}

function signature(contenu: string, cle: Buffer): Buffer {
  return createHmac('sha256', cle).update(contenu).digest();
}

export function scellerEtat(etat: EtatConnexion, cle: Buffer): string {
  const contenu = Buffer.from(JSON.stringify(etat)).toString('base64url');
  return `${contenu}.${signature(contenu, cle).toString('base64url')}`;
}

/** The attempt a cookie holds; undefined when absent, altered, expired or meant for another provider. */
export function ouvrirEtat(valeur: string | undefined, cle: Buffer, fournisseur: string, maintenant: Date): EtatConnexion | undefined {
  if (!valeur || valeur.length > 4000) return undefined;
  const [contenu, signe, ...reste] = valeur.split('.');
  if (!contenu || !signe || reste.length > 0) return undefined;
  const attendue = signature(contenu, cle);
  const recue = Buffer.from(signe, 'base64url');
  if (recue.length !== attendue.length || !timingSafeEqual(recue, attendue)) return undefined;
  let etat: EtatConnexion;
  try {
    etat = JSON.parse(Buffer.from(contenu, 'base64url').toString('utf8')) as EtatConnexion;
  } catch {
    return undefined;
  }
  if (etat.fournisseur !== fournisseur || !(etat.expireLe > maintenant.getTime())) return undefined;
  return etat;
}

/**
 * The internal path to return to after sign-in, or '/' for anything else: another origin,
 * a protocol-relative '//host', a backslash some browsers read as a slash, or the API itself.
 */
export function cheminDeRetour(retour: string | undefined): string {
  if (!retour || retour.length > 500 || !retour.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(retour)) return '/';
  const base = 'http://interne.invalid';
  let url: URL;
  try {
    url = new URL(retour, base);
  } catch {
    return '/';
  }
  if (url.origin !== base || url.pathname.startsWith('//') || url.pathname.startsWith('/api/')) return '/';
  return `${url.pathname}${url.search}${url.hash}`;
}
