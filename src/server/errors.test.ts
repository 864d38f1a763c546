import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { estConnexionPerdue } from '../db/connexion-perdue.js';
import { installErrorHandlers } from './errors.js';

const erreurPg = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('estConnexionPerdue', () => {
  it.each([
    ['arrêt demandé par l’administrateur', erreurPg('57P01', 'terminating connection due to administrator command')],
    ['connexion refusée', erreurPg('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['classe 08', erreurPg('08006', 'connection failure')],
    ['socket fermée sous le client', new Error('Connection terminated unexpectedly')],
    ['enveloppée par l’ORM', new Error('Failed query: insert …', { cause: erreurPg('57P01', 'terminating connection') })],
  ])('reconnaît %s', (_, erreur) => expect(estConnexionPerdue(erreur)).toBe(true));

  it.each([
    ['une contrainte violée', erreurPg('23505', 'duplicate key value violates unique constraint')],
    ['une erreur de syntaxe', erreurPg('42601', 'syntax error')],
    ['une erreur sans code', new Error('boom')],
    ['autre chose qu’une erreur', 'texte'],
  ])('ne prend pas %s pour une coupure', (_, erreur) => expect(estConnexionPerdue(erreur)).toBe(false));
});

describe('réponse à une base injoignable', () => {
  const app = Fastify({ logger: false });
  beforeAll(async () => {
    installErrorHandlers(app);
    app.get('/coupee', () => {
      throw new Error('Failed query: insert into personne values ($1) params: Dupont', { cause: erreurPg('57P01', 'terminating connection') });
    });
    app.get('/fautive', () => {
      throw erreurPg('23505', 'duplicate key');
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('répond 503 avec un code stable et un délai, sans rien répéter de la requête', async () => {
    const res = await app.inject({ url: '/coupee' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.json()).toMatchObject({ erreur: { code: 'base_indisponible' } });
    expect(res.body).not.toContain('Dupont');
  });

  it('laisse les autres erreurs de la base en 500', async () => {
    expect((await app.inject({ url: '/fautive' })).statusCode).toBe(500);
  });
});
