import type { Transaction } from '../../db/client.js';
import type { ServiceContext } from '../../shared/contexte.js';
import type { Accord, Decision, RaisonDe } from '../../shared/decision.js';
import type { AppError } from '../../shared/erreurs.js';
import type { EvenementAudit } from './audit.chaine.js';
import { MARQUE_LECTURE_DONNEES_PERSONNELLES } from './audit.repository.js';
import { recordAudit } from './audit.service.js';

/**
 * What the event of an access says, whatever its outcome: the action, what it touches, who acts
 * for which structure. Who calls and from where come from the context. `raison` defaults to the
 * decision's basis (allowed) or reason (refused). Ids and codes only, never a name or free text.
 */
export type TraceAcces = Omit<EvenementAudit, 'resultat' | 'acteurUtilisateurId' | 'ip'>;

/** Who acts for which structure, as an allowed decision names them; nobody on a refusal. */
export function acteurDe(
  decision: { autorise: false } | { autorise: true; structureId: string | null; role: string | null },
): Pick<TraceAcces, 'acteurStructureId' | 'acteurRole'> {
  return decision.autorise ? { acteurStructureId: decision.structureId, acteurRole: decision.role } : { acteurStructureId: null, acteurRole: null };
}

/**
 * Judges a read of personal data once its event is in the transaction (vigilance counts the
 * reader's reads); what it returns runs after the commit, and may throw.
 */
export type JugeLecture = (ctx: ServiceContext, tx: Transaction) => Promise<() => Promise<void>>;

/** An allowed access that could not be done (stale version, already withdrawn): recorded as 'echec', thrown after the commit. */
export class EchecAcces {
  constructor(
    readonly raison: string,
    readonly erreur: AppError,
    readonly details: Record<string, unknown> = {},
  ) {}
}

export const echec = (raison: string, erreur: AppError, details?: Record<string, unknown>) => new EchecAcces(raison, erreur, details);

export interface AccesProtege<Faits, D extends Decision<{ fondement: string }, string>, T> {
  /** Reads what the rule needs, in the access's transaction. */
  charger(tx: Transaction): Promise<Faits>;
  /** The module's pure rule. */
  decider(faits: Faits): D;
  /** What the event says of this access, whichever the outcome. */
  tracer(faits: Faits, decision: D): TraceAcces;
  /** The answer to a refusal, thrown once the refusal's event has committed. */
  refus(raison: RaisonDe<D>, faits: Faits): AppError;
  /** The protected read or write, in the same transaction; an error it throws rolls everything back, its event included. */
  agir(tx: Transaction, faits: Faits, accord: Accord<D>): Promise<T | EchecAcces>;
  /** What the success event adds once the work is done (the id it created, versions). */
  completer?(resultat: T): Partial<TraceAcces>;
  /**
   * 'journal' (default): this path records the success. 'travail': the work records its own
   * events, one for each thing it writes (one per consent collected, none for an edit that
   * changes nothing), in this transaction, or in the transaction of work that has to wait for
   * something outside the database (an invitation is mailed before it is written).
   */
  succes?: 'journal' | 'travail';
  /** A read of personal data: flagged so in the trail and judged by vigilance. */
  lecture?: JugeLecture;
}

const utilisateurDe = (ctx: ServiceContext) => (ctx.acteur.type === 'agent' || ctx.acteur.type === 'personne' ? ctx.acteur.utilisateurId : null);

/** Writes an access's event in its transaction; who calls and from where come from the context. */
export function journaliserAcces(ctx: ServiceContext, tx: Transaction, trace: TraceAcces, resultat: EvenementAudit['resultat'], raison: string | null) {
  return recordAudit(
    tx,
    { ...trace, raison: trace.raison !== undefined ? trace.raison : raison, resultat, acteurUtilisateurId: utilisateurDe(ctx), ip: ctx.ip },
    ctx.now(),
  );
}

type Issue<T> = { erreur: AppError } | { resultat: T; apresValidation: (() => Promise<void>) | null };

/**
 * The one path of every protected read and write (ADR 0006): in one transaction, load the facts,
 * decide by the module's rule, do the work and write its event (and have vigilance count a read
 * of personal data), then commit and return. A refusal, or an allowed access that could not be
 * done, is recorded and committed first, and its error thrown only after the commit, so that a
 * refusal is never erased by the rollback of its own transaction.
 */
export async function accesProtege<Faits, D extends Decision<{ fondement: string }, string>, T>(
  ctx: ServiceContext,
  acces: AccesProtege<Faits, D, T>,
): Promise<T> {
  const issue = await ctx.db.transaction(async (tx): Promise<Issue<T>> => {
    const faits = await acces.charger(tx);
    const decision = acces.decider(faits);
    const trace = acces.tracer(faits, decision);
    if (!decision.autorise) {
      const raison = (decision as Extract<D, { autorise: false }>).raison as RaisonDe<D>;
      await journaliserAcces(ctx, tx, trace, 'refus', raison);
      return { erreur: acces.refus(raison, faits) };
    }
    const accord = decision as Accord<D>;
    const resultat = await acces.agir(tx, faits, accord);
    if (resultat instanceof EchecAcces) {
      await journaliserAcces(ctx, tx, { ...trace, raison: resultat.raison, details: { ...trace.details, ...resultat.details } }, 'echec', resultat.raison);
      return { erreur: resultat.erreur };
    }
    if (acces.succes !== 'travail') {
      const fin = acces.completer?.(resultat) ?? {};
      const details = {
        ...trace.details,
        ...fin.details,
        ...(acces.lecture ? { [MARQUE_LECTURE_DONNEES_PERSONNELLES]: true } : {}),
      };
      await journaliserAcces(ctx, tx, { ...trace, ...fin, details }, 'succes', accord.fondement);
    }
    return { resultat, apresValidation: acces.lecture ? await acces.lecture(ctx, tx) : null };
  });
  if ('erreur' in issue) throw issue.erreur;
  await issue.apresValidation?.();
  return issue.resultat;
}
