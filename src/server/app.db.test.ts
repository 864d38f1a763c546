import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDeTest, creerAppDeTest } from '../../test/harness/app.js';
import { buildApp } from './app.js';

let t: AppDeTest;
let site: string;
// The same application with the front built and without it: the site's catch-all route must not
// change how an address is answered.
const variantes: { nom: string; app: FastifyInstance }[] = [];
beforeAll(async () => {
  t = await creerAppDeTest({ MARQUE_SERVICE: 'Orientation Test' });
  site = await mkdtemp(path.join(tmpdir(), 'site-web-'));
  await writeFile(path.join(site, 'index.html'), '<!doctype html><title>Trajectoires</title>');
  for (const [nom, siteWeb] of [
    ['front construit', site],
    ['front absent', path.join(site, 'absent')],
  ] as const) {
    const app = await buildApp({ config: t.config, database: t.database, logger: false, siteWeb });
    await app.ready();
    variantes.push({ nom, app });
  }
});
afterAll(async () => {
  for (const { app } of variantes) await app.close();
  await t?.close();
  await rm(site, { recursive: true, force: true });
});

describe('application', () => {
  it('répond à la sonde de santé avec son moteur de base', async () => {
    const res = await t.app.inject({ url: '/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ statut: 'ok', base: t.database.engine });
  });

  it('décrit chaque route de l’API dans le document OpenAPI 3', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const decrites = Object.keys(doc.paths);
    const routesApi = t.app.routesDeclarees.filter((r) => r.url.startsWith('/api/v1/')).map((r) => r.url.replace(/:(\w+)/g, '{$1}'));
    expect(routesApi.length).toBeGreaterThan(5);
    for (const url of routesApi) expect(decrites).toContain(url);
  });

  it('sert une page de documentation lisible', async () => {
    const res = await t.app.inject({ url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });

  it('rend le bloc-marque configuré par l’environnement', async () => {
    const res = await t.app.inject({ url: '/api/v1/marque' });
    expect(res.json().service).toBe('Orientation Test');
  });

  it('répond 404 au format d’erreur pour une route inconnue, avec les en-têtes de sécurité, sans répéter l’adresse', async () => {
    for (const { nom, app } of variantes) {
      const res = await app.inject({ url: '/api/v1/nexistepas-canari' });
      expect(res.statusCode, nom).toBe(404);
      expect(res.json(), nom).toEqual({
        erreur: { code: 'route_inconnue', message: 'Aucune ressource ne correspond à cette adresse : vérifiez le lien utilisé.' },
      });
      expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('répond 414 au format d’erreur, en français, à un paramètre d’adresse trop long, sans le répéter, que le front soit construit ou non', async () => {
    for (const { nom, app } of variantes) {
      for (const valeur of ['é'.repeat(300), 'a'.repeat(101)]) {
        const res = await app.inject({ url: `/api/v1/services/${encodeURIComponent(valeur)}` });
        expect(res.statusCode, nom).toBe(414);
        expect(res.json(), nom).toEqual({
          erreur: { code: 'parametre_trop_long', message: 'Un paramètre de l’adresse est trop long : vérifiez le lien utilisé.' },
        });
        expect(res.headers['x-content-type-options'], nom).toBe('nosniff');
      }
      // The limit itself still finds the route, which answers for the value.
      expect((await app.inject({ url: `/api/v1/services/${'a'.repeat(100)}` })).json().erreur.code, nom).toBe('validation');
    }
  });

  it('répond 414 adresse_trop_longue à une adresse trop longue, par son chemin ou par sa requête, sans la répéter', async () => {
    const trop = 'a'.repeat(5000);
    for (const { nom, app } of variantes) {
      for (const url of [`/api/v1/services/${trop}`, `/api/v1/services?q=${trop}`, `/${trop}`]) {
        const res = await app.inject({ url });
        expect(res.statusCode, `${nom} ${url.slice(0, 30)}`).toBe(414);
        expect(res.json(), nom).toEqual({ erreur: { code: 'adresse_trop_longue', message: 'L’adresse demandée est trop longue : vérifiez le lien utilisé.' } });
      }
    }
  });

  it('répond au format d’erreur à une adresse mal encodée', async () => {
    const res = await t.app.inject({ url: '/api/v1/services/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.json().erreur.message).toMatch(/\S/);
  });
});
