import type { Transaction } from '../../db/client.js';
import { recordAudit } from '../audit/index.js';
import type { Acteur } from '../../shared/acteur.js';
import * as repository from './identite.repository.js';
import { fermerToutesLesSessions } from './identite.session.js';

export const ACTION_SUSPENSION = 'identite.compte.suspendre';

export interface TraceSuspension {
  /** Who suspends: a manager, or the platform itself (asSystem) for an automatic suspension. */
  par: Acteur;
  horodatage: Date;
  ip: string | null;
  details?: Record<string, unknown>;
}

/**
 * Suspends an account and closes all its sessions, in the caller's transaction, and records the
 * suspension in the audit trail. A suspended account can neither sign in nor use a session it
 * already had (resoudreSession). `suspendu` is false when the account was not active (unknown or
 * already suspended): nothing changed, nothing is recorded.
 */
export async function suspendreCompte(
  db: Transaction,
  utilisateurId: string,
  motif: string,
  trace: TraceSuspension,
): Promise<{ suspendu: boolean; sessionsFermees: number }> {
  const compte = await repository.findUtilisateur(db, utilisateurId);
  if (compte?.statut !== 'actif') return { suspendu: false, sessionsFermees: 0 };
  await repository.updateUtilisateur(db, utilisateurId, { statut: 'suspendu', modifieLe: trace.horodatage });
  const sessionsFermees = await fermerToutesLesSessions(db, utilisateurId);
  const { par } = trace;
  await recordAudit(
    db,
    {
      action: ACTION_SUSPENSION,
      resultat: 'succes',
      acteurUtilisateurId: par.type === 'agent' || par.type === 'personne' ? par.utilisateurId : null,
      acteurRole: par.type === 'systeme' ? 'systeme' : null,
      cibleType: 'utilisateur',
      cibleId: utilisateurId,
      ip: trace.ip,
      raison: motif,
      details: { ...trace.details, sessions_fermees: sessionsFermees, ...(par.type === 'systeme' ? { motif_systeme: par.motif } : {}) },
    },
    trace.horodatage,
  );
  return { suspendu: true, sessionsFermees };
}
