import type { Decision } from '../../shared/decision.js';
import { type Acteur, type Role, estAdministrateur, territoiresDe } from '../identite/index.js';

/** What the rule needs to know about a rule set: its perimeter (null for the national default). */
export interface FaitsRegles {
  regionCode: string | null;
}

export type FondementRegles = 'coordination' | 'administration' | 'reference_nationale' | 'systeme';

/** `role`: the role the agent acts in, for the audit trail. */
export type DecisionRegles = Decision<{ fondement: FondementRegles; role: Role | null }, 'hors_perimetre'>;

const refus: DecisionRegles = { autorise: false, raison: 'hors_perimetre' };

/**
 * Who may write a rule set (upload a version, publish it): the coordinators of its region, and
 * administrators, who alone may change the national default. The route has already checked the
 * permission 'aiguillage.regles.gerer'; this decides on the perimeter.
 */
export function peutGererRegles(acteur: Acteur, faits: FaitsRegles): DecisionRegles {
  if (acteur.type === 'systeme') return { autorise: true, fondement: 'systeme', role: null };
  if (faits.regionCode !== null && territoiresDe(acteur, ['coordinator']).includes(faits.regionCode)) {
    return { autorise: true, fondement: 'coordination', role: 'coordinator' };
  }
  if (estAdministrateur(acteur)) return { autorise: true, fondement: 'administration', role: 'admin' };
  return refus;
}

/**
 * Who may read a rule set (view it, run it on the test profiles, compare it): those who may
 * write it, and every coordinator for the national default, which each Region starts from and
 * compares its own versions with.
 */
export function peutLireRegles(acteur: Acteur, faits: FaitsRegles): DecisionRegles {
  const gestion = peutGererRegles(acteur, faits);
  if (gestion.autorise || faits.regionCode !== null) return gestion;
  return territoiresDe(acteur, ['coordinator']).length > 0 ? { autorise: true, fondement: 'reference_nationale', role: 'coordinator' } : refus;
}
