import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ReactNode } from 'react';
import { Chargement } from '../../components/Chargement.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { Lien, useEmplacement } from '../../routeur.js';
import { aLaPermission, useSession } from './SessionContexte.js';

/**
 * Shows its content to signed-in accounts that hold the permission (as the API reports it), and
 * otherwise says what to do: sign in, validate the second factor, or ask for the right role.
 */
export function AccesReserve({ permission, children }: { permission?: string; children: ReactNode }) {
  const { session } = useSession();
  const { chemin, recherche } = useEmplacement();
  const refuse = session !== undefined && (!session.connecte || (permission !== undefined && !aLaPermission(session, permission)));
  useTitrePage(refuse ? 'Accès réservé' : null);
  if (!session) return <Chargement texte="Vérification de votre session…" />;
  const retour = encodeURIComponent(chemin + recherche);
  if (!session.connecte) {
    return (
      <div className="fr-container fr-my-6w">
        <h1>Accès réservé</h1>
        <Alert severity="info" title="Connectez-vous pour accéder à cette page" description="Cette page est réservée aux agents et aux personnes connectés." />
        <p className="fr-mt-3w">
          <Lien className="fr-btn" href={`/connexion?retour=${retour}`}>
            Se connecter
          </Lien>
        </p>
      </div>
    );
  }
  if (permission !== undefined && !aLaPermission(session, permission)) {
    const secondFacteur = session.second_facteur.requis && !session.second_facteur.valide;
    return (
      <div className="fr-container fr-my-6w">
        <h1>Accès réservé</h1>
        {secondFacteur ? (
          <>
            <Alert
              severity="warning"
              title="Validez votre second facteur"
              description="Votre rôle donne accès à des données personnelles : validez d’abord le code de votre application d’authentification."
            />
            <p className="fr-mt-3w">
              <Lien className="fr-btn" href={`/connexion?retour=${retour}`}>
                Valider mon second facteur
              </Lien>
            </p>
          </>
        ) : (
          <Alert
            severity="error"
            title="Votre rôle ne permet pas d’accéder à cette page"
            description="Si vous en avez besoin, adressez-vous au responsable de votre structure."
          />
        )}
      </div>
    );
  }
  return <>{children}</>;
}
