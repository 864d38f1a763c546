/** Addresses of the occupation pages, shared by the pages that link to one another. */

export const URL_METIERS = '/metiers';
export const URL_RAPPROCHEMENT = '/metiers/rapprochement';
export const URL_INTERETS = '/metiers/interets';

export const urlFiche = (code: string) => `${URL_METIERS}/${encodeURIComponent(code)}`;

export function urlRecherche(q: string, page = 1): string {
  const p = new URLSearchParams();
  if (q.trim()) p.set('q', q.trim());
  if (page > 1) p.set('page', String(page));
  const texte = p.toString();
  return texte ? `${URL_METIERS}?${texte}` : URL_METIERS;
}

/** The matching page starting from an occupation, for the fiche's "Comparer avec mes compétences" link. */
export const urlRapprochementDepuis = (code: string) => `${URL_RAPPROCHEMENT}?depuis=${encodeURIComponent(code)}`;

export function lireRecherche(recherche: string): { q: string; page: number } {
  const p = new URLSearchParams(recherche);
  const page = Number(p.get('page'));
  return { q: p.get('q')?.trim() ?? '', page: Number.isInteger(page) && page >= 1 ? page : 1 };
}
