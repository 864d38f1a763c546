import { readdirSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, type MockInstance, vi } from 'vitest';
import * as audit from '../../src/modules/audit/audit.service.js';
import * as permissions from '../../src/modules/identite/identite.permissions.js';
import { projectRoot } from '../../src/shared/config.js';
import { type AppDeTest, creerAppDeTest } from '../harness/app.js';
import { type ServeurSmtp, demarrerServeurSmtp } from '../harness/smtp.js';
import { type ActeurDeTest, CLES_ACTEURS, type MondeDeTest, creerActeurs } from '../harness/acteurs.js';
import { ClientHttp } from '../harness/client-http.js';
import { creerCompte } from '../factories/identite.js';
import { ENV_BALAYAGE, acteurQuiFranchit, appeler, appelerSurObjet, cleRoute, decisionPorte, resume, routesBalayees } from './balayage.js';
import { SCENARIOS_OBJETS } from './objets.js';

// S25: when a policy or the audit writer fails, the request fails closed: an error answer with
// the generic message and a reference, never a success, never the cause.

const PANNE = 'panne simulée pour le test S25';
const MESSAGE_GENERIQUE = 'Une erreur interne est survenue. Réessayez plus tard ; si elle persiste, signalez-la avec sa référence.';

let t: AppDeTest;
let monde: MondeDeTest;
let smtp: ServeurSmtp;

beforeAll(async () => {
  // Invitations of the object scenarios go out by mail.
  smtp = await demarrerServeurSmtp();
  t = await creerAppDeTest({ ...ENV_BALAYAGE, SMTP_URL: smtp.url });
  monde = await creerActeurs(t);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const routes = () => routesBalayees(t.app.routesDeclarees);
const acteurs = () => CLES_ACTEURS.map((c) => monde.acteurs[c]);

/** What is wrong with an answer given while a policy or the audit failed; empty when it failed closed. */
function defautsEchecFerme(reponse: LightMyRequestResponse): string[] {
  const defauts: string[] = [];
  if (reponse.statusCode < 400) defauts.push(`succès ${reponse.statusCode} malgré la panne`);
  if (reponse.body.includes(PANNE) || /\bat .+\.[jt]s:\d+/.test(reponse.body)) defauts.push('la cause ou la pile d’appels est montrée');
  if (reponse.statusCode >= 500) {
    const corps = reponse.json<{ erreur?: { code?: string; message?: string; reference?: unknown } }>();
    if (corps.erreur?.code !== 'erreur_interne' || corps.erreur.message !== MESSAGE_GENERIQUE) defauts.push('message non générique');
    if (typeof corps.erreur?.reference !== 'string' || corps.erreur.reference === '') defauts.push('sans référence');
  }
  return defauts;
}

/** Each route with an actor the gate lets through, and one it refuses when there is one. */
function appelsDuBalayage(): { route: ReturnType<typeof routes>[number]; acteur: ActeurDeTest }[] {
  return routes().flatMap((route) => {
    const refuse = acteurs().find((a) => a.type !== 'anonyme' && !decisionPorte(route.access, a).franchie);
    return [{ route, acteur: acteurQuiFranchit(acteurs(), route) }, ...(refuse ? [{ route, acteur: refuse }] : [])];
  });
}

/** Every exported function of every module's policy file. */
async function politiques(): Promise<{ fichier: string; module: Record<string, unknown> }[]> {
  const racine = path.join(projectRoot, 'src', 'modules');
  const fichiers = readdirSync(racine, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.policy.ts'));
  return Promise.all(fichiers.map(async (f) => ({ fichier: f, module: (await import(path.join(racine, f))) as Record<string, unknown> })));
}

describe('S25 : une panne de contrôle ou de journal fait échouer la requête, jamais réussir', () => {
  it('une exception dans le contrôle des permissions donne une erreur 500 générique avec sa référence sur toute route réservée', async () => {
    vi.spyOn(permissions, 'detientPermission').mockImplementation(() => {
      throw new Error(PANNE);
    });
    const ecarts: string[] = [];
    const reservees = routes().filter((r) => 'permission' in r.access);
    expect(reservees.length).toBeGreaterThan(0);
    for (const route of reservees) {
      const acteur = acteurQuiFranchit(acteurs(), route);
      await acteur.rouvrirSession();
      const reponse = await appeler(acteur, route);
      const defauts = defautsEchecFerme(reponse);
      if (reponse.statusCode !== 500 || defauts.length) ecarts.push(`${cleRoute(route)} par ${acteur.cle} : ${resume(reponse)} ${defauts.join(', ')}`);
    }
    expect(ecarts).toEqual([]);
  }, 600_000);

  it('une exception dans la politique d’un module ne laisse passer aucune requête qui la consulte', async () => {
    const espions: MockInstance[] = [];
    for (const { module } of await politiques()) {
      for (const [nom, valeur] of Object.entries(module)) {
        if (typeof valeur !== 'function') continue;
        espions.push(
          vi.spyOn(module as Record<string, (...args: unknown[]) => unknown>, nom).mockImplementation(() => {
            throw new Error(PANNE);
          }),
        );
      }
    }
    const consultations = () => espions.reduce((n, e) => n + e.mock.calls.length, 0);
    const ecarts: string[] = [];
    let consultees = 0;
    const verifier = (appel: string, reponse: LightMyRequestResponse, avant: number) => {
      if (consultations() === avant) return;
      consultees++;
      const defauts = defautsEchecFerme(reponse);
      if (defauts.length) ecarts.push(`${appel} : ${resume(reponse)} ${defauts.join(', ')}`);
    };
    for (const { route, acteur } of appelsDuBalayage()) {
      await acteur.rouvrirSession();
      const avant = consultations();
      verifier(`${cleRoute(route)} par ${acteur.cle}`, await appeler(acteur, route), avant);
    }
    for (const scenario of SCENARIOS_OBJETS) {
      for (const acteur of acteurs()) {
        const avant = consultations();
        verifier(`${scenario.route} par ${acteur.cle} sur un enregistrement de A`, await appelerSurObjet(t, monde, scenario, acteur, 'A'), avant);
      }
    }
    expect(ecarts).toEqual([]);
    // Without any call reaching a policy, the sweep above would prove nothing.
    if (SCENARIOS_OBJETS.length) expect(consultees).toBeGreaterThan(0);
  }, 600_000);
});

describe('S25 : journal d’audit en panne', () => {
  beforeAll(async () => {
    // The insert fails inside the caller's transaction, as a full disk or a revoked right would.
    await t.database.db.execute(sql`CREATE FUNCTION test_audit_en_panne() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'panne simulée pour le test S25'; END $$`);
    await t.database.db.execute(sql`CREATE TRIGGER test_audit_en_panne BEFORE INSERT ON audit_evenement
      FOR EACH ROW EXECUTE FUNCTION test_audit_en_panne()`);
  });
  afterAll(async () => {
    await t?.database.db.execute(sql`DROP TRIGGER IF EXISTS test_audit_en_panne ON audit_evenement`);
  });

  it('une connexion dont l’événement d’audit ne peut être écrit échoue en 500 générique, sans cookie de session', async () => {
    const compte = await creerCompte(t.database.db, { type: 'personne' });
    const client = new ClientHttp(t.app, '198.51.100.99');
    const reponse = await client.connecter(compte.email, compte.motDePasse);
    expect(reponse.statusCode).toBe(500);
    expect(defautsEchecFerme(reponse)).toEqual([]);
    expect(client.cookies.has('trajectoires_session')).toBe(false);
    expect((await client.get('/api/v1/session')).json()).toMatchObject({ connecte: false });
  });

  it('aucune requête dont l’événement d’audit ne peut être écrit ne réussit', async () => {
    const ecritures = vi.spyOn(audit, 'recordAudit');
    const ecarts: string[] = [];
    let journalisees = 0;
    const verifier = (appel: string, reponse: LightMyRequestResponse, avant: number) => {
      if (ecritures.mock.calls.length === avant) return;
      journalisees++;
      const defauts = defautsEchecFerme(reponse);
      if (defauts.length) ecarts.push(`${appel} : ${resume(reponse)} ${defauts.join(', ')}`);
    };
    for (const { route, acteur } of appelsDuBalayage()) {
      await acteur.rouvrirSession();
      const avant = ecritures.mock.calls.length;
      verifier(`${cleRoute(route)} par ${acteur.cle}`, await appeler(acteur, route), avant);
    }
    for (const scenario of SCENARIOS_OBJETS) {
      for (const acteur of acteurs()) {
        const avant = ecritures.mock.calls.length;
        verifier(`${scenario.route} par ${acteur.cle} sur un enregistrement de A`, await appelerSurObjet(t, monde, scenario, acteur, 'A'), avant);
      }
    }
    expect(ecarts).toEqual([]);
    expect(journalisees).toBeGreaterThan(0);
  }, 600_000);
});
