import type { MenuProps } from '@codegouvfr/react-dsfr/MainNavigation/Menu';
import { URL_INTERETS, URL_METIERS, URL_RAPPROCHEMENT } from './urls.js';

const sous = (chemin: string, base: string) => chemin === base || chemin.startsWith(`${base}/`);
const estFiche = (c: string) => c.startsWith(`${URL_METIERS}/`) && !sous(c, URL_RAPPROCHEMENT) && !sous(c, URL_INTERETS);

// A fiche belongs to "Rechercher un métier": it is where the search leads.
const PAGES_METIERS: { text: string; href: string; active: (chemin: string) => boolean }[] = [
  { text: 'Rechercher un métier', href: URL_METIERS, active: (c) => c === URL_METIERS || estFiche(c) },
  { text: 'Rapprocher mes compétences', href: URL_RAPPROCHEMENT, active: (c) => sous(c, URL_RAPPROCHEMENT) },
  { text: 'Mes centres d’intérêt', href: URL_INTERETS, active: (c) => sous(c, URL_INTERETS) },
  { text: 'Marché du travail', href: '/marche-du-travail', active: (c) => sous(c, '/marche-du-travail') || c.startsWith('/territoires/') },
  { text: 'Voies d’accès', href: '/voies-d-acces', active: (c) => sous(c, '/voies-d-acces') },
];

/** The "Métiers" menu of the header: the occupation pages, the current one marked. */
export function liensMetiers(chemin: string): MenuProps.Link[] {
  const c = chemin.replace(/(.)\/$/, '$1');
  return PAGES_METIERS.map((p) => ({ text: p.text, linkProps: { href: p.href }, isActive: p.active(c) }));
}

export const estRubriqueMetiers = (chemin: string) => liensMetiers(chemin).some((l) => l.isActive);
