import { ErreurApi } from '../../api/client.js';

// Pages of the sign-in itself: coming back to them after signing in would loop.
const PAGES_DE_CONNEXION = new Set(['/connexion', '/second-facteur']);

/**
 * The internal page to go to after signing in, from the `retour` parameter. Anything that would
 * leave the site (`//autre.site`, `https:`, `/\autre.site`) gives the home page: no open redirect.
 */
export function pageDeRetour(recherche: string): string {
  const retour = new URLSearchParams(recherche).get('retour');
  if (!retour?.startsWith('/')) return '/';
  try {
    const url = new URL(retour, window.location.origin);
    if (url.origin !== window.location.origin || PAGES_DE_CONNEXION.has(url.pathname.replace(/\/$/, ''))) return '/';
    return url.pathname + url.search + url.hash;
  } catch {
    return '/';
  }
}

/** `chemin?retour=…`, keeping the page to come back to across the steps of the sign-in. */
export function avecRetour(chemin: string, retour: string): string {
  return retour === '/' ? chemin : `${chemin}?retour=${encodeURIComponent(retour)}`;
}

export function enErreurApi(e: unknown): ErreurApi {
  if (e instanceof ErreurApi) return e;
  return new ErreurApi(0, 'inattendue', 'Une erreur inattendue est survenue. Rechargez la page puis réessayez.');
}

/** What the API says about one field, to show next to it. */
export function messageDuChamp(erreur: ErreurApi | null, chemin: string): string | undefined {
  return erreur?.champs.find((c) => c.chemin === chemin)?.message;
}

/** The error without its fields, for the notice above a form whose fields show their own message. */
export function sansChamps(erreur: ErreurApi): ErreurApi {
  return new ErreurApi(erreur.statut, erreur.code, erreur.message);
}
