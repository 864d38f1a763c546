import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import * as permissions from '../../src/modules/identite/identite.permissions.js';
import type { RouteDeclaree } from '../../src/server/access.js';
import { buildApp } from '../../src/server/app.js';
import { configDeTest } from '../harness/config.js';
import type { AppDeTest } from '../harness/app.js';
import { type MondeDeTest, creerActeurs } from '../harness/acteurs.js';
import { creerBaseDeTest } from '../harness/base.js';
import { ClientHttp } from '../harness/client-http.js';
import { MOT_DE_PASSE_DE_TEST, creerCompte } from '../factories/identite.js';
import { ENV_BALAYAGE, ecrit, nomsParametres, routesBalayees, urlDe } from './balayage.js';

// S18: secrets a request carries (password, session cookie, CSRF token, second-factor code,
// recovery code, invitation token, identity provider's code) never reach the logs, even at the
// most verbose level and when the request fails.

const CANARIS = {
  motDePasse: MOT_DE_PASSE_DE_TEST,
  mauvaisMotDePasse: 'canari-s18-mauvais-mot-de-passe-7f3a',
  texte: 'canari-s18-champ-9b1c',
  codeRecuperation: 'canari-s18-recuperation-4c2d',
  autorisation: 'canari-s18-autorisation-1d2e',
  jetonUrl: 'canari-s18-jeton-url-5e6f',
  codeFournisseur: 'canari-s18-code-oidc-8a9b',
  etatFournisseur: 'canari-s18-etat-oidc-0c1d',
};
// Six digits may appear inside a timestamp: searched only as a whole number.
const CODE_TOTP = '583920';

let t: AppDeTest;
let monde: MondeDeTest;
const lignes: string[] = [];

beforeAll(async () => {
  const database = await creerBaseDeTest();
  const config = configDeTest(ENV_BALAYAGE);
  const capture = new Writable({
    write(morceau, _encodage, suite) {
      lignes.push(String(morceau));
      suite();
    },
  });
  const app = await buildApp({ config, database, logger: { level: 'trace', stream: capture } });
  await app.ready();
  t = {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
  monde = await creerActeurs(t);
});
afterAll(async () => t?.close());

/** A body whose every field holds a canary the field accepts when one fits (the TOTP code, a recovery code), text otherwise. */
function corpsCanari(route: RouteDeclaree): Record<string, string> {
  const corps = (route.schema as { body?: unknown } | undefined)?.body;
  if (!(corps instanceof z.ZodObject)) return { mot_de_passe: CANARIS.texte, code: CODE_TOTP };
  const candidats = [CODE_TOTP, CANARIS.codeRecuperation, CANARIS.texte];
  return Object.fromEntries(
    Object.entries(corps.shape as Record<string, z.ZodType>).map(([cle, champ]) => [cle, candidats.find((v) => champ.safeParse(v).success) ?? CANARIS.texte]),
  );
}

describe('S18 : aucun secret dans les journaux', () => {
  it('les mots de passe, cookies, jetons et codes d’une requête n’apparaissent dans aucune ligne de journal, même au niveau trace', async () => {
    const compte = await creerCompte(t.database.db, { type: 'personne' });
    const client = new ClientHttp(t.app, '198.51.100.77');
    await client.connecter(compte.email, CANARIS.mauvaisMotDePasse);
    expect((await client.connecter(compte.email, CANARIS.motDePasse)).statusCode).toBe(200);
    const secretsRecus = new Set([...client.cookies.values(), client.jetonCsrf!]);
    expect(secretsRecus.size).toBeGreaterThanOrEqual(3);

    // A person and an administrator between them get through the gate of every route, so that
    // the secrets also travel down to the services.
    const balayer = async () => {
      for (const route of routesBalayees(t.app.routesDeclarees)) {
        for (const acteur of [monde.acteurs.personne, monde.acteurs.admin]) {
          await acteur.rouvrirSession();
          const parametres = Object.fromEntries(nomsParametres(route.url).map((nom) => [nom, /jeton/i.test(nom) ? CANARIS.jetonUrl : randomUUID()]));
          await acteur.client.requete({
            method: route.method as 'GET',
            url: `${urlDe(route, parametres)}?code=${CANARIS.codeFournisseur}&state=${CANARIS.etatFournisseur}`,
            headers: { authorization: `Bearer ${CANARIS.autorisation}` },
            ...(ecrit(route) ? { payload: corpsCanari(route) } : {}),
          });
          for (const secret of [...acteur.client.cookies.values(), acteur.client.jetonCsrf!]) secretsRecus.add(secret);
        }
      }
    };
    await balayer();
    // Failing requests are logged with their error: the same secrets, through the 500 path.
    vi.spyOn(permissions, 'detientPermission').mockImplementation(() => {
      throw new Error('panne simulée pour le test S18');
    });
    try {
      await balayer();
    } finally {
      vi.restoreAllMocks();
    }

    const journal = lignes.join('');
    expect(journal, 'le journal capturé doit contenir les requêtes').toContain('incoming request');
    expect(journal, 'les requêtes restent journalisées, secrets masqués').toContain('code=***');
    const fuites = [...Object.values(CANARIS), ...secretsRecus].filter((canari) => journal.includes(canari));
    if (new RegExp(`(?<!\\d)${CODE_TOTP}(?!\\d)`).test(journal)) fuites.push(CODE_TOTP);
    expect(fuites).toEqual([]);
  }, 600_000);
});
