import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { InvitationEquipe } from './api.js';
import { dateHeure } from './libelles.js';

export interface ActionsInvitations {
  enCours: boolean;
  renvoyer(invitation: InvitationEquipe): void;
  annuler(invitation: InvitationEquipe): void;
}

/** Invitations neither accepted nor cancelled: when each expires, and what the manager may do with it. */
export function ListeInvitations({ invitations, gerer, actions }: { invitations: InvitationEquipe[]; gerer: boolean; actions: ActionsInvitations }) {
  if (invitations.length === 0) return <p className="fr-mb-4w">Aucune invitation en attente.</p>;
  return (
    <Table
      caption="Invitations en attente"
      noCaption
      headers={['Adresse invitée', 'Rôle', 'Envoyée le', 'Validité', ...(gerer ? ['Actions'] : [])]}
      data={invitations.map((invitation) => [
        invitation.email,
        invitation.libelle_role,
        <time key="envoi" dateTime={invitation.envoyee_le}>
          {dateHeure(invitation.envoyee_le)}
        </time>,
        invitation.expiree ? (
          <Badge key="validite" severity="warning" small noIcon>
            Expirée
          </Badge>
        ) : (
          <span key="validite">
            Jusqu’au <time dateTime={invitation.expire_le}>{dateHeure(invitation.expire_le)}</time>
          </span>
        ),
        ...(gerer
          ? [
              <ul key="actions" className="fr-btns-group fr-btns-group--sm fr-btns-group--inline-lg">
                <li>
                  <Button type="button" size="small" priority="secondary" disabled={actions.enCours} onClick={() => actions.renvoyer(invitation)}>
                    Renvoyer<span className="fr-sr-only"> l’invitation à {invitation.email}</span>
                  </Button>
                </li>
                <li>
                  <Button type="button" size="small" priority="tertiary" disabled={actions.enCours} onClick={() => actions.annuler(invitation)}>
                    Annuler<span className="fr-sr-only"> l’invitation à {invitation.email}</span>
                  </Button>
                </li>
              </ul>,
            ]
          : []),
      ])}
    />
  );
}
