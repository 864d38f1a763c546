import { type Decision, autoriser } from '../../../shared/decision.js';
import { type Acteur, type Role, estAdministrateur, structuresDe, territoiresDe } from '../../../shared/acteur.js';

/** What the rules need to know about a structure (its region comes from the annuaire module). */
export interface FaitsStructure {
  id: string;
  regionCode: string | null;
}

/** The roles a structure's team is made of. */
export type RoleEquipe = Extract<Role, 'advisor' | 'structure_manager'>;

/** A membership of the team, as the rules see it. */
export interface FaitsAdhesion {
  utilisateurId: string;
  role: RoleEquipe;
  statut: 'active' | 'suspendue';
}

/**
 * Where the actor stands towards a structure's team. `role` and `structureId` are the role the
 * agent acts in and the structure they act for, for the audit trail.
 */
export type DroitEquipe = { niveau: 'gestion' | 'lecture'; role: Role; structureId: string | null };

/**
 * Who sees a structure's team and who manages it: its managers manage it, administrators manage
 * every team; its advisors and the coordinators of its region read it. null: the structure is
 * outside the actor's scope, and must answer exactly like a structure that does not exist.
 */
export function droitSurEquipe(acteur: Acteur, structure: FaitsStructure): DroitEquipe | null {
  if (acteur.type !== 'agent') return null;
  if (structuresDe(acteur, ['structure_manager']).includes(structure.id)) {
    return { niveau: 'gestion', role: 'structure_manager', structureId: structure.id };
  }
  if (estAdministrateur(acteur)) return { niveau: 'gestion', role: 'admin', structureId: null };
  if (structuresDe(acteur, ['advisor']).includes(structure.id)) return { niveau: 'lecture', role: 'advisor', structureId: structure.id };
  if (structure.regionCode !== null && territoiresDe(acteur, ['coordinator']).includes(structure.regionCode)) {
    return { niveau: 'lecture', role: 'coordinator', structureId: null };
  }
  return null;
}

export type RefusEquipe =
  /** The structure is outside the actor's scope: 404, like a missing one. */
  | 'hors_perimetre'
  /** The actor reads the team but does not manage it: 403. */
  | 'lecture_seule'
  | 'suspension_de_soi'
  | 'dernier_responsable';

/** Allowed with the right the actor holds on the team (its managers', for every change). */
export type DecisionEquipe = Decision<{ fondement: 'gestion'; droit: DroitEquipe }, RefusEquipe>;

/** Inviting agents and cancelling invitations: the team's managers only. */
export function peutGererEquipe(acteur: Acteur, structure: FaitsStructure): DecisionEquipe {
  const droit = droitSurEquipe(acteur, structure);
  if (!droit) return { autorise: false, raison: 'hors_perimetre' };
  if (droit.niveau !== 'gestion') return { autorise: false, raison: 'lecture_seule' };
  return autoriser({ fondement: 'gestion', droit });
}

/** Whether this membership is one of the structure's active managers. */
function estResponsableActif(cible: FaitsAdhesion): boolean {
  return cible.role === 'structure_manager' && cible.statut === 'active';
}

/**
 * Suspending a membership. Nobody suspends themself (a manager would lock themself out by a
 * misclick, and could hide their own actions), and the last active manager stays: a structure
 * without one has nobody left to manage its team. `responsablesActifs` counts the structure's
 * active managers whose account is active.
 */
export function peutSuspendre(acteur: Acteur, structure: FaitsStructure, cible: FaitsAdhesion, responsablesActifs: number): DecisionEquipe {
  const decision = peutGererEquipe(acteur, structure);
  if (!decision.autorise) return decision;
  if (acteur.type === 'agent' && acteur.utilisateurId === cible.utilisateurId) return { autorise: false, raison: 'suspension_de_soi' };
  if (estResponsableActif(cible) && responsablesActifs <= 1) return { autorise: false, raison: 'dernier_responsable' };
  return decision;
}

/** Giving a membership another role: the last active manager cannot be turned into an advisor. */
export function peutChangerRole(
  acteur: Acteur,
  structure: FaitsStructure,
  cible: FaitsAdhesion,
  nouveauRole: RoleEquipe,
  responsablesActifs: number,
): DecisionEquipe {
  const decision = peutGererEquipe(acteur, structure);
  if (!decision.autorise) return decision;
  if (estResponsableActif(cible) && nouveauRole !== 'structure_manager' && responsablesActifs <= 1) {
    return { autorise: false, raison: 'dernier_responsable' };
  }
  return decision;
}

/** Giving back a suspended membership its access. */
export function peutReactiver(acteur: Acteur, structure: FaitsStructure): DecisionEquipe {
  return peutGererEquipe(acteur, structure);
}

/** What the actor may do on one line of the team, for the front to show or hide its buttons. */
export function actionsSurAdhesion(
  acteur: Acteur,
  structure: FaitsStructure,
  cible: FaitsAdhesion,
  responsablesActifs: number,
): { changer_role: boolean; suspendre: boolean; reactiver: boolean } {
  const autreRole: RoleEquipe = cible.role === 'advisor' ? 'structure_manager' : 'advisor';
  return {
    changer_role: peutChangerRole(acteur, structure, cible, autreRole, responsablesActifs).autorise,
    suspendre: cible.statut === 'active' && peutSuspendre(acteur, structure, cible, responsablesActifs).autorise,
    reactiver: cible.statut === 'suspendue' && peutReactiver(acteur, structure).autorise,
  };
}

export type RefusInvitation = 'deja_acceptee' | 'annulee' | 'expiree';

/** Accepting an invitation rests on the link itself: whoever holds it, once, before it expires. */
export type DecisionInvitation = Decision<{ fondement: 'invitation' }, RefusInvitation>;

export function peutAccepterInvitation(invitation: { accepteeLe: Date | null; annuleeLe: Date | null; expireLe: Date }, maintenant: Date): DecisionInvitation {
  if (invitation.accepteeLe) return { autorise: false, raison: 'deja_acceptee' };
  if (invitation.annuleeLe) return { autorise: false, raison: 'annulee' };
  if (invitation.expireLe.getTime() <= maintenant.getTime()) return { autorise: false, raison: 'expiree' };
  return autoriser({ fondement: 'invitation' });
}
