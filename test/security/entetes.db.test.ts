import type { LightMyRequestResponse } from 'fastify';
import { parse as parseSetCookie } from 'set-cookie-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteDeclaree } from '../../src/server/access.js';
import { type AppDeTest, creerAppDeTest } from '../harness/app.js';
import { CLES_ACTEURS, type MondeDeTest, creerActeurs } from '../harness/acteurs.js';
import { ClientHttp } from '../harness/client-http.js';
import { PARAMETRES_SCRYPT } from '../../src/modules/identite/identite.motdepasse.js';
import { creerCompte } from '../factories/identite.js';
import { ENV_BALAYAGE, acteurQuiFranchit, appeler, cleRoute, routesBalayees } from './balayage.js';

// S11: security headers on every answer, no cache for personal data, session cookies bound to
// the origin in production.

let t: AppDeTest;
let monde: MondeDeTest;

beforeAll(async () => {
  t = await creerAppDeTest(ENV_BALAYAGE);
  monde = await creerActeurs(t);
});
afterAll(async () => t?.close());

const acteurs = () => CLES_ACTEURS.map((c) => monde.acteurs[c]);

/** Public routes whose answer is still personal or secret, with the reason. */
const PUBLIQUES_A_NE_PAS_GARDER: Record<string, string> = {
  'GET /api/v1/session': 'décrit le compte connecté et donne son jeton CSRF',
  'GET /api/v1/invitations/:jeton': 'le jeton de l’invitation est un secret, et la réponse donne l’adresse invitée',
};

const POLITIQUES_REFERENT = ['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'];

function defautsEntetes(reponse: LightMyRequestResponse): string[] {
  const h = reponse.headers;
  const defauts: string[] = [];
  const csp = String(h['content-security-policy'] ?? '');
  if (!/(^|;)\s*frame-ancestors 'none'\s*(;|$)/.test(csp)) defauts.push(`CSP sans frame-ancestors 'none' (${csp || 'absente'})`);
  const hsts = /max-age=(\d+)/.exec(String(h['strict-transport-security'] ?? ''));
  if (!hsts || Number(hsts[1]) < 31_536_000) defauts.push(`HSTS de moins d’un an (${h['strict-transport-security'] ?? 'absent'})`);
  if (h['x-content-type-options'] !== 'nosniff') defauts.push(`x-content-type-options : ${h['x-content-type-options'] ?? 'absent'}`);
  if (!POLITIQUES_REFERENT.includes(String(h['referrer-policy']))) defauts.push(`referrer-policy : ${h['referrer-policy'] ?? 'absente'}`);
  return defauts;
}

const neSeGardePas = (reponse: LightMyRequestResponse) => /(^|,)\s*no-store\s*(,|$)/.test(String(reponse.headers['cache-control'] ?? ''));

const personnelle = (route: RouteDeclaree) => !('public' in route.access) || cleRoute(route) in PUBLIQUES_A_NE_PAS_GARDER;

describe('S11 : en-têtes de sécurité et cookies', () => {
  it('chaque route GET répond, à un visiteur comme à un compte qui y a droit, avec CSP frame-ancestors, HSTS d’un an, nosniff et une politique de référent', async () => {
    const ecarts: string[] = [];
    for (const route of routesBalayees(t.app.routesDeclarees).filter((r) => r.method === 'GET')) {
      const acteur = acteurQuiFranchit(acteurs(), route);
      await acteur.rouvrirSession();
      for (const appelant of new Set([monde.acteurs.anonyme, acteur])) {
        const defauts = defautsEntetes(await appeler(appelant, route));
        if (defauts.length) ecarts.push(`${cleRoute(route)} par ${appelant.cle} : ${defauts.join(' ; ')}`);
      }
    }
    expect(ecarts).toEqual([]);
  }, 600_000);

  it('une réponse qui peut porter des données personnelles (toute route non publique, la session, une invitation) interdit sa mise en cache', async () => {
    const routes = routesBalayees(t.app.routesDeclarees).filter(personnelle);
    expect(routes.map(cleRoute)).toContain('GET /api/v1/session');
    const ecarts: string[] = [];
    for (const route of routes) {
      const acteur = acteurQuiFranchit(acteurs(), route);
      await acteur.rouvrirSession();
      // The refusal too: a shared cache must not keep even a 401 in place of the real answer.
      for (const appelant of new Set([monde.acteurs.anonyme, acteur])) {
        const reponse = await appeler(appelant, route);
        if (!neSeGardePas(reponse)) ecarts.push(`${cleRoute(route)} par ${appelant.cle} : cache-control ${reponse.headers['cache-control'] ?? 'absent'}`);
      }
    }
    expect(ecarts).toEqual([]);
  }, 600_000);

  it('une fiche publique de l’annuaire peut être gardée en cache : l’interdiction ne vise que les données personnelles', async () => {
    const reponse = await monde.acteurs.anonyme.client.get('/api/v1/referentiels');
    expect(reponse.statusCode).toBe(200);
    expect(neSeGardePas(reponse)).toBe(false);
  });
});

describe('S11 : cookies de session en production', () => {
  let prod: AppDeTest;
  beforeAll(async () => {
    // Production refuses the reduced hashing cost of the tests: this application hashes at 2^17.
    prod = await creerAppDeTest({
      ...ENV_BALAYAGE,
      NODE_ENV: 'production',
      COOKIE_SECURISE: 'true',
      SMTP_URL: 'smtp://127.0.0.1:2525',
      MOT_DE_PASSE_COUT_SCRYPT: String(PARAMETRES_SCRYPT.log2N),
    });
  });
  afterAll(async () => prod?.close());

  it('les cookies de session et CSRF sont préfixés __Host-, Secure, HttpOnly, SameSite, Path=/ et sans Domain', async () => {
    const compte = await creerCompte(prod.database.db, { type: 'personne' });
    const client = new ClientHttp(prod.app);
    const session = await client.get('/api/v1/session');
    const connexion = await client.post('/api/v1/connexion', { email: compte.email, mot_de_passe: compte.motDePasse });
    expect(connexion.statusCode).toBe(200);

    const cookies = [session, connexion].flatMap((r) => parseSetCookie(r.headers['set-cookie'] as string | string[]));
    expect(cookies.map((c) => c.name).toSorted()).toEqual(['__Host-trajectoires_csrf', '__Host-trajectoires_session']);
    for (const cookie of cookies) {
      expect(cookie, cookie.name).toMatchObject({ secure: true, httpOnly: true, path: '/' });
      expect(['lax', 'strict'], cookie.name).toContain(String(cookie.sameSite).toLowerCase());
      expect(cookie.domain, cookie.name).toBeUndefined();
    }
  });
});
