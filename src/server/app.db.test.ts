import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDeTest, creerAppDeTest } from '../../test/harness/app.js';

let t: AppDeTest;
beforeAll(async () => {
  t = await creerAppDeTest({ MARQUE_SERVICE: 'Orientation Test' });
});
afterAll(async () => t?.close());

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

  it('répond 404 au format d’erreur pour une route inconnue, avec les en-têtes de sécurité', async () => {
    const res = await t.app.inject({ url: '/api/v1/nexistepas' });
    expect(res.statusCode).toBe(404);
    expect(res.json().erreur.code).toBe('route_inconnue');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('répond au format d’erreur, en français, à un paramètre d’adresse trop long', async () => {
    const res = await t.app.inject({ url: `/api/v1/services/${encodeURIComponent('é'.repeat(300))}` });
    expect(res.statusCode).toBe(414);
    expect(res.json().erreur.code).toBe('parametre_trop_long');
  });

  it('répond au format d’erreur à une adresse mal encodée', async () => {
    const res = await t.app.inject({ url: '/api/v1/services/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.json().erreur.message).toMatch(/\S/);
  });
});
