import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { useEffect, useState } from 'react';
import { Chargement } from '../../components/Chargement.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { AlerteEchecFournisseur, BoutonsFournisseurs } from '../../features/identite/BoutonsFournisseurs.js';
import { FormulaireMotDePasse } from '../../features/identite/FormulaireMotDePasse.js';
import { FormulaireSecondFacteur } from '../../features/identite/FormulaireSecondFacteur.js';
import { avecRetour, pageDeRetour } from '../../features/identite/navigation.js';
import { useSession } from '../../features/identite/SessionContexte.js';
import { Lien, naviguer } from '../../routeur.js';

/**
 * Sign-in: identity providers when configured, or e-mail and password, then on the same page the
 * second factor when the account has one. Goes back to the page the person came from (`retour`).
 */
export function PageConnexion({ recherche }: { recherche: string }) {
  const { session, recharger } = useSession();
  const retour = pageDeRetour(recherche);
  // Set after a recovery code: how many are left, said before leaving the page.
  const [codesRestants, setCodesRestants] = useState<number | null>(null);

  // The step follows the session as the API describes it, so that a reload resumes where it was.
  const connecte = session?.connecte === true;
  const secondFacteurAttendu = connecte && session.second_facteur.configure && !session.second_facteur.valide;
  const aEnroler = connecte && session.second_facteur.requis && !session.second_facteur.configure;
  const complet = connecte && !secondFacteurAttendu && !aEnroler;
  useTitrePage(secondFacteurAttendu ? 'Connexion : second facteur' : 'Connexion');

  // Signed in (now, or already when arriving here): on to the page the person was going to, the
  // sign-in page leaving the history so that "back" does not show it again.
  useEffect(() => {
    if (codesRestants !== null) return;
    if (complet) naviguer(retour, { remplacer: true });
    else if (aEnroler) naviguer(avecRetour('/second-facteur', retour), { remplacer: true });
  }, [complet, aEnroler, codesRestants, retour]);

  const apresSecondFacteur = async (restants: number | null) => {
    if (restants !== null) setCodesRestants(restants);
    await recharger();
  };

  let contenu;
  if (!session) contenu = <Chargement texte="Vérification de votre session…" />;
  else if (codesRestants !== null) {
    contenu = (
      <>
        <Alert
          severity={codesRestants <= 3 ? 'warning' : 'success'}
          title="Vous êtes connecté avec un code de récupération"
          description={`Ce code ne servira plus. Il vous en reste ${codesRestants}. Si vous avez perdu votre téléphone, configurez dès maintenant une nouvelle application d’authentification : vous recevrez de nouveaux codes.`}
        />
        <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-3w">
          <li>
            <Lien className="fr-btn" href={avecRetour('/second-facteur', retour)}>
              Configurer une nouvelle application
            </Lien>
          </li>
          <li>
            <Lien className="fr-btn fr-btn--secondary" href={retour}>
              Continuer
            </Lien>
          </li>
        </ul>
      </>
    );
  } else if (secondFacteurAttendu) {
    contenu = <FormulaireSecondFacteur onValide={apresSecondFacteur} />;
  } else if (complet || aEnroler) {
    contenu = <Chargement texte="Vous êtes connecté : redirection…" />;
  } else {
    contenu = (
      <>
        <AlerteEchecFournisseur recherche={recherche} />
        <BoutonsFournisseurs retour={retour} />
        <FormulaireMotDePasse onConnecte={recharger} />
      </>
    );
  }

  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-8 fr-col-lg-6">
          <h1>Connexion</h1>
          {contenu}
        </div>
      </div>
    </div>
  );
}
