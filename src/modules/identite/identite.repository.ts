import { and, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../db/client.js';
import type { AdhesionActeur, Role } from '../../shared/acteur.js';
import { normaliserAdresse } from './identite.adresse.js';
import * as t from './identite.tables.js';

export interface SessionTrouvee {
  empreinte: string;
  utilisateurId: string;
  type: 'agent' | 'personne';
  statut: 'actif' | 'suspendu';
  methode: string;
  secondFacteur: boolean;
  totpActif: boolean;
  creeLe: Date;
  derniereActivite: Date;
  expireLe: Date;
  adhesions: AdhesionActeur[];
}

/** The session of a token's digest with its account and active memberships, in one round trip. */
export async function findSession(db: Executor, empreinte: string): Promise<SessionTrouvee | undefined> {
  const [ligne] = await rows<{
    empreinte: string;
    utilisateur_id: string;
    type: 'agent' | 'personne';
    statut: 'actif' | 'suspendu';
    methode: string;
    second_facteur: boolean;
    totp_active: boolean;
    cree_le: string | Date;
    derniere_activite: string | Date;
    expire_le: string | Date;
    adhesions: { id: string; role: Role; structure_id: string | null; territoire_code: string | null }[] | string;
  }>(
    db,
    sql`SELECT s.empreinte, s.utilisateur_id, u.type, u.statut, s.methode, s.second_facteur, u.totp_active, s.cree_le,
          s.derniere_activite, s.expire_le,
          coalesce((SELECT json_agg(json_build_object('id', a.id, 'role', a.role, 'structure_id', a.structure_id,
                      'territoire_code', a.territoire_code) ORDER BY a.cree_le)
                    FROM identite_adhesion a WHERE a.utilisateur_id = u.id AND a.statut = 'active'), '[]') AS adhesions
        FROM identite_session s JOIN identite_utilisateur u ON u.id = s.utilisateur_id
        WHERE s.empreinte = ${empreinte}`,
  );
  if (!ligne) return undefined;
  const adhesions = typeof ligne.adhesions === 'string' ? JSON.parse(ligne.adhesions) : ligne.adhesions;
  return {
    empreinte: ligne.empreinte,
    utilisateurId: ligne.utilisateur_id,
    type: ligne.type,
    statut: ligne.statut,
    methode: ligne.methode,
    secondFacteur: ligne.second_facteur,
    totpActif: ligne.totp_active,
    creeLe: new Date(ligne.cree_le),
    derniereActivite: new Date(ligne.derniere_activite),
    expireLe: new Date(ligne.expire_le),
    adhesions: (adhesions as { id: string; role: Role; structure_id: string | null; territoire_code: string | null }[]).map((a) => ({
      id: a.id,
      role: a.role,
      structureId: a.structure_id,
      territoireCode: a.territoire_code,
    })),
  };
}

export async function insertSession(db: Executor, session: typeof t.session.$inferInsert): Promise<void> {
  await db.insert(t.session).values(session);
}

export async function touchSession(db: Executor, empreinte: string, maintenant: Date): Promise<void> {
  await db.update(t.session).set({ derniereActivite: maintenant }).where(eq(t.session.empreinte, empreinte));
}

export async function deleteSession(db: Executor, empreinte: string): Promise<void> {
  await db.delete(t.session).where(eq(t.session.empreinte, empreinte));
}

export async function deleteSessionsOf(db: Executor, utilisateurId: string): Promise<number> {
  const supprimees = await db.delete(t.session).where(eq(t.session.utilisateurId, utilisateurId)).returning({ e: t.session.empreinte });
  return supprimees.length;
}

export async function findUtilisateurParEmail(db: Executor, email: string) {
  const [u] = await db
    .select()
    .from(t.utilisateur)
    .where(eq(t.utilisateur.email, normaliserAdresse(email)));
  return u;
}

export async function findUtilisateur(db: Executor, id: string) {
  const [u] = await db.select().from(t.utilisateur).where(eq(t.utilisateur.id, id));
  return u;
}

export async function updateUtilisateur(db: Executor, id: string, valeurs: Partial<typeof t.utilisateur.$inferInsert>): Promise<void> {
  await db.update(t.utilisateur).set(valeurs).where(eq(t.utilisateur.id, id));
}

/** The failures counted on an address (its digest), if any. */
export async function findTentative(db: Executor, empreinteAdresse: string) {
  const [tentative] = await db.select().from(t.tentativeConnexion).where(eq(t.tentativeConnexion.empreinteAdresse, empreinteAdresse));
  return tentative;
}

/**
 * Counts one more failed proof on an address in a single statement, and returns the new count:
 * parallel attempts each count, none reads a stale number. The row stays locked until the
 * transaction ends.
 */
export async function incrementEchecs(db: Executor, empreinteAdresse: string, maintenant: Date): Promise<number> {
  const [tentative] = await db
    .insert(t.tentativeConnexion)
    .values({ empreinteAdresse, echecs: 1, dernierEchecLe: maintenant })
    .onConflictDoUpdate({
      target: t.tentativeConnexion.empreinteAdresse,
      set: { echecs: sql`${t.tentativeConnexion.echecs} + 1`, dernierEchecLe: maintenant },
    })
    .returning({ echecs: t.tentativeConnexion.echecs });
  return tentative!.echecs;
}

export async function bloquerAdresse(db: Executor, empreinteAdresse: string, jusquAu: Date | null): Promise<void> {
  await db.update(t.tentativeConnexion).set({ bloqueJusquAu: jusquAu }).where(eq(t.tentativeConnexion.empreinteAdresse, empreinteAdresse));
}

/** Forgets the failures of an address (a success on it). */
export async function deleteTentative(db: Executor, empreinteAdresse: string): Promise<void> {
  await db.delete(t.tentativeConnexion).where(eq(t.tentativeConnexion.empreinteAdresse, empreinteAdresse));
}

/** Forgets the addresses whose last failure is older than `avant` and that are not blocked at `maintenant`. */
export async function deleteTentativesOubliees(db: Executor, avant: Date, maintenant: Date): Promise<void> {
  await db
    .delete(t.tentativeConnexion)
    .where(
      and(lt(t.tentativeConnexion.dernierEchecLe, avant), or(isNull(t.tentativeConnexion.bloqueJusquAu), lte(t.tentativeConnexion.bloqueJusquAu, maintenant))),
    );
}

export async function insertUtilisateur(db: Executor, valeurs: typeof t.utilisateur.$inferInsert): Promise<string> {
  const [u] = await db
    .insert(t.utilisateur)
    .values({ ...valeurs, email: normaliserAdresse(valeurs.email) })
    .returning({ id: t.utilisateur.id });
  return u!.id;
}

export async function insertAdhesion(db: Executor, valeurs: typeof t.adhesion.$inferInsert): Promise<string> {
  const [a] = await db.insert(t.adhesion).values(valeurs).returning({ id: t.adhesion.id });
  return a!.id;
}

export async function listAdhesionsActives(db: Executor, utilisateurId: string): Promise<AdhesionActeur[]> {
  return db
    .select({ id: t.adhesion.id, role: t.adhesion.role, structureId: t.adhesion.structureId, territoireCode: t.adhesion.territoireCode })
    .from(t.adhesion)
    .where(and(eq(t.adhesion.utilisateurId, utilisateurId), eq(t.adhesion.statut, 'active')))
    .orderBy(t.adhesion.creeLe);
}
