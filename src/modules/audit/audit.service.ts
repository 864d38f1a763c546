import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor, Transaction } from '../../db/client.js';
import { pagination } from '../../shared/pagination.js';
import {
  type Anomalie,
  calculerHash,
  contenuAudit,
  DEBUT_DE_CHAINE,
  type EvenementAudit,
  examinerMaillon,
  HASH_INITIAL,
  type Precedent,
} from './audit.chaine.js';
import * as repository from './audit.repository.js';

/** What is told of each audit write outside the trail (metrics): its action and result, never who or what. */
export type EcritureAudit = Pick<EvenementAudit, 'action' | 'resultat'>;

const ecouteursEcriture = new Set<(ecriture: EcritureAudit) => void>();

/**
 * Calls `ecouteur` on every event appended to the trail, when it is written (in its transaction,
 * before the commit); returns what stops it. The application subscribes while it runs.
 */
export function suivreEcrituresAudit(ecouteur: (ecriture: EcritureAudit) => void): () => void {
  ecouteursEcriture.add(ecouteur);
  return () => ecouteursEcriture.delete(ecouteur);
}

/**
 * Appends one event to the audit trail, chained to the last one, in the transaction of the write
 * or read being audited, so that both commit or roll back together. Only a transaction is taken
 * (the type refuses a plain Db): an event written beside its data could outlive their rollback,
 * or be lost when they commit. The transaction must be READ COMMITTED (the default).
 */
export async function recordAudit(tx: Transaction, evenement: EvenementAudit, horodatage: Date): Promise<{ id: number; hash: string }> {
  // The type already refuses a plain Db; this holds for callers that cast their way around it.
  if (!(tx instanceof PgTransaction)) throw new Error(`Audit « ${evenement.action} » écrit hors d’une transaction : il ne suivrait pas ses données.`);
  // Writers take the chain lock before reading the last link, so that two concurrent transactions
  // never chain on the same predecessor. The lock is held until commit, hence the transaction.
  const dernier = await repository.lockChain(tx);
  const hashPrecedent = dernier?.hash ?? HASH_INITIAL;
  const contenu = contenuAudit((dernier?.id ?? 0) + 1, horodatage, evenement);
  const hash = calculerHash(hashPrecedent, contenu);
  await repository.insertEvenement(tx, contenu, hashPrecedent, hash);
  for (const ecouteur of ecouteursEcriture) ecouteur({ action: evenement.action, resultat: evenement.resultat });
  return { id: contenu.id, hash };
}

export type ResultatVerification =
  /** `dernier`: the head of the chain, to note elsewhere; comparing it later shows a cut or rewritten end. */
  { valide: true; total: number; dernier: { id: number; hash: string } | null } | ({ valide: false; total: number } & Anomalie);

/**
 * Recomputes the whole chain in id order, `tranche` events at a time, and stops at the first
 * event that does not follow: 'modifie' (altered in place), 'supprime' (the id named is the first
 * missing one), 'insere' (not written by recordAudit), 'reordonne' (moved from elsewhere in the
 * chain). `total` counts every event in the trail. Events appended at the end, or removed from
 * it, with well-formed hashes leave no trace inside the chain: only the head noted earlier shows it.
 */
export async function verifierChaineAudit(db: Executor, { tranche = 5_000 }: { tranche?: number } = {}): Promise<ResultatVerification> {
  let precedent: Precedent = DEBUT_DE_CHAINE;
  let total = 0;
  const hashConnu = (hash: string) => repository.hashExists(db, hash);
  for (;;) {
    const maillons = await repository.readChain(db, precedent.id, tranche);
    for (const maillon of maillons) {
      const anomalie = await examinerMaillon(precedent, maillon, hashConnu);
      if (anomalie) return { valide: false, total: await repository.countEvenements(db), ...anomalie };
      precedent = { id: maillon.id, hash: maillon.hash, hashPrecedent: maillon.hash_precedent };
      total++;
    }
    if (maillons.length < tranche) {
      return { valide: true, total, dernier: precedent.id > 0 ? { id: precedent.id, hash: precedent.hash } : null };
    }
  }
}

async function paginer(
  lister: (limite: number, decalage: number) => Promise<{ evenements: repository.AccesAudit[]; total: number }>,
  { page, parPage }: { page: number; parPage: number },
) {
  const { evenements, total } = await lister(parPage, (page - 1) * parPage);
  return { evenements, pagination: pagination(page, parPage, total) };
}

/** Events on the records a structure holds, newest first: who accessed them, and how it went. */
export function listerAccesParStructure(db: Executor, structureId: string, options: { page: number; parPage: number }) {
  return paginer((limite, decalage) => repository.listAccesByStructure(db, structureId, limite, decalage), options);
}

/** Events on a person's data, newest first: who accessed it, and how it went. */
export function listerAccesParPersonne(db: Executor, utilisateurId: string, options: { page: number; parPage: number }) {
  return paginer((limite, decalage) => repository.listAccesByPersonne(db, utilisateurId, limite, decalage), options);
}

const JOUR_MS = 86_400_000;

/** The actor's reads of personal data (events flagged MARQUE_LECTURE_DONNEES_PERSONNELLES) after `depuis`. */
export function compterLecturesDepuis(db: Executor, utilisateurId: string, depuis: Date): Promise<number> {
  return repository.countLecturesDepuis(db, utilisateurId, depuis);
}

/**
 * The actor's reads of personal data in each of the `jours` periods of 24 hours before the last
 * 24 hours (most recent first, 0 for a period without reads): the history a usual volume is
 * computed from, without the day being judged.
 */
export async function lecturesDesJoursPrecedents(db: Executor, utilisateurId: string, maintenant: Date, jours: number): Promise<number[]> {
  const finHistorique = new Date(maintenant.getTime() - JOUR_MS);
  const parPeriode = await repository.countLecturesParPeriode(db, utilisateurId, finHistorique, JOUR_MS, jours);
  const volumes = new Array<number>(jours).fill(0);
  for (const { periode, lectures } of parPeriode) volumes[periode - 1] = lectures;
  return volumes;
}
