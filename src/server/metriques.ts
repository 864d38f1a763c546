import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { Counter } from 'prom-client';
import type { Database } from '../db/client.js';
import { suivreEcrituresAudit } from '../modules/audit/index.js';
import { AppError } from '../shared/erreurs.js';
import { type ProfondeursDesFiles, ROUTE_INCONNUE, creerRegistre, suivreChargeDeBase, suivreFileDeTravaux, suivreRequetesHttp } from '../shared/metriques.js';
import type { Config } from './config.js';

export interface OptionsMetriques {
  config: Config;
  database: Database;
  /** Process metrics (CPU, memory, event loop, GC): for the running service, not for each test application. */
  processus: boolean;
  /** Per-queue counts of the job queue, read at each scrape. */
  lireFilesDeTravaux: () => Promise<ProfondeursDesFiles>;
}

const jetonRefuse = () =>
  new AppError(
    'metriques.jeton_invalide',
    401,
    'Accès aux métriques refusé : envoyez l’en-tête Authorization: Bearer suivi du jeton METRIQUES_JETON.',
    undefined,
    { 'www-authenticate': 'Bearer realm="metriques"' },
  );

// Both sides hashed: equal lengths, so the comparison takes the same time whatever was sent.
// The scheme's name is case-insensitive (RFC 9110).
function jetonValide(attendu: string, entete: string | undefined): boolean {
  const recu = /^Bearer (\S+)$/i.exec(entete ?? '')?.[1] ?? '';
  const empreinte = (valeur: string) => createHash('sha256').update(valeur).digest();
  return timingSafeEqual(empreinte(attendu), empreinte(recu));
}

/**
 * Measures every answer and serves the registry at GET /metrics (Prometheus text format). With
 * METRIQUES_JETON the route asks for it as a bearer token; in production without one the route is
 * not registered, so the path answers 404 like any unknown one. Returns what counts a failed job.
 */
export function installerMetriques(app: FastifyInstance, options: OptionsMetriques): (file: string) => void {
  const { config, database } = options;
  const registre = creerRegistre({ processus: options.processus });

  const mesurer = suivreRequetesHttp(registre);
  // The route's pattern, never the URL: ids would make a series per record and name what was read.
  app.addHook('onResponse', async (req, reply) => {
    mesurer({ methode: req.method, route: req.routeOptions.url ?? ROUTE_INCONNUE, statut: reply.statusCode, secondes: reply.elapsedTime / 1000 });
  });

  suivreChargeDeBase(registre, database.engine, () => database.charge());
  const compterEchecDeTravail = suivreFileDeTravaux(registre, options.lireFilesDeTravaux);

  const ecrituresAudit = new Counter({
    name: 'audit_events_total',
    help: 'Événements écrits au journal d’audit (avant la validation de leur transaction), par action et résultat',
    labelNames: ['action', 'result'] as const,
    registers: [registre],
  });
  const arreterAudit = suivreEcrituresAudit(({ action, resultat }) => ecrituresAudit.inc({ action, result: resultat }));
  app.addHook('onClose', async () => arreterAudit());

  const jeton = config.METRIQUES_JETON;
  if (jeton || config.NODE_ENV !== 'production') {
    app.get(
      '/metrics',
      {
        config: {
          access: {
            public:
              'mesures d’exploitation sans donnée personnelle, pour Prometheus ; jeton METRIQUES_JETON exigé quand il est défini, route absente en production sans lui',
          },
        },
        // The scraper's contract is the Prometheus text format, and its bearer token is none of the API's security schemes.
        schema: { hide: true },
        onRequest: async (req) => {
          if (jeton && !jetonValide(jeton, req.headers.authorization)) throw jetonRefuse();
        },
      },
      async (_req, reply) => {
        reply.type(registre.contentType).header('cache-control', 'no-store');
        return registre.metrics();
      },
    );
  }
  return compterEchecDeTravail;
}
