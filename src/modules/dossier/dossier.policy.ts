import { type SQL, inArray, or, sql } from 'drizzle-orm';
import { type ConsentementActif, type Portee, ROLES_ACCUEIL, partageAvec, roleAccueilDans } from '../consentement/index.js';
import { type Acteur, type Role, structuresDe } from '../identite/index.js';
import { type Accord, type Decision, autoriser, refuser } from '../../shared/decision.js';
import { dossier } from './dossier.tables.js';

/** What the rules need to know of a file: who holds it and what the person consented to. */
export interface FaitsDossier {
  detentriceId: string;
  consentements: readonly ConsentementActif[];
}

/** The parts every file has; sensitive data are added for the holder under the person's consent. */
const PARTIES_DU_DOSSIER: Portee[] = ['identite', 'situation', 'orientation'];

export type RefusDossier =
  /** No such file: 404. */
  | 'inexistant'
  /** Neither held by the agent's structures nor shared with them: 404, like a missing file. */
  | 'hors_perimetre'
  /** Shared with the agent's structure, which may read it but not change it: 403. */
  | 'lecture_seule';

export type DecisionDossier = Decision<
  {
    fondement: 'detentrice' | 'consentement';
    /** The structure the agent acts for, and its role there, for the audit trail. */
    structureId: string;
    role: Role;
    /** The parts the agent may see. */
    parties: Portee[];
    /** The consents the access rests on (the holder's consent to sensitive data, or the sharing ones). */
    consentementIds: string[];
  },
  RefusDossier
>;

/**
 * Who reads a case file (CEP level 1): an advisor or manager of the structure that holds it; an
 * advisor or manager of a structure an active consent of the person names, for the parts that
 * consent covers. Coordinators, analysts and administrators never read a named person's file.
 * Sensitive data (health, disability) are read by the holder only, while the person's consent to
 * them stands.
 */
export function peutLireDossier(acteur: Acteur, faits: FaitsDossier): DecisionDossier {
  const role = roleAccueilDans(acteur, faits.detentriceId);
  if (role) {
    const sensibles = faits.consentements.filter(
      (c) => c.portee.includes('donnees_sensibles') && c.destinataire.type === 'structure' && c.destinataire.structureId === faits.detentriceId,
    );
    return autoriser({
      fondement: 'detentrice',
      structureId: faits.detentriceId,
      role,
      parties: sensibles.length > 0 ? [...PARTIES_DU_DOSSIER, 'donnees_sensibles' as const] : [...PARTIES_DU_DOSSIER],
      consentementIds: sensibles.map((c) => c.id),
    });
  }
  const partage = partageAvec(acteur, faits.consentements);
  if (!partage) return refuser('hors_perimetre');
  return autoriser({
    fondement: 'consentement',
    structureId: partage.structureId,
    role: partage.role,
    parties: partage.portee,
    consentementIds: partage.consentementIds,
  });
}

/**
 * Changing a file (the person's choice) and collecting or withdrawing its consents: the holding
 * structure only. A structure the file is shared with sees it, hence a 403 rather than a 404.
 */
export function peutModifierDossier(acteur: Acteur, faits: FaitsDossier): DecisionDossier {
  const lecture = peutLireDossier(acteur, faits);
  if (lecture.autorise && lecture.fondement === 'consentement') return refuser('lecture_seule');
  return lecture;
}

/**
 * The full routing answer quotes the person's facts (age, situation, health): it is shown to the
 * holder, and when it rests on a sensitive fact, only while the consent to sensitive data stands.
 */
export function aiguillageVisible(decision: Accord<DecisionDossier>, sensible: boolean): boolean {
  return decision.fondement === 'detentrice' && (!sensible || decision.parties.includes('donnees_sensibles'));
}

/**
 * The SQL condition of the files an agent may see in a list, the same rule as peutLireDossier:
 * held by one of its structures, or of a person whose active consent names one of them.
 * `partagesAvec` is the consent module's subquery of (region_code, personne_id).
 */
export function dossierScope(acteur: Acteur, partagesAvec: (structureIds: readonly string[]) => SQL): SQL {
  const structures = structuresDe(acteur, ROLES_ACCUEIL);
  if (structures.length === 0) return sql`false`;
  return or(inArray(dossier.detentriceId, structures), sql`(${dossier.regionCode}, ${dossier.personneId}) IN (${partagesAvec(structures)})`)!;
}
