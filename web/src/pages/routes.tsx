import type { ReactNode } from 'react';
import { PageSecondFacteur } from './connecte/PageSecondFacteur.js';
import { PageAccueil as PageAccueilConseiller } from './conseiller/PageAccueil.js';
import { PageDossier } from './conseiller/PageDossier.js';
import { PageDossiers } from './conseiller/PageDossiers.js';
import { PageComparaisonAiguillage } from './coordination/PageComparaisonAiguillage.js';
import { PageDepotAiguillage } from './coordination/PageDepotAiguillage.js';
import { PageReglesAiguillage } from './coordination/PageReglesAiguillage.js';
import { PageVersionAiguillage } from './coordination/PageVersionAiguillage.js';
import { PageMesAcces } from './personne/PageMesAcces.js';
import { PageAccueil } from './public/PageAccueil.js';
import { PageAnnuaire } from './public/PageAnnuaire.js';
import { PageBassin } from './public/PageBassin.js';
import { PageConnexion } from './public/PageConnexion.js';
import { PageFicheMetier } from './public/PageFicheMetier.js';
import { PageInterets } from './public/PageInterets.js';
import { PageInvitation } from './public/PageInvitation.js';
import { PageMarcheDuTravail } from './public/PageMarcheDuTravail.js';
import { PageMetiers } from './public/PageMetiers.js';
import { PageRapprochement } from './public/PageRapprochement.js';
import { PageService } from './public/PageService.js';
import { PageStructure } from './public/PageStructure.js';
import { PageTrouverMonConseiller } from './public/PageTrouverMonConseiller.js';
import { PageVoiesAcces } from './public/PageVoiesAcces.js';
import { PageEquipe } from './structure/PageEquipe.js';
import { PageGestionStructure } from './structure/PageGestionStructure.js';
import { PageMesStructures } from './structure/PageMesStructures.js';
import { PageAccesStructure } from './structure/PageAccesStructure.js';

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
];
