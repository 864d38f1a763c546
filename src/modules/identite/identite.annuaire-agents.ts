import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import * as t from './identite.tables.js';

/** What other modules may show of an account: who it is and the structures it works for. */
export interface FicheUtilisateur {
  id: string;
  type: 'agent' | 'personne';
  prenom: string;
  nom: string;
  email: string;
  /** Structures of its active memberships (advisor, structure_manager), oldest first. */
  structureIds: string[];
}

/** The accounts of these ids, by id; unknown ids are absent. */
export async function decrireUtilisateurs(db: Executor, ids: readonly string[]): Promise<Map<string, FicheUtilisateur>> {
  const uniques = [...new Set(ids)];
  if (uniques.length === 0) return new Map();
  const [comptes, adhesions] = await Promise.all([
    db
      .select({ id: t.utilisateur.id, type: t.utilisateur.type, prenom: t.utilisateur.prenom, nom: t.utilisateur.nom, email: t.utilisateur.email })
      .from(t.utilisateur)
      .where(inArray(t.utilisateur.id, uniques)),
    db
      .select({ utilisateurId: t.adhesion.utilisateurId, structureId: t.adhesion.structureId })
      .from(t.adhesion)
      .where(and(inArray(t.adhesion.utilisateurId, uniques), eq(t.adhesion.statut, 'active'), isNotNull(t.adhesion.structureId)))
      .orderBy(t.adhesion.creeLe),
  ]);
  const fiches = new Map(comptes.map((c) => [c.id, { ...c, structureIds: [] as string[] }]));
  for (const a of adhesions) fiches.get(a.utilisateurId)?.structureIds.push(a.structureId!);
  return fiches;
}

/** Active managers of these structures, with an active account: whom to warn about their agents. */
export async function listerResponsables(db: Executor, structureIds: readonly string[]) {
  if (structureIds.length === 0) return [];
  return db
    .select({ id: t.utilisateur.id, prenom: t.utilisateur.prenom, nom: t.utilisateur.nom, email: t.utilisateur.email })
    .from(t.adhesion)
    .innerJoin(t.utilisateur, eq(t.utilisateur.id, t.adhesion.utilisateurId))
    .where(
      and(
        inArray(t.adhesion.structureId, [...structureIds]),
        eq(t.adhesion.role, 'structure_manager'),
        eq(t.adhesion.statut, 'active'),
        eq(t.utilisateur.statut, 'actif'),
      ),
    )
    .groupBy(t.utilisateur.id)
    .orderBy(t.utilisateur.email);
}
