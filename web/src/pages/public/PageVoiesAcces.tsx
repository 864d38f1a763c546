import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useTitrePage } from '../../components/useTitrePage.js';
import { VoiesAcces } from '../../features/voies/VoiesAcces.js';

/**
 * The routes to an occupation, on their own page; `?metier=M1805` aims them at an occupation (the
 * API checks the code and says what is wrong with it).
 */
export function PageVoiesAcces({ recherche }: { recherche: string }) {
  useTitrePage('Voies d’accès à un métier');
  const metier = new URLSearchParams(recherche).get('metier');
  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb currentPageLabel="Voies d’accès à un métier" homeLinkProps={{ href: '/' }} segments={[]} />
      <h1>Voies d’accès à un métier</h1>
      <p className="fr-text--lead">
        Se former, faire valider son expérience, faire un bilan de compétences, découvrir le métier en immersion ou créer son entreprise : ce que chaque voie
        demande, et les services près de chez vous qui vous y accompagnent.
      </p>
      <VoiesAcces {...(metier ? { codeRome: metier } : {})} />
    </div>
  );
}
