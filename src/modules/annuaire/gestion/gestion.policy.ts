import { type Acteur, type Role, estAdministrateur, structuresDe, territoiresDe } from '../../identite/index.js';
import type { Decision } from '../../../shared/decision.js';
import type { FONDEMENTS_GESTION } from './gestion.contract.js';

/** What the rule needs to know about a structure. Demonstration structures follow the same rule. */
export interface FaitsStructure {
  id: string;
  regionCode: string | null;
}

export type FondementGestion = (typeof FONDEMENTS_GESTION)[number];

/** `role` is the role the agent acts in, `structureId` the structure they act for (audit). */
export type DecisionGestion = Decision<{ fondement: FondementGestion; role: Role | null; structureId: string | null }, 'hors_perimetre'>;

/**
 * Who keeps a structure's record (its places, services, hours, contacts) and reads its error
 * reports: its managers, the coordinators of its region, administrators. The route has already
 * checked that one of the actor's roles holds the permission; this decides on the structure.
 */
export function peutGererStructure(acteur: Acteur, faits: FaitsStructure): DecisionGestion {
  if (acteur.type === 'systeme') return { autorise: true, fondement: 'systeme', role: null, structureId: null };
  if (structuresDe(acteur, ['structure_manager']).includes(faits.id)) {
    return { autorise: true, fondement: 'responsable', role: 'structure_manager', structureId: faits.id };
  }
  if (faits.regionCode !== null && territoiresDe(acteur, ['coordinator']).includes(faits.regionCode)) {
    return { autorise: true, fondement: 'coordination', role: 'coordinator', structureId: null };
  }
  if (estAdministrateur(acteur)) return { autorise: true, fondement: 'administration', role: 'admin', structureId: null };
  return { autorise: false, raison: 'hors_perimetre' };
}

/** The structures an actor may manage, as a filter for lists: everything, or these ids and regions. */
export type PerimetreGestion = { tout: true } | { tout: false; structureIds: string[]; regions: string[] };

export function perimetreGestion(acteur: Acteur): PerimetreGestion {
  if (acteur.type === 'systeme' || estAdministrateur(acteur)) return { tout: true };
  return { tout: false, structureIds: structuresDe(acteur, ['structure_manager']), regions: territoiresDe(acteur, ['coordinator']) };
}
