import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RouteDeclaree } from '../../src/server/access.js';
import { buildApp } from '../../src/server/app.js';
import { LONGUEUR_MAX_PARAMETRE } from '../../src/server/errors.js';
import { type AppDeTest, creerAppDeTest } from '../harness/app.js';
import { CLES_ACTEURS, type MondeDeTest, creerActeurs } from '../harness/acteurs.js';
import { type ServeurSmtp, demarrerServeurSmtp } from '../harness/smtp.js';
import { casDeCeMoteur } from '../harness/base.js';
import { contientInstockable } from '../../src/shared/zod.js';
import { ENV_BALAYAGE, acteurQuiFranchit, cleRoute, ecrit, nomsParametres, routesBalayees, urlDe } from './balayage.js';
import { SCENARIOS_OBJETS } from './objets.js';

// S13: random valid and invalid inputs on every route give 2xx/4xx only, never a stack trace or SQL.
const RUNS_PAR_ROUTE = Number(process.env.FUZZ_RUNS ?? 1000);
// Routes without parameters ignore their input: a few runs show it, more only repeat the same work.
const RUNS_SANS_PARAMETRE = 5;
// A write goes through validation, policy, transaction and audit: fewer runs, each one deeper.
const RUNS_PAR_ECRITURE = Number(process.env.FUZZ_RUNS_ECRITURE ?? 100);

/**
 * Texts a PostgreSQL `text` or `jsonb` column refuses (NUL) or that RFC 8785, the audit chain's
 * canonical JSON, refuses (a UTF-16 surrogate left alone, high or low, at either end, or a pair in
 * the wrong order), alone or inside ordinary text.
 */
const INSTOCKABLES = ['\u0000', 'a\u0000b', '\u0000'.repeat(3), '\uD800', '\uDBFF', '\uDC00', '\uDFFF', 'x\uD83Dy', 'Léa\uDE00', '\uDE00\uD83D', '😀\uD800'];

/**
 * Query-string bytes a client may send raw, each a way of spelling NUL or a text that is not
 * UTF-8: overlong NUL, a surrogate encoded in UTF-8 (CESU), an invalid byte, a code point
 * beyond U+10FFFF, a truncated sequence.
 */
const OCTETS_BRUTS = ['%00', '%C0%80', '%ED%A0%80', '%ED%BF%BF', '%FF', '%F4%90%80%80', '%E2%82'];

/**
 * JSON bodies RFC 8785 cannot put in canonical form (a number beyond the double range reads as
 * Infinity) or that carry the refused texts as JSON escapes.
 */
const JSON_BRUTS = (cle: string) => [
  `{"${cle}":1e400}`,
  `{"${cle}":-1e400}`,
  `{"${cle}":"\\u0000"}`,
  `{"${cle}":"\\ud800"}`,
  `{"${cle}":"a\\udfffb"}`,
  `{"${cle}":["\\u0000"]}`,
  `{"${cle}":{"\\u0000":"\\ud800"}}`,
];

const hostiles = [
  ...INSTOCKABLES,
  '\uFFFE',
  '\uFFFF',
  '\uFDD0',
  '\uFEFF',
  '\u{10FFFF}',
  '\u2028\u2029',
  '\u001B[31m',
  '\u0001\u001F\u007F',
  '\u0085',
  '\\u0000',
  "'; DROP TABLE annuaire_service; --",
  '\u202Eevil',
  '😀🇫🇷',
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'a'.repeat(10_000),
  ' ',
  '',
  '-1',
  '1e308',
  'NaN',
  '0x10',
  '33063,',
  ',,,',
  'null',
  '[]',
  '{}',
  '\\',
  '\u00A0',
  'é'.repeat(300),
  '2A004',
  '75',
  '64483',
  'se-former',
  'jeunes',
  'france-travail',
  'bilan de competance',
  '00000000-0000-4000-8000-000000000000',
];

const valeur = fc.oneof(
  fc.constantFrom(...hostiles),
  fc.tuple(fc.string({ maxLength: 12 }), fc.constantFrom(...INSTOCKABLES), fc.string({ maxLength: 12 })).map((parties) => parties.join('')),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.uuid().map(String),
  fc.array(fc.constantFrom('jeunes', 'tous-publics', 'se-former', 'x'), { maxLength: 4 }).map((a) => a.join(',')),
);

/**
 * A value as a raw client would put it in an address: a lone surrogate, which
 * `encodeURIComponent` refuses, is written as its three UTF-8-like bytes.
 */
function encoder(texte: string): string {
  return [...texte]
    .map((c) => {
      const code = c.charCodeAt(0);
      if (c.length > 1 || code < 0xd800 || code > 0xdfff) return encodeURIComponent(c);
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((o) => `%${o.toString(16).toUpperCase()}`).join('');
    })
    .join('');
}

const requeteEncodee = (query: Record<string, string>) =>
  Object.entries(query)
    .map(([cle, v]) => `${encoder(cle)}=${encoder(v)}`)
    .join('&');

/** Whether a value sent holds, in a key or a text at any depth, what the database cannot store. */
function porteInstockable(valeur: unknown): boolean {
  if (typeof valeur === 'string') return contientInstockable(valeur);
  if (Array.isArray(valeur)) return valeur.some(porteInstockable);
  if (valeur && typeof valeur === 'object') return Object.entries(valeur).some(([cle, v]) => contientInstockable(cle) || porteInstockable(v));
  return false;
}

/** Requests sent per route, and how many carried a text the database cannot store (or raw bytes spelling one). */
const envois = new Map<string, { requetes: number; hostiles: number }>();
function compter(route: string, hostile: boolean): void {
  const compte = envois.get(route) ?? { requetes: 0, hostiles: 0 };
  compte.requetes += 1;
  if (hostile) compte.hostiles += 1;
  envois.set(route, compte);
}
let defaillances = 0;

function clesDe(schema: unknown): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

const routesTestees = (routes: RouteDeclaree[]) => routes.filter((r) => !r.url.startsWith('/api/docs') && r.url !== '/*' && r.method === 'GET');

// A body field: any of the hostile strings, or a value of another JSON type than the schema expects.
const valeurDeCorps = fc.oneof(
  valeur,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(valeur, { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), valeur, { maxKeys: 3 }),
);

/** Whether an answer shows a server failure: a 5xx, a stack trace or SQL (counted for the summary). */
function defaillance(statut: number, corps: string): boolean {
  const echec = statut >= 500 || /\bat .+\.[jt]s:\d+|SELECT |INSERT |UPDATE |syntax error/i.test(corps);
  if (echec) defaillances += 1;
  return echec;
}

let t: AppDeTest;
let monde: MondeDeTest;
let smtp: ServeurSmtp;
beforeAll(async () => {
  // Random bodies may make valid invitations: they go out by mail.
  smtp = await demarrerServeurSmtp();
  t = await creerAppDeTest({ ...ENV_BALAYAGE, SMTP_URL: smtp.url });
  monde = await creerActeurs(t);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
  // The figures of the sweep, in its output: what was sent to each route, and what failed.
  const lignes = [...envois].map(
    ([route, { requetes, hostiles }]) => `  ${route} : ${requetes} requêtes, dont ${hostiles} hostiles (texte instockable, octets ou JSON bruts)`,
  );
  const total = [...envois.values()].reduce((somme, e) => somme + e.hostiles, 0);
  console.info(
    `Balayage S13 : ${hostiles.length} valeurs hostiles fixes (${INSTOCKABLES.length} instockables), ${OCTETS_BRUTS.length} octets bruts, ` +
      `${JSON_BRUTS('x').length} corps JSON bruts ; ${total} requêtes hostiles sur ${envois.size} routes ; ${defaillances} réponse(s) 5xx ou trace.\n${lignes.join('\n')}`,
  );
});

describe('S13 : les entrées aléatoires ne provoquent jamais d’erreur 5xx', () => {
  it('couvre au moins les routes de l’annuaire et du territoire', () => {
    const urls = routesTestees(t.app.routesDeclarees).map((r) => r.url);
    expect(urls).toEqual(expect.arrayContaining(['/api/v1/services', '/api/v1/services/:id', '/api/v1/sites', '/api/v1/communes']));
  });

  it('sur chaque route GET déclarée', async () => {
    for (const route of routesTestees(t.app.routesDeclarees)) {
      const schema = (route.schema ?? {}) as { querystring?: unknown; params?: unknown };
      const cles = [...clesDe(schema.querystring), 'inconnu'];
      const parametres = clesDe(schema.params);
      const requete = fc.record({
        query: fc.dictionary(fc.constantFrom(...cles), valeur, { maxKeys: 5 }),
        params: fc.tuple(...parametres.map(() => valeur)),
      });
      // Raw bytes first, once per query key and per path parameter: the encoder would escape them.
      for (const octets of OCTETS_BRUTS) {
        const urls = [
          ...cles.map((cle) => `${urlDe(route)}?${cle}=${octets}`),
          ...parametres.map((nom) => urlDe(route, { [nom]: 'OCTETS-BRUTS' }).replace('OCTETS-BRUTS', octets)),
        ];
        for (const url of urls) {
          const res = await t.app.inject({ method: 'GET', url });
          compter(cleRoute(route), true);
          if (defaillance(res.statusCode, res.body)) throw new Error(`${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
        }
      }
      await fc.assert(
        fc.asyncProperty(requete, async ({ query, params }) => {
          let url = route.url;
          parametres.forEach((nom, i) => {
            url = url.replace(`:${nom}`, encoder(params[i] ?? '') || 'x');
          });
          const chaine = requeteEncodee(query);
          const res = await t.app.inject({ method: 'GET', url: chaine ? `${url}?${chaine}` : url });
          compter(cleRoute(route), porteInstockable([query, params]));
          const corps = res.body;
          if (defaillance(res.statusCode, corps)) {
            throw new Error(`${route.url} ${JSON.stringify(query)} → ${res.statusCode} ${corps.slice(0, 300)}`);
          }
          if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json')) {
            expect(res.json().erreur.message).toMatch(/\S/);
          }
        }),
        schema.querystring || schema.params ? casDeCeMoteur(RUNS_PAR_ROUTE, 20261123) : { numRuns: RUNS_SANS_PARAMETRE, seed: 20261123 },
      );
    }
  }, 600_000);
});

describe('S13 : les corps aléatoires des requêtes qui modifient ne provoquent jamais d’erreur 5xx', () => {
  it('sur chaque route POST, PUT, PATCH et DELETE déclarée, appelée par un compte qui passe la porte, sur un enregistrement réel quand il y en a un', async () => {
    const acteurs = CLES_ACTEURS.map((c) => monde.acteurs[c]);
    const ecritures = routesBalayees(t.app.routesDeclarees).filter(ecrit);
    expect(ecritures.length).toBeGreaterThan(0);
    for (const route of ecritures) {
      const acteur = acteurQuiFranchit(acteurs, route);
      const scenario = SCENARIOS_OBJETS.find((s) => s.route === cleRoute(route));
      const cles = [...clesDe((route.schema as { body?: unknown } | undefined)?.body), 'inconnu'];
      await fc.assert(
        fc.asyncProperty(fc.dictionary(fc.constantFrom(...cles), valeurDeCorps, { maxKeys: 6 }), async (corps) => {
          const parametres = scenario ? (await scenario.preparer({ monde, t, structureId: monde.structureA })).parametres : {};
          await acteur.rouvrirSession();
          const res = await acteur.client.requete({ method: route.method as 'POST', url: urlDe(route, parametres), payload: corps });
          compter(cleRoute(route), porteInstockable(corps));
          if (defaillance(res.statusCode, res.body)) {
            throw new Error(`${cleRoute(route)} par ${acteur.cle} ${JSON.stringify(corps).slice(0, 300)} → ${res.statusCode} ${res.body.slice(0, 300)}`);
          }
        }),
        casDeCeMoteur(RUNS_PAR_ECRITURE, 20261125),
      );
      // JSON the serializer of the test cannot write: sent as raw text, once per body key.
      for (const brut of cles.flatMap(JSON_BRUTS)) {
        const parametres = scenario ? (await scenario.preparer({ monde, t, structureId: monde.structureA })).parametres : {};
        await acteur.rouvrirSession();
        const res = await acteur.client.requete({
          method: route.method as 'POST',
          url: urlDe(route, parametres),
          payload: brut,
          headers: { 'content-type': 'application/json' },
        });
        compter(cleRoute(route), true);
        if (defaillance(res.statusCode, res.body)) {
          throw new Error(`${cleRoute(route)} par ${acteur.cle} ${brut} → ${res.statusCode} ${res.body.slice(0, 300)}`);
        }
      }
    }
  }, 1_800_000);
});

describe('S13 : un paramètre d’adresse trop long', () => {
  it('répond 414 parametre_trop_long sur chaque route à paramètre, sans répéter la valeur, que le front soit construit ou non', async () => {
    // Whether the front is built decides whether the site's catch-all route exists: it must not
    // change the answer.
    const site = await mkdtemp(path.join(tmpdir(), 'site-web-'));
    await writeFile(path.join(site, 'index.html'), '<!doctype html><title>Trajectoires</title>');
    const ecarts: string[] = [];
    try {
      for (const siteWeb of [site, path.join(site, 'absent')]) {
        const app = await buildApp({ config: t.config, database: t.database, logger: false, siteWeb });
        await app.ready();
        try {
          const aParametres = routesBalayees(app.routesDeclarees).filter((r) => nomsParametres(r.url).length > 0);
          expect(aParametres.length).toBeGreaterThan(5);
          for (const route of aParametres) {
            for (const nom of nomsParametres(route.url)) {
              const valeur = `canari${'é'.repeat(LONGUEUR_MAX_PARAMETRE)}`;
              const res = await monde.acteurs.anonyme.client.requete({
                method: route.method as 'GET',
                url: urlDe(route, { [nom]: valeur }),
                ...(ecrit(route) ? { payload: {} } : {}),
              });
              const corps = res.body;
              if (
                res.statusCode !== 414 ||
                !corps.includes('"code":"parametre_trop_long"') ||
                corps.includes('canari') ||
                res.headers['x-content-type-options'] !== 'nosniff'
              ) {
                ecarts.push(`${cleRoute(route)} :${nom} (${siteWeb === site ? 'front construit' : 'front absent'}) → ${res.statusCode} ${corps.slice(0, 200)}`);
              }
            }
          }
        } finally {
          await app.close();
        }
      }
    } finally {
      await rm(site, { recursive: true, force: true });
    }
    expect(ecarts).toEqual([]);
  });
});
