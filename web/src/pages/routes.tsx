import { type ComponentType, lazy, type ReactNode } from 'react';

/**
 * Each page is its own chunk, fetched when its address is first visited: a person opening the
 * directory on a phone downloads the directory, not the coordination pages or the map library.
 */
function pageDiffere<P extends object>(charger: () => Promise<ComponentType<P>>) {
  return lazy(async () => ({ default: await charger() }));
}

const PageSecondFacteur = pageDiffere(() => import('./connecte/PageSecondFacteur.js').then((m) => m.PageSecondFacteur));
const PageAccueilConseiller = pageDiffere(() => import('./conseiller/PageAccueil.js').then((m) => m.PageAccueil));
const PageDossier = pageDiffere(() => import('./conseiller/PageDossier.js').then((m) => m.PageDossier));
const PageDossiers = pageDiffere(() => import('./conseiller/PageDossiers.js').then((m) => m.PageDossiers));
const PageComparaisonAiguillage = pageDiffere(() => import('./coordination/PageComparaisonAiguillage.js').then((m) => m.PageComparaisonAiguillage));
const PageDepotAiguillage = pageDiffere(() => import('./coordination/PageDepotAiguillage.js').then((m) => m.PageDepotAiguillage));
const PageReglesAiguillage = pageDiffere(() => import('./coordination/PageReglesAiguillage.js').then((m) => m.PageReglesAiguillage));
const PageVersionAiguillage = pageDiffere(() => import('./coordination/PageVersionAiguillage.js').then((m) => m.PageVersionAiguillage));
const PageMesAcces = pageDiffere(() => import('./personne/PageMesAcces.js').then((m) => m.PageMesAcces));
const PageAccessibilite = pageDiffere(() => import('./public/PageAccessibilite.js').then((m) => m.PageAccessibilite));
const PageAccueil = pageDiffere(() => import('./public/PageAccueil.js').then((m) => m.PageAccueil));
const PageAnnuaire = pageDiffere(() => import('./public/PageAnnuaire.js').then((m) => m.PageAnnuaire));
const PageBassin = pageDiffere(() => import('./public/PageBassin.js').then((m) => m.PageBassin));
const PageConnexion = pageDiffere(() => import('./public/PageConnexion.js').then((m) => m.PageConnexion));
const PageFicheMetier = pageDiffere(() => import('./public/PageFicheMetier.js').then((m) => m.PageFicheMetier));
const PageInterets = pageDiffere(() => import('./public/PageInterets.js').then((m) => m.PageInterets));
const PageInvitation = pageDiffere(() => import('./public/PageInvitation.js').then((m) => m.PageInvitation));
const PageMarcheDuTravail = pageDiffere(() => import('./public/PageMarcheDuTravail.js').then((m) => m.PageMarcheDuTravail));
const PageMetiers = pageDiffere(() => import('./public/PageMetiers.js').then((m) => m.PageMetiers));
const PageRapprochement = pageDiffere(() => import('./public/PageRapprochement.js').then((m) => m.PageRapprochement));
const PageService = pageDiffere(() => import('./public/PageService.js').then((m) => m.PageService));
const PageStructure = pageDiffere(() => import('./public/PageStructure.js').then((m) => m.PageStructure));
const PageTrouverMonConseiller = pageDiffere(() => import('./public/PageTrouverMonConseiller.js').then((m) => m.PageTrouverMonConseiller));
const PageVoiesAcces = pageDiffere(() => import('./public/PageVoiesAcces.js').then((m) => m.PageVoiesAcces));
const PageEquipe = pageDiffere(() => import('./structure/PageEquipe.js').then((m) => m.PageEquipe));
const PageGestionStructure = pageDiffere(() => import('./structure/PageGestionStructure.js').then((m) => m.PageGestionStructure));
const PageMesStructures = pageDiffere(() => import('./structure/PageMesStructures.js').then((m) => m.PageMesStructures));
const PageAccesStructure = pageDiffere(() => import('./structure/PageAccesStructure.js').then((m) => m.PageAccesStructure));

export interface RoutePage {
  /** The path pattern; capture groups are handed to `page` decoded. */
  motif: RegExp;
  page(parametres: string[], recherche: string): ReactNode;
}

/** Every page of the site: one line each. The first matching pattern wins. */
export const routes: RoutePage[] = [
  { motif: /^\/(index\.html)?$/, page: () => <PageAccueil /> },
  { motif: /^\/annuaire\/?$/, page: (_, recherche) => <PageAnnuaire recherche={recherche} /> },
  { motif: /^\/services\/([^/]+)\/?$/, page: ([id]) => <PageService key={id} id={id!} /> },
  { motif: /^\/structures\/([^/]+)\/?$/, page: ([id]) => <PageStructure key={id} id={id!} /> },
  { motif: /^\/structures\/([^/]+)\/equipe\/?$/, page: ([id]) => <PageEquipe key={id} id={id!} /> },
  { motif: /^\/invitation\/([^/]+)\/?$/, page: ([jeton]) => <PageInvitation key={jeton} jeton={jeton!} /> },
  { motif: /^\/gestion\/structures\/?$/, page: (_, recherche) => <PageMesStructures recherche={recherche} /> },
  { motif: /^\/gestion\/structures\/([^/]+)\/?$/, page: ([id], recherche) => <PageGestionStructure key={id} id={id!} recherche={recherche} /> },
  { motif: /^\/trouver-mon-conseiller\/?$/, page: () => <PageTrouverMonConseiller /> },
  { motif: /^\/marche-du-travail\/?$/, page: (_, recherche) => <PageMarcheDuTravail recherche={recherche} /> },
  { motif: /^\/territoires\/bassins\/([^/]+)\/?$/, page: ([code]) => <PageBassin key={code} code={code!} /> },
  { motif: /^\/metiers\/?$/, page: (_, recherche) => <PageMetiers recherche={recherche} /> },
  { motif: /^\/metiers\/rapprochement\/?$/, page: (_, recherche) => <PageRapprochement recherche={recherche} /> },
  { motif: /^\/metiers\/interets\/?$/, page: () => <PageInterets /> },
  { motif: /^\/metiers\/([^/]+)\/?$/, page: ([code]) => <PageFicheMetier key={code} code={code!} /> },
  { motif: /^\/voies-d-acces\/?$/, page: (_, recherche) => <PageVoiesAcces recherche={recherche} /> },
  { motif: /^\/coordination\/aiguillage\/?$/, page: (_, recherche) => <PageReglesAiguillage recherche={recherche} /> },
  { motif: /^\/coordination\/aiguillage\/versions\/([^/]+)\/?$/, page: ([id]) => <PageVersionAiguillage key={id} id={id!} /> },
  { motif: /^\/coordination\/aiguillage\/nouvelle-version\/?$/, page: (_, recherche) => <PageDepotAiguillage key={recherche} recherche={recherche} /> },
  { motif: /^\/coordination\/aiguillage\/comparaison\/?$/, page: (_, recherche) => <PageComparaisonAiguillage recherche={recherche} /> },
  { motif: /^\/accueil\/?$/, page: () => <PageAccueilConseiller /> },
  { motif: /^\/dossiers\/?$/, page: (_, recherche) => <PageDossiers recherche={recherche} /> },
  { motif: /^\/dossiers\/([^/]+)\/?$/, page: ([id]) => <PageDossier key={id} id={id!} /> },
  { motif: /^\/connexion\/?$/, page: (_, recherche) => <PageConnexion recherche={recherche} /> },
  { motif: /^\/second-facteur\/?$/, page: (_, recherche) => <PageSecondFacteur recherche={recherche} /> },
  { motif: /^\/journal-des-acces\/([^/]+)\/?$/, page: ([id], recherche) => <PageAccesStructure key={id} id={id!} recherche={recherche} /> },
  { motif: /^\/mes-acces\/?$/, page: (_, recherche) => <PageMesAcces recherche={recherche} /> },
  { motif: /^\/accessibilite\/?$/, page: () => <PageAccessibilite /> },
];
