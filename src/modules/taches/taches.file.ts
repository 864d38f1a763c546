import { sql } from 'drizzle-orm';
import PgBoss from 'pg-boss';
import { type Database, type Executor, rows } from '../../db/client.js';
import type { ProfondeursDesFiles } from '../../shared/metriques.js';

/**
 * The job queue of the application: pg-boss over the application's own database, on either engine
 * (docs/adr/0007-file-de-travaux.md). pg-boss owns the `pgboss` schema and creates or migrates it
 * when the queue starts; it runs its SQL through `Database.executerSql`, never a pool of its own.
 */

/** How a failed job is tried again: `reprises` more times, `delaiSecondes` apart, doubled each time when `progressif`. */
export interface Reprises {
  reprises: number;
  delaiSecondes: number;
  progressif?: boolean;
}

export type Traitement<T> = (donnees: T) => Promise<void>;

export interface OptionsFile {
  /** How often an idle worker asks for a job, in seconds (pg-boss: at least 0.5). */
  sondageSecondes?: number;
}

export interface OptionsDemarrage {
  /** Counts one failed run of a job of this queue (GET /metrics). */
  surEchec?: (file: string) => void;
  /** A failed run's own error, or an error of the queue itself (maintenance, schedules), for the logs. */
  surErreur?: (erreur: unknown, file: string | null) => void;
}

export interface FileDeTravaux {
  /** Declares a queue and the work done for each of its jobs; before `demarrer`. */
  travail<T extends object>(file: string, traiter: Traitement<T>, reprises: Reprises): void;
  /** Sends a job to this queue every time the cron expression matches, Paris time; before `demarrer`. */
  planifier(file: string, cron: string): void;
  /** Creates or migrates pg-boss's schema, then its queues and schedules, then starts the workers. */
  demarrer(options?: OptionsDemarrage): Promise<void>;
  /**
   * Adds a job to a started queue through `executeur`: given a transaction, the job exists if and
   * only if the change it follows commits.
   */
  envoyer(executeur: Executor, file: string, donnees: object): Promise<void>;
  /** Jobs waiting, running and failed, per declared queue. */
  profondeurs(): Promise<ProfondeursDesFiles>;
  /** Lets running jobs finish (30 s at most), then stops every timer and worker; the database stays open. */
  arreter(): Promise<void>;
}

export const FUSEAU_DES_PLANIFICATIONS = 'Europe/Paris';

/** A failed run as pg-boss stores it in the job: the error's kind and code, never its message (addresses, values). */
export class EchecDeTravail extends Error {
  constructor(file: string, erreur: unknown) {
    const code = (erreur as { code?: unknown } | null)?.code;
    const nature = erreur instanceof Error ? erreur.constructor.name || erreur.name : typeof erreur;
    super(`Le travail de la file « ${file} » a échoué (${nature}${typeof code === 'string' ? ` ${code}` : ''}) ; le journal du serveur en dit la cause.`);
    this.name = 'EchecDeTravail';
  }
}

// pg-boss 10 has this function without declaring it.
type EtatsDesFiles = { queues: Record<string, Partial<Record<'created' | 'retry' | 'active' | 'failed', number>>> };

/** pg-boss's SQL ($1… parameters) through a Drizzle executor: inside a transaction, in that transaction. */
function executeurPgBoss(executeur: Executor): PgBoss.Db {
  return {
    async executeSql(texte: string, valeurs: unknown[] = []) {
      const morceaux = texte.split(/\$(\d+)/);
      const requete = sql.join(morceaux.map((morceau, i) => (i % 2 === 1 ? sql.param(valeurs[Number(morceau) - 1]) : sql.raw(morceau))));
      return { rows: await rows(executeur, requete) };
    },
  };
}

export function creerFileDeTravaux(database: Database, options: OptionsFile = {}): FileDeTravaux {
  const sondageSecondes = options.sondageSecondes ?? 2;
  const boss = new PgBoss({
    db: { executeSql: (texte: string, valeurs?: unknown[]) => database.executerSql(texte, valeurs) },
    schema: 'pgboss',
    migrate: true,
    supervise: true,
    schedule: true,
    pollingIntervalSeconds: sondageSecondes,
  });
  const travaux = new Map<string, { traiter: Traitement<object>; reprises: Reprises }>();
  const planifications = new Map<string, string>();
  let demarree = false;
  const avantDemarrage = (quoi: string) => {
    if (demarree) throw new Error(`${quoi} se déclare avant le démarrage de la file de travaux.`);
  };

  return {
    travail(file, traiter, reprises) {
      avantDemarrage(`Le travail « ${file} »`);
      travaux.set(file, { traiter: traiter as Traitement<object>, reprises });
    },

    planifier(file, cron) {
      avantDemarrage(`La planification de « ${file} »`);
      planifications.set(file, cron);
    },

    async demarrer({ surEchec, surErreur } = {}) {
      avantDemarrage('Le démarrage');
      demarree = true;
      // Without a listener, an 'error' event would end the process.
      boss.on('error', (erreur) => surErreur?.(erreur, (erreur as { queue?: string }).queue ?? null));
      await boss.start();
      for (const [file, { reprises }] of travaux) {
        await boss.createQueue(file, {
          name: file,
          retryLimit: reprises.reprises,
          retryDelay: reprises.delaiSecondes,
          retryBackoff: reprises.progressif ?? false,
        });
      }
      for (const [file, cron] of planifications) await boss.schedule(file, cron, {}, { tz: FUSEAU_DES_PLANIFICATIONS });
      for (const [file, { traiter }] of travaux) {
        // Known once work() answers, which may come after its first jobs on PGlite.
        const travailleur: { id?: string } = {};
        travailleur.id = await boss.work<object>(file, { pollingIntervalSeconds: sondageSecondes }, async (jobs) => {
          // A worker that has just done a job asks for the next one at once instead of waiting for
          // its next poll: a queue of many mails drains one after the other, not one per poll.
          if (travailleur.id) boss.notifyWorker(travailleur.id);
          for (const job of jobs) {
            try {
              await traiter(job.data);
            } catch (erreur) {
              surEchec?.(file);
              surErreur?.(erreur, file);
              throw new EchecDeTravail(file, erreur);
            }
          }
        });
      }
    },

    async envoyer(executeur, file, donnees) {
      if (!travaux.has(file)) throw new Error(`Aucun travail déclaré pour la file « ${file} ».`);
      const id = await boss.send(file, donnees, { db: executeurPgBoss(executeur) });
      // pg-boss inserts nothing, silently, for a queue it does not know yet.
      if (id === null) throw new Error(`La file « ${file} » n’existe pas encore : démarrez la file de travaux avant d’y envoyer un travail.`);
    },

    async profondeurs() {
      const { queues } = (await (boss as unknown as { countStates(): Promise<EtatsDesFiles> }).countStates()) ?? { queues: {} };
      return Object.fromEntries(
        [...travaux.keys()].map((file) => {
          const etats = queues[file] ?? {};
          return [file, { enAttente: (etats.created ?? 0) + (etats.retry ?? 0), enCours: etats.active ?? 0, echecs: etats.failed ?? 0 }];
        }),
      );
    },

    async arreter() {
      if (demarree) await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
    },
  };
}
