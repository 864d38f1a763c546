import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { useEffect, useRef, useState } from 'react';
import type { ErreurApi } from '../../api/client.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import type { AgentEquipe, EquipeReponse, InvitationEquipe, RoleEquipe } from '../../features/equipe/api.js';
import * as api from '../../features/equipe/api.js';
import { Confirmation, type DemandeConfirmation } from '../../features/equipe/Confirmation.js';
import { FormulaireInvitation } from '../../features/equipe/FormulaireInvitation.js';
import { dateHeure, nomComplet } from '../../features/equipe/libelles.js';
import { ListeInvitations } from '../../features/equipe/ListeInvitations.js';
import { TableauAgents } from '../../features/equipe/TableauAgents.js';
import { AccesReserve } from '../../features/identite/AccesReserve.js';
import { enErreurApi } from '../../features/identite/navigation.js';
import { useSession } from '../../features/identite/SessionContexte.js';

type Retour = { succes: string } | { erreur: ErreurApi };

function Equipe({ id }: { id: string }) {
  const { recharger: rechargerSession } = useSession();
  const [version, setVersion] = useState(0);
  const etat = useDonnees((signal) => api.lireEquipe(id, signal), [id, version]);
  // The team as the last change returned it, until the next reading.
  const [modifiee, setModifiee] = useState<EquipeReponse | null>(null);
  const [retour, setRetour] = useState<Retour | null>(null);
  const [demande, setDemande] = useState<DemandeConfirmation | null>(null);
  const [enCours, setEnCours] = useState(false);
  const zoneRetour = useRef<HTMLDivElement>(null);

  const equipe = modifiee ?? etat.donnees;
  const introuvable = etat.statut === 'erreur' && etat.erreur.statut === 404;
  useTitrePage(introuvable ? 'Équipe introuvable' : equipe ? `Équipe : ${equipe.structure.nom}` : 'Équipe');

  // The outcome of an action takes the focus: it is where the page changed.
  useEffect(() => {
    if (retour) zoneRetour.current?.focus();
  }, [retour]);

  const recharger = () => {
    setModifiee(null);
    setVersion((v) => v + 1);
  };

  const agir = async (action: () => Promise<EquipeReponse | void>, succes: string, options: { moi?: boolean } = {}) => {
    setEnCours(true);
    try {
      const reponse = await action();
      if (reponse) setModifiee(reponse);
      else recharger();
      // A change to one's own membership changes one's rights: the session says which.
      if (options.moi) await rechargerSession();
      setRetour({ succes });
    } catch (e) {
      setRetour({ erreur: enErreurApi(e) });
    } finally {
      setEnCours(false);
      setDemande(null);
    }
  };

  if (!equipe) {
    if (etat.statut === 'erreur') {
      return (
        <div className="fr-container fr-my-6w">
          <h1>{introuvable ? 'Équipe introuvable' : 'Équipe'}</h1>
          <AvisErreur erreur={etat.erreur} titre="L’équipe n’a pas pu être affichée" />
        </div>
      );
    }
    return (
      <div className="fr-container fr-my-6w">
        <Chargement texte="Chargement de l’équipe…" />
      </div>
    );
  }

  const { structure, gerer } = equipe;
  const demanderSuspension = (agent: AgentEquipe) =>
    setDemande({
      titre: `Suspendre l’accès de ${nomComplet(agent)} ?`,
      description:
        `${nomComplet(agent)} n’aura plus accès à « ${structure.nom} ». Si c’était son dernier accès, son compte est suspendu ` +
        'et toutes ses sessions sont fermées immédiatement. Vous pourrez le réactiver.',
      libelleConfirmer: 'Suspendre l’accès',
      confirmer: () => agir(() => api.suspendre(id, agent.adhesion_id), `L’accès de ${nomComplet(agent)} est suspendu.`),
    });
  const demanderReactivation = (agent: AgentEquipe) =>
    setDemande({
      titre: `Réactiver l’accès de ${nomComplet(agent)} ?`,
      description: `${nomComplet(agent)} retrouve son accès à « ${structure.nom} », et son compte s’il avait été suspendu avec lui.`,
      libelleConfirmer: 'Réactiver l’accès',
      confirmer: () => agir(() => api.reactiver(id, agent.adhesion_id), `L’accès de ${nomComplet(agent)} est réactivé.`),
    });
  const demanderAnnulation = (invitation: InvitationEquipe) =>
    setDemande({
      titre: `Annuler l’invitation de ${invitation.email} ?`,
      description: 'Le lien envoyé ne fonctionnera plus. Vous pourrez inviter cette adresse de nouveau.',
      libelleConfirmer: 'Annuler l’invitation',
      confirmer: () => agir(() => api.annulerInvitation(id, invitation.id), `L’invitation de ${invitation.email} est annulée.`),
    });
  const renvoyer = (invitation: InvitationEquipe) =>
    void agir(async () => {
      await api.inviter(id, { email: invitation.email, role: invitation.role });
    }, `Invitation renvoyée à ${invitation.email} : le lien précédent ne fonctionne plus.`);
  const changerRole = (agent: AgentEquipe, role: RoleEquipe) =>
    void agir(() => api.changerRole(id, agent.adhesion_id, role), `Le rôle de ${nomComplet(agent)} est modifié.`, { moi: agent.moi });

  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb
        currentPageLabel="Équipe"
        homeLinkProps={{ href: '/' }}
        segments={[{ label: structure.nom, linkProps: { href: `/structures/${encodeURIComponent(structure.id)}` } }]}
      />
      <h1>Équipe : {structure.nom}</h1>
      <p>
        {gerer
          ? 'Les agents de la structure, leur rôle et leur accès. Chaque invitation, changement de rôle et suspension est enregistré dans le journal d’audit.'
          : 'Les agents de la structure et leur rôle. Seuls les responsables de la structure peuvent modifier l’équipe.'}
      </p>

      <div ref={zoneRetour} tabIndex={-1}>
        {retour && 'succes' in retour && <Alert className="fr-my-2w" severity="success" small description={retour.succes} role="status" />}
        {retour && 'erreur' in retour && <AvisErreur erreur={retour.erreur} titre="L’action n’a pas abouti" />}
      </div>
      {etat.statut === 'erreur' && <AvisErreur erreur={etat.erreur} titre="L’équipe n’a pas pu être rechargée" />}
      {demande && <Confirmation demande={demande} enCours={enCours} onFermer={() => setDemande(null)} />}

      <h2>Agents</h2>
      <TableauAgents
        legende={`Agents de ${structure.nom}`}
        agents={equipe.agents}
        gerer={gerer}
        actions={{ enCours, changerRole, suspendre: demanderSuspension, reactiver: demanderReactivation }}
      />

      <h2>Invitations en attente</h2>
      <ListeInvitations invitations={equipe.invitations} gerer={gerer} actions={{ enCours, renvoyer, annuler: demanderAnnulation }} />

      {gerer && (
        <FormulaireInvitation
          structureId={id}
          onEnvoyee={({ invitation, renouvelee }) => {
            recharger();
            setRetour({
              succes: `${renouvelee ? 'Invitation renouvelée' : 'Invitation envoyée'} à ${invitation.email}, valable jusqu’au ${dateHeure(invitation.expire_le)}.`,
            });
          }}
        />
      )}
    </div>
  );
}

/** A structure's team: its managers manage it, its advisors and the coordinators of its region read it. */
export function PageEquipe({ id }: { id: string }) {
  return (
    <AccesReserve permission="identite.equipe.lire">
      <Equipe id={id} />
    </AccesReserve>
  );
}
