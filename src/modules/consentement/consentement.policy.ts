import { type Decision, autoriser, refuser } from '../../shared/decision.js';
import { type Acteur, type Role, structuresDe } from '../identite/index.js';
import type { Destinataire, Portee } from './consentement.contract.js';

/** The roles that receive people and collect their consents. */
export const ROLES_ACCUEIL: readonly Role[] = ['advisor', 'structure_manager'];

/** An active consent, as the policies of the modules that use consents read it. */
export interface ConsentementActif {
  id: string;
  portee: Portee[];
  destinataire: { type: 'structure'; structureId: string } | { type: 'reseau' };
}

/** The role the agent holds in this structure among the reception roles, if any. */
export function roleAccueilDans(acteur: Acteur, structureId: string): Role | null {
  if (acteur.type !== 'agent') return null;
  return acteur.adhesions.find((a) => a.structureId === structureId && ROLES_ACCUEIL.includes(a.role))?.role ?? null;
}

export interface Partage {
  /** The structure the agent acts for. */
  structureId: string;
  role: Role;
  /** Union of the parts the consents share; never `donnees_sensibles`. */
  portee: Portee[];
  consentementIds: string[];
}

/**
 * What the active consents share with the agent: the first of its structures (in the order of
 * its memberships) that a consent names, and the parts all consents naming it cover. A `reseau`
 * consent names no structure and shares nothing by itself. Sensitive data never leave the
 * holding structure, whatever a consent says.
 */
export function partageAvec(acteur: Acteur, consentements: readonly ConsentementActif[]): Partage | null {
  for (const structureId of structuresDe(acteur, ROLES_ACCUEIL)) {
    const pourElle = consentements.filter((c) => c.destinataire.type === 'structure' && c.destinataire.structureId === structureId);
    const portee = [...new Set(pourElle.flatMap((c) => c.portee))].filter((p) => p !== 'donnees_sensibles');
    if (portee.length > 0) return { structureId, role: roleAccueilDans(acteur, structureId)!, portee, consentementIds: pourElle.map((c) => c.id) };
  }
  return null;
}

/**
 * Sensitive data (health, disability) may be consented to for the holding structure only: a
 * consent sharing them with another structure or with the network is refused.
 */
export function porteePermise(portee: readonly Portee[], destinataire: Destinataire, detentriceId: string): boolean {
  if (!portee.includes('donnees_sensibles')) return true;
  return destinataire.type === 'structure' && destinataire.structure_id === detentriceId;
}

/** Allowed to the structure that collected the consent (and holds the file); refused otherwise, or when there is no such consent. */
export type DecisionRevocation = Decision<{ fondement: 'detentrice'; structureId: string; role: Role }, 'inexistant' | 'hors_perimetre'>;

/**
 * Who records the withdrawal of a consent: an agent of the structure that collected it (the one
 * that holds the person's file). Anyone else gets the answer of a consent that does not exist.
 */
export function peutRevoquer(acteur: Acteur, faits: { recueilliParStructureId: string }): DecisionRevocation {
  const role = roleAccueilDans(acteur, faits.recueilliParStructureId);
  return role ? autoriser({ fondement: 'detentrice', structureId: faits.recueilliParStructureId, role }) : refuser('hors_perimetre');
}
