import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { SkipLinks } from '@codegouvfr/react-dsfr/SkipLinks';
import { Fragment, type ReactNode, useContext, useEffect, useRef } from 'react';
import { useLienRegles } from '../features/aiguillage/useLienRegles.js';
import { useLiensJournal } from '../features/audit/useLiensJournal.js';
import { useLiensDossiers } from '../features/dossier/useLiensDossiers.js';
import { useLienGestion } from '../features/gestion/useLienGestion.js';
import { useAccesRapides } from '../features/identite/AccesRapides.js';
import { estRubriqueMetiers, liensMetiers } from '../features/metiers/navigation.js';
import { MarqueContexte } from './marque.js';

/** The page frame: skip links, DSFR header and footer, main landmark that receives focus on page change. */
export function Gabarit({ chemin, children }: { chemin: string; children: ReactNode }) {
  const marque = useContext(MarqueContexte);
  const accesRapides = useAccesRapides();
  const lienGestion = useLienGestion(chemin);
  const liensJournal = useLiensJournal(chemin);
  const lienRegles = useLienRegles(chemin);
  const liensDossiers = useLiensDossiers(chemin);
  const principal = useRef<HTMLElement>(null);
  const cheminPrecedent = useRef(chemin);

  useEffect(() => {
    if (cheminPrecedent.current === chemin) return;
    cheminPrecedent.current = chemin;
    // A new page: start reading (and tabbing) from its content, as after a full page load.
    window.scrollTo(0, 0);
    principal.current?.focus({ preventScroll: true });
  }, [chemin]);

  const intitule = marque.intitule.split('\n').map((ligne, i) => (
    <Fragment key={i}>
      {i > 0 && <br />}
      {ligne}
    </Fragment>
  ));
  const estAnnuaire = chemin.startsWith('/annuaire') || chemin.startsWith('/services/') || chemin.startsWith('/structures/');

  return (
    <>
      <SkipLinks
        links={[
          { label: 'Contenu', anchor: '#contenu' },
          { label: 'Menu', anchor: '#en-tete-main-navigation' },
          { label: 'Pied de page', anchor: '#pied-de-page' },
        ]}
      />
      <Header
        brandTop={<>{intitule}</>}
        serviceTitle={marque.service}
        serviceTagline={marque.baseline}
        homeLinkProps={{ href: '/', title: `Accueil – ${marque.service}` }}
        quickAccessItems={accesRapides}
        navigation={[
          { text: 'Accueil', linkProps: { href: '/' }, isActive: chemin === '/' },
          { text: 'Trouver un service', linkProps: { href: '/annuaire' }, isActive: estAnnuaire },
          { text: 'Trouver mon conseiller', linkProps: { href: '/trouver-mon-conseiller' }, isActive: chemin.startsWith('/trouver-mon-conseiller') },
          { text: 'Métiers', menuLinks: liensMetiers(chemin), isActive: estRubriqueMetiers(chemin) },
          ...liensDossiers,
          ...lienGestion,
          ...liensJournal,
          ...lienRegles,
        ]}
        id="en-tete"
      />
      <main id="contenu" className="trj-principal" tabIndex={-1} ref={principal}>
        {children}
      </main>
      <Footer
        id="pied-de-page"
        accessibility="non compliant"
        accessibilityLinkProps={{ href: '/accessibilite' }}
        brandTop={<>{intitule}</>}
        homeLinkProps={{ href: '/', title: `Accueil – ${marque.service}` }}
        contentDescription={`${marque.service} : annuaire partagé du service public régional de l’orientation et du conseil en évolution professionnelle.`}
      />
    </>
  );
}
