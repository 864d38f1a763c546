import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import type { ErreurApi } from '../../api/client.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { type InvitationPublique, accepterInvitation, lireInvitation, urlInvitation } from '../../features/equipe/api.js';
import { FormulaireAcceptation } from '../../features/equipe/FormulaireAcceptation.js';
import { avecRetour, enErreurApi } from '../../features/identite/navigation.js';
import { useSession } from '../../features/identite/SessionContexte.js';
import { Lien } from '../../routeur.js';

type Issue = 'compte_cree' | 'role_ajoute';

function Acceptee({ issue, invitation }: { issue: Issue; invitation: InvitationPublique }) {
  const titre = useRef<HTMLHeadingElement>(null);
  useEffect(() => titre.current?.focus(), []);
  return (
    <>
      <h2 className="fr-h4" tabIndex={-1} ref={titre}>
        {issue === 'compte_cree' ? 'Votre compte est créé' : 'Invitation acceptée'}
      </h2>
      <Alert
        severity="success"
        small
        description={
          issue === 'compte_cree'
            ? `Connectez-vous maintenant avec ${invitation.email} et le mot de passe choisi. Vous configurerez ensuite votre second facteur (application d’authentification sur votre téléphone).`
            : `Vous faites maintenant partie de l’équipe de « ${invitation.structure.nom} », en tant que ${invitation.libelle_role.toLowerCase()}.`
        }
      />
      <p className="fr-mt-3w">
        {issue === 'compte_cree' ? (
          <Lien className="fr-btn" href="/connexion">
            Se connecter
          </Lien>
        ) : (
          <Lien className="fr-btn" href="/">
            Aller à l’accueil
          </Lien>
        )}
      </p>
    </>
  );
}

/** The signed-in account is the one invited: one button adds the role to it. */
function AccepterConnecte({ jeton, onAcceptee }: { jeton: string; onAcceptee: () => void }) {
  const { recharger } = useSession();
  const [enCours, setEnCours] = useState(false);
  const [erreur, setErreur] = useState<ErreurApi | null>(null);
  const accepter = async () => {
    setEnCours(true);
    setErreur(null);
    try {
      await accepterInvitation(jeton, {});
      await recharger();
      onAcceptee();
    } catch (e) {
      setErreur(enErreurApi(e));
      setEnCours(false);
    }
  };
  return (
    <>
      {erreur && <AvisErreur erreur={erreur} titre="L’invitation n’a pas été acceptée" />}
      <Button type="button" disabled={enCours} onClick={() => void accepter()}>
        {enCours ? 'Acceptation…' : 'Accepter l’invitation'}
      </Button>
    </>
  );
}

function Invitation({ jeton }: { jeton: string }) {
  const { session } = useSession();
  const etat = useDonnees((signal) => lireInvitation(jeton, signal), [jeton]);
  const [issue, setIssue] = useState<Issue | null>(null);
  const introuvable = etat.statut === 'erreur' && etat.erreur.statut === 404;
  useTitrePage(introuvable ? 'Invitation introuvable' : 'Invitation');

  if (etat.statut === 'erreur') {
    return (
      <>
        <h1>{introuvable ? 'Invitation introuvable' : 'Invitation'}</h1>
        <AvisErreur erreur={etat.erreur} titre={introuvable ? 'Ce lien ne fonctionne plus' : 'L’invitation n’a pas pu être affichée'} />
      </>
    );
  }
  const invitation = etat.donnees;
  if (!invitation || !session) return <Chargement texte="Chargement de l’invitation…" />;

  const connecteIci = session.connecte && session.utilisateur.email === invitation.email;
  let suite;
  if (issue) suite = <Acceptee issue={issue} invitation={invitation} />;
  else if (connecteIci) suite = <AccepterConnecte jeton={jeton} onAcceptee={() => setIssue('role_ajoute')} />;
  else {
    suite = (
      <>
        {session.connecte ? (
          <Alert
            className="fr-mb-3w"
            severity="warning"
            small
            description={`Vous êtes connecté avec ${session.utilisateur.email}, pas avec l’adresse invitée. Pour créer le compte de ${invitation.email}, déconnectez-vous d’abord.`}
          />
        ) : (
          <p>
            Vous avez déjà un compte avec l’adresse {invitation.email} ? <Lien href={avecRetour('/connexion', urlInvitation(jeton))}>Connectez-vous</Lien>, vous
            reviendrez ici pour accepter l’invitation.
          </p>
        )}
        <FormulaireAcceptation jeton={jeton} email={invitation.email} onAcceptee={() => setIssue('compte_cree')} />
      </>
    );
  }

  return (
    <>
      <h1>Rejoindre l’équipe de « {invitation.structure.nom} »</h1>
      <p className="fr-text--lead">
        Vous êtes invité à rejoindre cette équipe en tant que <strong>{invitation.libelle_role.toLowerCase()}</strong>, avec l’adresse{' '}
        <strong>{invitation.email}</strong>.
      </p>
      {suite}
    </>
  );
}

/** The page of the link sent by e-mail: create one's account, or add the role to one's account. */
export function PageInvitation({ jeton }: { jeton: string }) {
  return (
    <div className="fr-container fr-my-6w">
      <div className="fr-grid-row fr-grid-row--center">
        <div className="fr-col-12 fr-col-md-10 fr-col-lg-8">
          <Invitation jeton={jeton} />
        </div>
      </div>
    </div>
  );
}
