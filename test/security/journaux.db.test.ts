import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { nomsCookies } from '../../src/modules/identite/index.js';
import * as permissions from '../../src/modules/identite/identite.permissions.js';
import type { RouteDeclaree } from '../../src/server/access.js';
import { buildApp } from '../../src/server/app.js';
import { configDeTest } from '../harness/config.js';
import type { AppDeTest } from '../harness/app.js';
import { type MondeDeTest, creerActeurs } from '../harness/acteurs.js';
import { creerBaseDeTest } from '../harness/base.js';
import { ClientHttp } from '../harness/client-http.js';
import { corpsOuverture } from '../factories/dossier.js';
import { MOT_DE_PASSE_DE_TEST, creerCompte } from '../factories/identite.js';
import { ENV_BALAYAGE, ecrit, nomsParametres, routesBalayees, urlDe } from './balayage.js';

// S18: secrets a request carries (password, session cookie, CSRF token, second-factor code,
// recovery code, invitation token, identity provider's code) and what it says of a person (names,
// contact, health note) never reach the logs, even at the most verbose level and when the request
// fails, in the database included.

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

// What a person's file says, one canary per field, for the file that is written and for the two
// the database refuses (one on the person's row, one on the file's).
const PERSONNE = { prenom: 'Canariprenom', nom: 'Canarinom', courriel: 'canari.s18.courriel@exemple.fr', telephone: '+33 5 55 18 18 18' };
const NOTE = 'canari-s18-note-de-sante-3e4f';
const REFUSEE = { prenom: 'Canariprenomrefuse', nom: 'Canarinomrefuse' };
const NOTE_DE_LA_PERSONNE_REFUSEE = 'canari-s18-note-refusee-6a7b';
const NOTE_REFUSEE_EN_BASE = 'canari-s18-note-rejetee-par-la-base-8c9d';
const SESSION_INCONNUE = 'canari-s18-session-inconnue-2b3c';

function ouverture(structureId: string, personne: { prenom: string; nom: string; courriel?: string; telephone?: string }, note: string) {
  const corps = corpsOuverture({ structureId, sensible: { note } });
  return { ...corps, personne: { ...corps.personne, ...personne } };
}

describe('S18 : aucune donnée d’une personne dans les journaux', () => {
  it('les noms, le contact et la note de santé d’un dossier, et un cookie de session inconnu, n’apparaissent dans aucune ligne, même quand la base refuse l’écriture', async () => {
    const debut = lignes.length;
    const conseiller = monde.acteurs.conseillerA;
    await conseiller.rouvrirSession();
    // The database itself refuses these rows: the failing statement carries the canaries, and so
    // does the driver's error (`Failing row contains (…)`).
    await t.database.db.execute(sql.raw(`ALTER TABLE dossier_personne ADD CONSTRAINT essai_s18_personne CHECK (nom <> '${REFUSEE.nom}')`));
    await t.database.db.execute(sql.raw(`ALTER TABLE dossier ADD CONSTRAINT essai_s18_dossier CHECK (note_sensible <> '${NOTE_REFUSEE_EN_BASE}')`));

    const ouvert = await conseiller.client.post('/api/v1/dossiers', ouverture(monde.structureA, PERSONNE, NOTE));
    expect(ouvert.statusCode).toBe(201);
    const lu = await conseiller.client.get(`/api/v1/dossiers/${ouvert.json<{ id: string }>().id}`);
    expect(lu.statusCode).toBe(200);
    expect(lu.body).toContain(NOTE);

    const refusPersonne = await conseiller.client.post('/api/v1/dossiers', ouverture(monde.structureA, REFUSEE, NOTE_DE_LA_PERSONNE_REFUSEE));
    const refusDossier = await conseiller.client.post('/api/v1/dossiers', ouverture(monde.structureA, PERSONNE, NOTE_REFUSEE_EN_BASE));
    expect([refusPersonne.statusCode, refusDossier.statusCode]).toEqual([500, 500]);

    const inconnu = new ClientHttp(t.app, '198.51.100.78');
    const cookie = `${nomsCookies(t.config).session}=${SESSION_INCONNUE}`;
    expect((await inconnu.requete({ method: 'GET', url: '/api/v1/dossiers', headers: { cookie } })).statusCode).toBe(401);
    await inconnu.requete({ method: 'POST', url: '/api/v1/dossiers', headers: { cookie }, payload: ouverture(monde.structureA, PERSONNE, NOTE) });

    const journal = lignes.slice(debut).join('');
    const fuites = [...Object.values(PERSONNE), NOTE, ...Object.values(REFUSEE), NOTE_DE_LA_PERSONNE_REFUSEE, NOTE_REFUSEE_EN_BASE, SESSION_INCONNUE].filter(
      (canari) => journal.includes(canari),
    );
    expect(fuites).toEqual([]);
    // The failures stay useful: their kind, SQL state, constraint and statement are there.
    expect(journal).toContain('"code":"23514"');
    expect(journal).toContain('"constraint":"essai_s18_personne"');
    expect(journal).toContain('"constraint":"essai_s18_dossier"');
    expect(journal).toContain('"statement":"insert dossier_personne"');
  });
});
