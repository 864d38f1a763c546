import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { creerCompte } from '../../test/factories/identite.js';
import { type AppDeTest, creerAppDeTest } from '../../test/harness/app.js';
import { ClientHttp } from '../../test/harness/client-http.js';
import { creerFileDeTravaux } from '../modules/taches/index.js';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';

const JETON = 'c3f1a9e0b7d24c6e8f0a1b2c3d4e5f60718293a4b5c6d7e8';

let t: AppDeTest;
const autres: FastifyInstance[] = [];

beforeAll(async () => {
  t = await creerAppDeTest();
});
afterAll(async () => {
  for (const app of autres) await app.close();
  await t?.close();
});

/** Another application over the same database, with its own settings and its own registry. */
async function autreApp(env: Record<string, string>, options: Partial<Parameters<typeof buildApp>[0]> = {}): Promise<FastifyInstance> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({ config, database: t.database, logger: false, ...options });
  autres.push(app);
  await app.ready();
  return app;
}

/** The value of the series `nom` whose labels include `etiquettes`, if the text holds one. */
function valeur(texte: string, nom: string, etiquettes: Record<string, string> = {}): number | undefined {
  for (const ligne of texte.split('\n')) {
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/.exec(ligne);
    if (!m || m[1] !== nom) continue;
    const labels = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((l) => [l[1], l[2]]));
    if (Object.entries(etiquettes).every(([k, v]) => labels[k] === v)) return Number(m[3]);
  }
  return undefined;
}

async function metriques(app: FastifyInstance = t.app): Promise<string> {
  const res = await app.inject({ url: '/metrics' });
  expect(res.statusCode).toBe(200);
  return res.body;
}

describe('GET /metrics', () => {
  it('répond au format texte de Prometheus, sans mise en cache', async () => {
    const res = await t.app.inject({ url: '/metrics' });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toContain('# TYPE http_request_duration_seconds histogram');
  });

  it('mesure une requête par le modèle de sa route et son statut, jamais par son adresse', async () => {
    const id = randomUUID();
    const avant = valeur(await metriques(), 'http_request_duration_seconds_count', { route: '/api/v1/services/:id', status: '404' }) ?? 0;

    const res = await t.app.inject({ url: `/api/v1/services/${id}` });
    expect(res.statusCode).toBe(404);
    await t.app.inject({ url: `/api/v1/nexiste/pas/${id}` });

    const texte = await metriques();
    const serie = { method: 'GET', route: '/api/v1/services/:id', status: '404' };
    expect(valeur(texte, 'http_request_duration_seconds_count', serie)).toBe(avant + 1);
    expect(valeur(texte, 'http_request_duration_seconds_bucket', { ...serie, le: '+Inf' })).toBe(avant + 1);
    expect(valeur(texte, 'http_request_duration_seconds_sum', serie)).toBeGreaterThan(0);
    // An unknown address is one series for all of them.
    expect(valeur(texte, 'http_request_duration_seconds_count', { route: 'inconnue', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(texte).not.toContain(id);
  });

  it('montre la charge de la base : opérations en cours et en attente, lues à chaque collecte', async () => {
    const { database } = t;
    let liberer!: () => void;
    const barriere = new Promise<void>((resolve) => (liberer = resolve));
    // More transactions held open than the test pool has connections (and PGlite runs one at a time).
    const tenues = Array.from({ length: 6 }, () => database.db.transaction(async (tx) => tx.execute(sql`SELECT 1`).then(() => barriere)));
    try {
      await vi.waitFor(() => {
        const charge = database.charge();
        expect(charge.enCours).toBeGreaterThan(0);
        expect(charge.enAttente).toBeGreaterThan(0);
      });
      const texte = await metriques();
      const moteur = { engine: database.engine };
      expect(valeur(texte, 'db_operations_in_progress', moteur)).toBeGreaterThan(0);
      expect(valeur(texte, 'db_operations_waiting', moteur)).toBeGreaterThan(0);
      expect(valeur(texte, 'db_connections', moteur)).toBeGreaterThan(0);
    } finally {
      liberer();
      await Promise.all(tenues);
    }
    const texte = await metriques();
    expect(valeur(texte, 'db_operations_in_progress', { engine: database.engine })).toBe(0);
    expect(valeur(texte, 'db_operations_waiting', { engine: database.engine })).toBe(0);
  });

  it('compte les écritures du journal d’audit par action et résultat, sans rien de la personne', async () => {
    const compte = await creerCompte(t.database.db, { type: 'personne' });
    const serie = { action: 'identite.connexion', result: 'succes' };
    const avant = valeur(await metriques(), 'audit_events_total', serie) ?? 0;

    const connexion = await new ClientHttp(t.app).post('/api/v1/connexion', { email: compte.email, mot_de_passe: compte.motDePasse });
    expect(connexion.statusCode).toBe(200);

    const texte = await metriques();
    expect(valeur(texte, 'audit_events_total', serie)).toBe(avant + 1);
    expect(texte).not.toContain(compte.email);
    expect(texte).not.toContain(compte.id);
  });

  it('montre la profondeur des files de travaux et leurs échecs, et les mesures du processus quand on les demande', async () => {
    const app = await autreApp({}, { metriquesDuProcessus: true, filesDeTravaux: async () => ({ courriels: { enAttente: 4, enCours: 1, echecs: 2 } }) });
    app.compterEchecDeTravail('courriels');

    const texte = await metriques(app);
    expect(valeur(texte, 'job_queue_jobs', { queue: 'courriels', state: 'waiting' })).toBe(4);
    expect(valeur(texte, 'job_queue_jobs', { queue: 'courriels', state: 'active' })).toBe(1);
    expect(valeur(texte, 'job_queue_jobs', { queue: 'courriels', state: 'failed' })).toBe(2);
    expect(valeur(texte, 'job_failures_total', { queue: 'courriels' })).toBe(1);
    expect(valeur(texte, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    // The first application has its own registry: neither the queue nor the process shows there.
    const premier = await metriques();
    expect(valeur(premier, 'job_failures_total', { queue: 'courriels' })).toBeUndefined();
    expect(valeur(premier, 'process_cpu_user_seconds_total')).toBeUndefined();
  });

  it('compte un travail en échec de la file pg-boss et lit la profondeur de ses files dans pg-boss', async () => {
    const file = creerFileDeTravaux(t.database, { sondageSecondes: 0.5 });
    file.travail(
      'essai.metriques',
      async () => {
        throw new Error('serveur injoignable');
      },
      { reprises: 0, delaiSecondes: 0 },
    );
    file.travail('essai.en_attente', async () => {}, { reprises: 0, delaiSecondes: 0 });
    const app = await autreApp({}, { filesDeTravaux: () => file.profondeurs() });
    await file.demarrer({ surEchec: (nom) => app.compterEchecDeTravail(nom) });
    try {
      await file.envoyer(t.database.db, 'essai.metriques', {});
      // Jobs that no worker takes yet: due in an hour.
      await t.database.executerSql(
        `INSERT INTO pgboss.job (name, start_after) VALUES ('essai.en_attente', now() + interval '1 hour'), ('essai.en_attente', now() + interval '1 hour')`,
      );

      await vi.waitFor(async () => expect(valeur(await metriques(app), 'job_queue_jobs', { queue: 'essai.metriques', state: 'failed' })).toBe(1), {
        timeout: 10_000,
        interval: 100,
      });
      const texte = await metriques(app);
      expect(valeur(texte, 'job_failures_total', { queue: 'essai.metriques' })).toBe(1);
      expect(valeur(texte, 'job_queue_jobs', { queue: 'essai.metriques', state: 'waiting' })).toBe(0);
      expect(valeur(texte, 'job_queue_jobs', { queue: 'essai.en_attente', state: 'waiting' })).toBe(2);
      expect(valeur(texte, 'job_queue_jobs', { queue: 'essai.en_attente', state: 'failed' })).toBe(0);
    } finally {
      await file.arreter();
    }
  });
});

describe('GET /metrics avec METRIQUES_JETON', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await autreApp({ METRIQUES_JETON: JETON });
  });

  it('répond 401 sans jeton, en français, et dit quel schéma employer', async () => {
    const res = await app.inject({ url: '/metrics' });

    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer /);
    expect(res.json()).toEqual({
      erreur: {
        code: 'metriques.jeton_invalide',
        message: 'Accès aux métriques refusé : envoyez l’en-tête Authorization: Bearer suivi du jeton METRIQUES_JETON.',
      },
    });
    expect(res.body).not.toContain('http_request_duration_seconds');
  });

  it('répond 401 à un jeton faux, à un jeton tronqué et à un autre schéma', async () => {
    for (const authorization of [`Bearer ${JETON.replace(/.$/, '0')}`, `Bearer ${JETON.slice(0, -1)}`, `Basic ${JETON}`, `Bearer ${JETON} x`, JETON]) {
      const res = await app.inject({ url: '/metrics', headers: { authorization } });
      expect(res.statusCode, authorization).toBe(401);
      expect(res.json().erreur.code).toBe('metriques.jeton_invalide');
    }
  });

  it('répond 200 avec le bon jeton, le schéma écrit en capitales ou non', async () => {
    for (const schema of ['Bearer', 'bearer']) {
      const res = await app.inject({ url: '/metrics', headers: { authorization: `${schema} ${JETON}` } });
      expect(res.statusCode, schema).toBe(200);
      expect(res.body).toContain('# TYPE audit_events_total counter');
    }
  });
});

describe('GET /metrics en production', () => {
  const PRODUCTION = { NODE_ENV: 'production', COOKIE_SECURISE: 'true', SMTP_URL: 'smtp://127.0.0.1:2525' };

  it('n’existe pas sans METRIQUES_JETON : 404 comme une adresse inconnue, que le front soit construit ou non', async () => {
    // Whether the front is built decides whether the site's catch-all route exists: it must not
    // answer the single page in place of the missing route.
    const site = await mkdtemp(path.join(tmpdir(), 'site-web-'));
    try {
      await writeFile(path.join(site, 'index.html'), '<!doctype html><title>Trajectoires</title>');
      for (const siteWeb of [site, path.join(site, 'absent')]) {
        const app = await autreApp(PRODUCTION, { siteWeb });

        const res = await app.inject({ url: '/metrics' });

        expect(res.statusCode, siteWeb).toBe(404);
        expect(res.json().erreur.code).toBe('route_inconnue');
      }
    } finally {
      await rm(site, { recursive: true, force: true });
    }
  });

  it('répond avec METRIQUES_JETON à qui le présente, 401 aux autres', async () => {
    const app = await autreApp({ ...PRODUCTION, METRIQUES_JETON: JETON });

    expect((await app.inject({ url: '/metrics' })).statusCode).toBe(401);
    expect((await app.inject({ url: '/metrics', headers: { authorization: `Bearer ${JETON}` } })).statusCode).toBe(200);
  });
});
