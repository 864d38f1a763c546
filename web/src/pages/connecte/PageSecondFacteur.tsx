import { useEffect } from 'react';
import { Chargement } from '../../components/Chargement.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { AccesReserve } from '../../features/identite/AccesReserve.js';
import { EnrolementSecondFacteur } from '../../features/identite/EnrolementSecondFacteur.js';
import { avecRetour, pageDeRetour } from '../../features/identite/navigation.js';
import { useSession } from '../../features/identite/SessionContexte.js';
import { naviguer } from '../../routeur.js';

/** Second-factor enrolment, where the sign-in sends an account whose role requires one and that has none yet. */
export function PageSecondFacteur({ recherche }: { recherche: string }) {
  const { session } = useSession();
  const retour = pageDeRetour(recherche);
  useTitrePage('Second facteur d’authentification');
  // An active factor not yet proved in this session: the sign-in step comes first.
  const aProuver = session?.connecte === true && session.second_facteur.configure && !session.second_facteur.valide;
  useEffect(() => {
    if (aProuver) naviguer(avecRetour('/connexion', retour), { remplacer: true });
  }, [aProuver, retour]);

  return (
    <AccesReserve>
      <div className="fr-container fr-my-6w">
        <div className="fr-grid-row fr-grid-row--center">
          <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
            <h1>Second facteur d’authentification</h1>
            {aProuver ? <Chargement texte="Redirection vers la connexion…" /> : <EnrolementSecondFacteur retour={retour} />}
          </div>
        </div>
      </div>
    </AccesReserve>
  );
}
