import type { Decision } from '../../shared/decision.js';
import { type Acteur, estAdministrateur, structuresDe } from '../identite/index.js';

/** `role` and `structureId`: what the reader acts as, for the audit trail. */
export type DecisionAccesStructure = Decision<
  { fondement: 'responsable' | 'administration'; role: 'structure_manager' | 'admin'; structureId: string | null },
  'hors_perimetre'
>;

/**
 * Who sees the accesses to the records a structure holds: its managers and administrators. Its
 * advisors do not (they would see each other's activity); coordinators do not either.
 */
export function peutLireAccesStructure(acteur: Acteur, structureId: string): DecisionAccesStructure {
  if (structuresDe(acteur, ['structure_manager']).includes(structureId)) {
    return { autorise: true, fondement: 'responsable', role: 'structure_manager', structureId };
  }
  if (estAdministrateur(acteur)) return { autorise: true, fondement: 'administration', role: 'admin', structureId: null };
  return { autorise: false, raison: 'hors_perimetre' };
}

/** A person sees who accessed their own data, and only theirs: the account is the person. */
export function personneDesAcces(acteur: Acteur): string | null {
  return acteur.type === 'personne' ? acteur.utilisateurId : null;
}
