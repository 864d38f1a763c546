import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../../db/client.js';
import { ACTEUR_ANONYME, type Acteur } from '../../shared/acteur.js';
import * as repository from './identite.repository.js';

export interface ReglagesSession {
  /** Idle time after which a session dies (ASVS: at most 30 minutes for personal data). */
  inactiviteMinutes: number;
  /** Absolute lifetime of a session, whatever the activity. */
  dureeMaxHeures: number;
}

/** 256 random bits for the cookie; the database keeps only their sha256. */
export function nouveauJeton(): { jeton: string; empreinte: string } {
  const jeton = randomBytes(32).toString('base64url');
  return { jeton, empreinte: empreinteJeton(jeton) };
}

export function empreinteJeton(jeton: string): string {
  return createHash('sha256').update(jeton).digest('hex');
}

export interface OuvertureSession {
  utilisateurId: string;
  methode: string;
  secondFacteur: boolean;
  ip: string | null;
  agentUtilisateur: string | null;
}

/** A new session (a new token at every sign-in and every step up: never reuse one). */
export async function ouvrirSession(db: Executor, ouverture: OuvertureSession, maintenant: Date, reglages: ReglagesSession): Promise<string> {
  const { jeton, empreinte } = nouveauJeton();
  await repository.insertSession(db, {
    empreinte,
    utilisateurId: ouverture.utilisateurId,
    methode: ouverture.methode,
    secondFacteur: ouverture.secondFacteur,
    creeLe: maintenant,
    derniereActivite: maintenant,
    expireLe: new Date(maintenant.getTime() + reglages.dureeMaxHeures * 3_600_000),
    ip: ouverture.ip,
    agentUtilisateur: ouverture.agentUtilisateur?.slice(0, 300) ?? null,
  });
  return jeton;
}

// Writing the last activity at every request would double the cost of reads; a minute of
// imprecision on a 30-minute idle timeout is harmless.
const PRECISION_ACTIVITE_MS = 60_000;

/** The actor of a session cookie; anonymous when the token is unknown, expired, idle or its account suspended. */
export async function resoudreSession(db: Executor, jeton: string | undefined, maintenant: Date, reglages: ReglagesSession): Promise<Acteur> {
  if (!jeton || jeton.length > 100) return ACTEUR_ANONYME;
  const empreinte = empreinteJeton(jeton);
  const session = await repository.findSession(db, empreinte);
  if (!session) return ACTEUR_ANONYME;
  const inactif = maintenant.getTime() - session.derniereActivite.getTime() > reglages.inactiviteMinutes * 60_000;
  if (inactif || maintenant >= session.expireLe || session.statut !== 'actif') {
    await repository.deleteSession(db, empreinte);
    return ACTEUR_ANONYME;
  }
  if (maintenant.getTime() - session.derniereActivite.getTime() > PRECISION_ACTIVITE_MS) {
    await repository.touchSession(db, empreinte, maintenant);
  }
  const s = { empreinte, methode: session.methode, secondFacteur: session.secondFacteur, totpActif: session.totpActif };
  return session.type === 'agent'
    ? { type: 'agent', utilisateurId: session.utilisateurId, session: s, adhesions: session.adhesions }
    : { type: 'personne', utilisateurId: session.utilisateurId, session: s };
}

export async function fermerSession(db: Executor, empreinte: string): Promise<void> {
  await repository.deleteSession(db, empreinte);
}

/** Signs the account out everywhere (sign-out everywhere, suspension, password change). */
export async function fermerToutesLesSessions(db: Executor, utilisateurId: string): Promise<number> {
  return repository.deleteSessionsOf(db, utilisateurId);
}
