import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Charge } from '../db/client.js';
import { z } from './zod.js';

/**
 * Prometheus metrics (text format, prom-client). One registry per application, never the
 * library's global one: tests build several applications in one process. Metric and label names
 * follow the ecosystem's English conventions so that ready-made dashboards read them; labels only
 * ever carry bounded values (route patterns, codes), never an id, an address or a person.
 */

export const configMetriquesSchema = z.strictObject({
  // A bearer token (RFC 6750 characters): whoever holds it reads /metrics. In production the route
  // is not exposed at all without one.
  METRIQUES_JETON: z
    .string()
    .min(32, 'au moins 32 caractères (par exemple : openssl rand -hex 32)')
    .regex(/^[A-Za-z0-9._~+/-]+=*$/, 'lettres, chiffres et - . _ ~ + / seulement (par exemple : openssl rand -hex 32)')
    .optional(),
});

/** A fresh registry; `processus` adds the process metrics of prom-client (CPU, memory, event loop, GC). */
export function creerRegistre({ processus }: { processus: boolean }): Registry {
  const registre = new Registry();
  if (processus) collectDefaultMetrics({ register: registre });
  return registre;
}

/** The label of requests no route matched: one series for every unknown URL. */
export const ROUTE_INCONNUE = 'inconnue';

export interface MesureRequete {
  methode: string;
  /** The route's pattern (`/api/v1/services/:id`), or ROUTE_INCONNUE. */
  route: string;
  statut: number;
  secondes: number;
}

/** The request duration histogram; returns what records one answered request. */
export function suivreRequetesHttp(registre: Registry): (mesure: MesureRequete) => void {
  const duree = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Durée des requêtes HTTP en secondes, par méthode, modèle de route et statut',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registre],
  });
  return ({ methode, route, statut, secondes }) => duree.observe({ method: methode, route, status: String(statut) }, secondes);
}

/** Database load gauges, read at each scrape from `Database.charge()`. */
export function suivreChargeDeBase(registre: Registry, moteur: string, lireCharge: () => Charge): void {
  const jauge = (name: string, help: string, valeur: (charge: Charge) => number) =>
    new Gauge({
      name,
      help,
      labelNames: ['engine'] as const,
      registers: [registre],
      collect() {
        this.set({ engine: moteur }, valeur(lireCharge()));
      },
    });
  jauge(
    'db_operations_in_progress',
    'Opérations en cours sur la base : connexions prêtées par le pool (PostgreSQL), requête ou transaction en cours (PGlite, une à la fois)',
    (c) => c.enCours,
  );
  jauge(
    'db_operations_waiting',
    'Opérations qui attendent leur tour : une connexion libre du pool (PostgreSQL), la fin de l’opération en cours (PGlite)',
    (c) => c.enAttente,
  );
  jauge('db_connections', 'Connexions ouvertes à la base (pool PostgreSQL ; 1 pour PGlite, dans le processus)', (c) => c.connexions);
}

/** What a job queue tells of each of its queues. */
export type ProfondeursDesFiles = Record<string, { enAttente: number; enCours: number; echecs: number }>;

/**
 * Job queue gauges, read at each scrape from `lireProfondeurs`, and the failure counter; returns
 * what counts one failed job. A reading that fails (database away) leaves the gauges empty and is
 * counted, so that the rest of the scrape still answers.
 */
export function suivreFileDeTravaux(registre: Registry, lireProfondeurs: () => Promise<ProfondeursDesFiles>): (file: string) => void {
  new Gauge({
    name: 'job_queue_jobs',
    help: 'Travaux par file et par état : en attente (waiting), en cours (active), en échec (failed)',
    labelNames: ['queue', 'state'] as const,
    registers: [registre],
    async collect() {
      this.reset();
      let profondeurs: ProfondeursDesFiles;
      try {
        profondeurs = await lireProfondeurs();
      } catch {
        lecturesEchouees.inc();
        return;
      }
      for (const [queue, { enAttente, enCours, echecs }] of Object.entries(profondeurs)) {
        this.set({ queue, state: 'waiting' }, enAttente);
        this.set({ queue, state: 'active' }, enCours);
        this.set({ queue, state: 'failed' }, echecs);
      }
    },
  });
  // Registered after the gauge: a scrape collects in order, so it already counts its own failed reading.
  const lecturesEchouees = new Counter({
    name: 'job_queue_read_failures_total',
    help: 'Lectures de l’état des files de travaux qui ont échoué',
    registers: [registre],
  });
  const echecs = new Counter({
    name: 'job_failures_total',
    help: 'Travaux qui ont échoué, par file',
    labelNames: ['queue'] as const,
    registers: [registre],
  });
  return (file) => echecs.inc({ queue: file });
}
