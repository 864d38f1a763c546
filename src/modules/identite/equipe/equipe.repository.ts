import { and, asc, count, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { Executor } from '../../../db/client.js';
import * as t from '../identite.tables.js';
import type { RoleEquipe } from './equipe.policy.js';

const ROLES_EQUIPE: RoleEquipe[] = ['advisor', 'structure_manager'];

export interface MembreRow {
  adhesionId: string;
  utilisateurId: string;
  prenom: string;
  nom: string;
  email: string;
  role: RoleEquipe;
  statut: 'active' | 'suspendue';
  compteStatut: 'actif' | 'suspendu';
}

const colonnesMembre = {
  adhesionId: t.adhesion.id,
  utilisateurId: t.adhesion.utilisateurId,
  prenom: t.utilisateur.prenom,
  nom: t.utilisateur.nom,
  email: t.utilisateur.email,
  role: t.adhesion.role,
  statut: t.adhesion.statut,
  compteStatut: t.utilisateur.statut,
};

/** The team of a structure: its advisor and manager memberships, suspended ones included. */
export async function listMembres(db: Executor, structureId: string): Promise<MembreRow[]> {
  const lignes = await db
    .select(colonnesMembre)
    .from(t.adhesion)
    .innerJoin(t.utilisateur, eq(t.utilisateur.id, t.adhesion.utilisateurId))
    .where(and(eq(t.adhesion.structureId, structureId), inArray(t.adhesion.role, ROLES_EQUIPE)))
    .orderBy(asc(t.utilisateur.nom), asc(t.utilisateur.prenom), asc(t.adhesion.role));
  return lignes as MembreRow[];
}

/** One membership of the structure's team, locked until the end of the transaction. */
export async function findMembrePourMaj(db: Executor, structureId: string, adhesionId: string): Promise<MembreRow | undefined> {
  const [ligne] = await db
    .select(colonnesMembre)
    .from(t.adhesion)
    .innerJoin(t.utilisateur, eq(t.utilisateur.id, t.adhesion.utilisateurId))
    .where(and(eq(t.adhesion.id, adhesionId), eq(t.adhesion.structureId, structureId), inArray(t.adhesion.role, ROLES_EQUIPE)))
    .for('update', { of: t.adhesion });
  return ligne as MembreRow | undefined;
}

/**
 * Locks the structure's active manager memberships (active accounts) and counts them. Two
 * managers demoting or suspending each other at once are thus run one after the other: the
 * second sees the first's change and cannot remove the last manager.
 */
export async function lockResponsablesActifs(db: Executor, structureId: string): Promise<number> {
  const lignes = await db
    .select({ id: t.adhesion.id })
    .from(t.adhesion)
    .innerJoin(t.utilisateur, eq(t.utilisateur.id, t.adhesion.utilisateurId))
    .where(
      and(
        eq(t.adhesion.structureId, structureId),
        eq(t.adhesion.role, 'structure_manager'),
        eq(t.adhesion.statut, 'active'),
        eq(t.utilisateur.statut, 'actif'),
      ),
    )
    .orderBy(t.adhesion.id)
    .for('update', { of: t.adhesion });
  return lignes.length;
}

/** Whether the account already holds a membership in the structure, whatever its role or status. */
export async function existeAdhesionDansStructure(db: Executor, utilisateurId: string, structureId: string): Promise<boolean> {
  const [ligne] = await db
    .select({ id: t.adhesion.id })
    .from(t.adhesion)
    .where(and(eq(t.adhesion.utilisateurId, utilisateurId), eq(t.adhesion.structureId, structureId)))
    .limit(1);
  return ligne !== undefined;
}

/** Whether the account holds the role in the structure on a membership other than this one. */
export async function existeAutreAdhesion(
  db: Executor,
  cible: { adhesionId: string; utilisateurId: string; structureId: string; role: RoleEquipe },
): Promise<boolean> {
  const lignes = await db
    .select({ id: t.adhesion.id })
    .from(t.adhesion)
    .where(and(eq(t.adhesion.utilisateurId, cible.utilisateurId), eq(t.adhesion.structureId, cible.structureId), eq(t.adhesion.role, cible.role)));
  return lignes.some((l) => l.id !== cible.adhesionId);
}

export async function updateAdhesion(
  db: Executor,
  adhesionId: string,
  valeurs: Partial<Pick<typeof t.adhesion.$inferInsert, 'role' | 'statut' | 'modifieLe'>>,
): Promise<void> {
  await db.update(t.adhesion).set(valeurs).where(eq(t.adhesion.id, adhesionId));
}

export async function countAdhesionsActives(db: Executor, utilisateurId: string): Promise<number> {
  const [ligne] = await db
    .select({ n: count() })
    .from(t.adhesion)
    .where(and(eq(t.adhesion.utilisateurId, utilisateurId), eq(t.adhesion.statut, 'active')));
  return ligne?.n ?? 0;
}

export interface InvitationRow {
  id: string;
  email: string;
  role: RoleEquipe;
  structureId: string;
  creeLe: Date;
  expireLe: Date;
}

const colonnesInvitation = {
  id: t.invitation.id,
  email: t.invitation.email,
  role: t.invitation.role,
  structureId: t.invitation.structureId,
  creeLe: t.invitation.creeLe,
  expireLe: t.invitation.expireLe,
};

const enAttente = and(isNull(t.invitation.accepteeLe), isNull(t.invitation.annuleeLe));

/** Invitations neither accepted nor cancelled, expired ones included, most recent first. */
export async function listInvitationsEnAttente(db: Executor, structureId: string): Promise<InvitationRow[]> {
  return db
    .select(colonnesInvitation)
    .from(t.invitation)
    .where(and(eq(t.invitation.structureId, structureId), enAttente))
    .orderBy(desc(t.invitation.creeLe));
}

/** The invitation still pending for this address in this structure, if any (expired or not), locked. */
export async function findInvitationEnAttente(db: Executor, structureId: string, email: string): Promise<InvitationRow | undefined> {
  const [ligne] = await db
    .select(colonnesInvitation)
    .from(t.invitation)
    .where(and(eq(t.invitation.structureId, structureId), eq(t.invitation.email, email), enAttente))
    .orderBy(desc(t.invitation.creeLe))
    .limit(1)
    .for('update');
  return ligne;
}

export async function insertInvitation(db: Executor, valeurs: typeof t.invitation.$inferInsert): Promise<void> {
  await db.insert(t.invitation).values(valeurs);
}

/** A new link for a pending invitation: the previous token stops working. */
export async function renouvelerInvitation(
  db: Executor,
  id: string,
  valeurs: Pick<typeof t.invitation.$inferInsert, 'empreinteJeton' | 'role' | 'invitePar' | 'creeLe' | 'expireLe'>,
): Promise<void> {
  await db.update(t.invitation).set(valeurs).where(eq(t.invitation.id, id));
}

/** Cancels a pending invitation of the structure; undefined when there is none of this id. */
export async function annulerInvitation(db: Executor, structureId: string, id: string, maintenant: Date): Promise<InvitationRow | undefined> {
  const [ligne] = await db
    .update(t.invitation)
    .set({ annuleeLe: maintenant })
    .where(and(eq(t.invitation.id, id), eq(t.invitation.structureId, structureId), enAttente))
    .returning(colonnesInvitation);
  return ligne;
}

/** The invitation of this token's digest, if it can still be accepted. */
export async function findInvitationValide(db: Executor, empreinteJeton: string, maintenant: Date): Promise<InvitationRow | undefined> {
  const [ligne] = await db
    .select(colonnesInvitation)
    .from(t.invitation)
    .where(and(eq(t.invitation.empreinteJeton, empreinteJeton), enAttente, gt(t.invitation.expireLe, maintenant)));
  return ligne;
}

/** What decides whether an invitation can be accepted: its state, whatever it is. */
export interface InvitationEtat extends InvitationRow {
  accepteeLe: Date | null;
  annuleeLe: Date | null;
}

/**
 * The invitation of this token's digest, accepted, cancelled or expired alike; locked for an
 * acceptance: of two at the same time, the second waits, then finds it accepted.
 */
export async function findInvitationParJeton(db: Executor, empreinteJeton: string, options: { verrouiller: boolean }): Promise<InvitationEtat | undefined> {
  const requete = db
    .select({ ...colonnesInvitation, accepteeLe: t.invitation.accepteeLe, annuleeLe: t.invitation.annuleeLe })
    .from(t.invitation)
    .where(eq(t.invitation.empreinteJeton, empreinteJeton));
  const [ligne] = options.verrouiller ? await requete.for('update') : await requete;
  return ligne;
}

export async function marquerAcceptee(db: Executor, id: string, maintenant: Date): Promise<void> {
  await db.update(t.invitation).set({ accepteeLe: maintenant }).where(eq(t.invitation.id, id));
}
