import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { type FormEvent, useState } from 'react';
import type { AgentEquipe, RoleEquipe } from './api.js';
import { ROLES_EQUIPE, nomComplet } from './libelles.js';

export interface ActionsAgents {
  enCours: boolean;
  changerRole(agent: AgentEquipe, role: RoleEquipe): void;
  suspendre(agent: AgentEquipe): void;
  reactiver(agent: AgentEquipe): void;
}

function Role({ agent, actions }: { agent: AgentEquipe; actions: ActionsAgents }) {
  const [role, setRole] = useState<RoleEquipe>(agent.role);
  if (!agent.actions.changer_role) return <>{agent.libelle_role}</>;
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    actions.changerRole(agent, role);
  };
  return (
    <form onSubmit={soumettre} className="trj-role-agent">
      <Select
        className="fr-mb-1w"
        label={<span className="fr-sr-only">Rôle de {nomComplet(agent)}</span>}
        nativeSelectProps={{ value: role, onChange: (e) => setRole(e.target.value as RoleEquipe) }}
      >
        {ROLES_EQUIPE.map((r) => (
          <option key={r.valeur} value={r.valeur}>
            {r.libelle}
          </option>
        ))}
      </Select>
      {role !== agent.role && (
        <Button type="submit" size="small" priority="secondary" disabled={actions.enCours}>
          Enregistrer le rôle<span className="fr-sr-only"> de {nomComplet(agent)}</span>
        </Button>
      )}
    </form>
  );
}

function Statut({ agent }: { agent: AgentEquipe }) {
  if (agent.statut === 'active' && !agent.compte_suspendu) {
    return (
      <Badge severity="success" small noIcon>
        Actif
      </Badge>
    );
  }
  return (
    <>
      <Badge severity="error" small noIcon>
        Suspendu
      </Badge>
      {agent.compte_suspendu && <p className="fr-text--xs fr-mb-0 fr-mt-1v">Compte suspendu : aucune connexion possible</p>}
    </>
  );
}

function Actions({ agent, actions }: { agent: AgentEquipe; actions: ActionsAgents }) {
  const nom = <span className="fr-sr-only"> {nomComplet(agent)}</span>;
  if (agent.actions.suspendre) {
    return (
      <Button type="button" size="small" priority="tertiary" iconId="fr-icon-lock-line" disabled={actions.enCours} onClick={() => actions.suspendre(agent)}>
        Suspendre{nom}
      </Button>
    );
  }
  if (agent.actions.reactiver) {
    return (
      <Button
        type="button"
        size="small"
        priority="tertiary"
        iconId="fr-icon-lock-unlock-line"
        disabled={actions.enCours}
        onClick={() => actions.reactiver(agent)}
      >
        Réactiver{nom}
      </Button>
    );
  }
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="fr-sr-only">Aucune action possible</span>
    </>
  );
}

/** The agents of the team, with the actions the API allows on each line. */
export function TableauAgents({ agents, gerer, actions, legende }: { agents: AgentEquipe[]; gerer: boolean; actions: ActionsAgents; legende: string }) {
  if (agents.length === 0) return <p className="fr-my-3w">Aucun agent dans cette équipe pour l’instant.</p>;
  return (
    <Table
      caption={legende}
      headers={['Agent', 'Adresse électronique', 'Rôle', 'Statut', ...(gerer ? ['Actions'] : [])]}
      data={agents.map((agent) => [
        <>
          {nomComplet(agent)}
          {agent.moi && <span className="fr-text--xs"> (vous)</span>}
        </>,
        agent.email,
        // Keyed by role: a role changed elsewhere resets the line's selection.
        <Role key={`${agent.adhesion_id}-${agent.role}`} agent={agent} actions={actions} />,
        <Statut key="statut" agent={agent} />,
        ...(gerer ? [<Actions key="actions" agent={agent} actions={actions} />] : []),
      ])}
    />
  );
}
