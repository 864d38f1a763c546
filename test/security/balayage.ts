import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { z } from 'zod';
import { type Db, rows } from '../../src/db/client.js';
import { ROLES_PERMISSIONS, type RoleActeur } from '../../src/modules/identite/index.js';
import type { Access, RouteDeclaree } from '../../src/server/access.js';
import type { AppDeTest } from '../harness/app.js';
import type { ActeurDeTest, MondeDeTest, ProfilActeur } from '../harness/acteurs.js';
import { type ScenarioObjet, miroir, statutAttendu } from './objets.js';

/**
 * The security sweeps start from the routes the application declares (`app.routesDeclarees`),
 * so a route added tomorrow is swept without anyone listing it.
 */

/** Settings of the application under sweep: no rate limit may answer in place of the gate. */
export const ENV_BALAYAGE: Record<string, string> = {
  RECHERCHE_LIMITE_PAR_MINUTE: '100000',
  CONNEXION_LIMITE_PAR_IP_MINUTE: '100000',
  // The sweep reads far more records than an agent's day: vigilance would rightly suspend its actors.
  VIGILANCE_PLANCHER_ALERTE: '1000000',
  VIGILANCE_PLAFOND_LECTURES_JOUR: '1000000',
};

/**
 * The single-page route (`/*`, present once the front is built) serves files, and the API
 * documentation is a plugin's: neither reads data nor checks a session.
 */
export function routesBalayees(routes: readonly RouteDeclaree[]): RouteDeclaree[] {
  return routes
    .filter((r) => r.url !== '/*' && !r.url.startsWith('/api/docs'))
    .toSorted((a, b) => a.url.localeCompare(b.url) || a.method.localeCompare(b.method));
}

export const cleRoute = (r: Pick<RouteDeclaree, 'method' | 'url'>) => `${r.method} ${r.url}`;

export const METHODES_QUI_ECRIVENT = ['POST', 'PUT', 'PATCH', 'DELETE'];
export const ecrit = (r: RouteDeclaree) => METHODES_QUI_ECRIVENT.includes(r.method);

export function nomsParametres(url: string): string[] {
  return [...url.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
}

// A value the route's own schema accepts lets the call go past validation; the gate has
// already spoken by then, whatever the value.
const CANDIDATS_PARAMETRE = () => [randomUUID(), '75', '33063', 'proconnect', 'franceconnect', 'x'];

function valeurParametre(route: RouteDeclaree, nom: string): string {
  const params = (route.schema as { params?: unknown } | undefined)?.params;
  const schema = params instanceof z.ZodObject ? (params.shape as Record<string, z.ZodType>)[nom] : undefined;
  const candidats = CANDIDATS_PARAMETRE();
  return candidats.find((v) => !schema || schema.safeParse(v).success) ?? candidats[0]!;
}

/** The route's URL with its parameters filled: given values first, then a plausible value (a random uuid for an id). */
export function urlDe(route: RouteDeclaree, valeurs: Record<string, string> = {}): string {
  return route.url.replace(/:([A-Za-z0-9_]+)/g, (_, nom: string) => encodeURIComponent(valeurs[nom] ?? valeurParametre(route, nom)));
}

export const CODES_DE_LA_PORTE = ['identite.non_connecte', 'identite.acces_refuse', 'identite.second_facteur_requis'] as const;

export type DecisionPorte = { franchie: true } | { franchie: false; statut: 401 | 403; code: (typeof CODES_DE_LA_PORTE)[number] };

const FRANCHIE: DecisionPorte = { franchie: true };

export function rolesDu(profil: ProfilActeur): RoleActeur[] {
  if (profil.type === 'personne') return ['personne'];
  return profil.adhesions.map((a) => a.role);
}

/**
 * The reference model of the gate, read from the declaration and the role × permission table
 * alone: public lets everyone through; `connecte` any signed-in account; a permission needs a
 * role that holds it, and the second factor when one of the actor's roles requires it.
 */
export function decisionPorte(access: Access, profil: ProfilActeur): DecisionPorte {
  if ('public' in access) return FRANCHIE;
  if (profil.type === 'anonyme') return { franchie: false, statut: 401, code: 'identite.non_connecte' };
  if ('connecte' in access) return FRANCHIE;
  const definitions = rolesDu(profil).map((r) => ROLES_PERMISSIONS[r]);
  if (definitions.some((d) => d.secondFacteurRequis) && !profil.secondFacteur) {
    return { franchie: false, statut: 403, code: 'identite.second_facteur_requis' };
  }
  if (!definitions.some((d) => (d.permissions as readonly string[]).includes(access.permission))) {
    return { franchie: false, statut: 403, code: 'identite.acces_refuse' };
  }
  return FRANCHIE;
}

/** Whether a response is one of the gate's refusals. */
export function estRefusDeLaPorte(reponse: LightMyRequestResponse): boolean {
  if (reponse.statusCode !== 401 && reponse.statusCode !== 403) return false;
  const code = codeErreur(reponse);
  return (CODES_DE_LA_PORTE as readonly string[]).includes(code ?? '');
}

export function codeErreur(reponse: LightMyRequestResponse): string | undefined {
  try {
    return reponse.json<{ erreur?: { code?: string } }>().erreur?.code;
  } catch {
    return undefined;
  }
}

/** Calls a route as an actor: parameters filled, an empty JSON body on writes, the actor's CSRF token. */
export function appeler(
  acteur: ActeurDeTest,
  route: RouteDeclaree,
  options: {
    parametres?: Record<string, string>;
    requete?: Record<string, string>;
    corps?: unknown;
    sansCsrf?: boolean;
    entetes?: Record<string, string>;
  } = {},
): Promise<LightMyRequestResponse> {
  return acteur.client.requete({
    method: route.method as 'GET',
    url: urlDe(route, options.parametres),
    ...(options.requete ? { query: options.requete } : {}),
    ...(ecrit(route) ? { payload: (options.corps ?? {}) as object } : {}),
    ...(options.sansCsrf ? { sansCsrf: true } : {}),
    ...(options.entetes ? { headers: options.entetes } : {}),
  });
}

/** A response reduced to what a client can compare: status and body, without the request's own reference. */
export function reponseComparable(reponse: LightMyRequestResponse): { statut: number; corps: unknown } {
  let corps: unknown = reponse.body;
  try {
    corps = JSON.parse(reponse.body);
  } catch {
    // Not JSON: compared as text.
  }
  if (corps && typeof corps === 'object' && 'erreur' in corps) {
    const { reference: _reference, ...erreur } = (corps as { erreur: Record<string, unknown> }).erreur;
    corps = { ...corps, erreur };
  }
  return { statut: reponse.statusCode, corps };
}

export const resume = (reponse: LightMyRequestResponse) => `${reponse.statusCode} ${reponse.body.slice(0, 200)}`;

/** The first actor, in this order, that the gate lets through: a forged request is worth most with real rights. */
export function acteurQuiFranchit(acteurs: readonly ActeurDeTest[], route: RouteDeclaree): ActeurDeTest {
  const ordre = ['admin', 'responsableA', 'coordinateur75', 'conseillerA', 'personne', 'anonyme'];
  const candidats = ordre.flatMap((cle) => acteurs.filter((a) => a.cle === cle));
  return candidats.find((a) => decisionPorte(route.access, a).franchie) ?? candidats[0]!;
}

// A request's own session lookup refreshes the session's last activity: not a change the request made.
const COLONNES_IGNOREES = new Set(['identite_session.derniere_activite']);

/** A digest of every row of every table: equal before and after means the requests changed nothing. */
export async function empreinteBase(db: Db): Promise<Record<string, string>> {
  const colonnes = await rows<{ table_name: string; column_name: string }>(
    db,
    sql`SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name IN (SELECT tablename FROM pg_tables WHERE schemaname = 'public')
        ORDER BY table_name, ordinal_position`,
  );
  const parTable = new Map<string, string[]>();
  for (const c of colonnes) {
    if (COLONNES_IGNOREES.has(`${c.table_name}.${c.column_name}`)) continue;
    parTable.set(c.table_name, [...(parTable.get(c.table_name) ?? []), `"${c.column_name}"`]);
  }
  const empreintes: Record<string, string> = {};
  for (const [table, cols] of parTable) {
    const [ligne] = await rows<{ n: number; h: string }>(
      db,
      sql.raw(`SELECT count(*)::int AS n, md5(coalesce(string_agg(h, '' ORDER BY h), '')) AS h
               FROM (SELECT md5(ROW(${cols.join(', ')})::text) AS h FROM "${table}") x`),
    );
    empreintes[table] = `${ligne?.n} ${ligne?.h}`;
  }
  return empreintes;
}

export function routeDuScenario(routes: readonly RouteDeclaree[], scenario: ScenarioObjet): RouteDeclaree {
  const route = routes.find((r) => cleRoute(r) === scenario.route);
  if (!route) throw new Error(`test/security/objets.ts décrit ${scenario.route}, qui n’est plus déclarée.`);
  return route;
}

export type Proprietaire = 'A' | 'B' | null;

/**
 * The status an actor should get on a scenario's record held by A, by B (as A's twin would on
 * A's), or on a missing one (null); null when the actor has no twin on B's side.
 */
export function statutModele(route: RouteDeclaree, scenario: ScenarioObjet, acteur: ProfilActeur, proprietaire: Proprietaire): number | null {
  const decision = decisionPorte(route.access, acteur);
  if (!decision.franchie) return decision.statut;
  if (proprietaire === null) return scenario.absent?.[acteur.cle] ?? 404;
  if (proprietaire === 'A') return statutAttendu(scenario, acteur.cle);
  const jumeau = miroir(acteur.cle);
  return jumeau ? statutAttendu(scenario, jumeau) : null;
}

/** Prepares a fresh record of the scenario held by A or B (or names a missing one) and calls the route on it. */
export async function appelerSurObjet(
  t: AppDeTest,
  monde: MondeDeTest,
  scenario: ScenarioObjet,
  acteur: ActeurDeTest,
  proprietaire: Proprietaire,
): Promise<LightMyRequestResponse> {
  const structureId = proprietaire === 'B' ? monde.structureB : monde.structureA;
  const { parametres, corps, requete } = await scenario.preparer({ monde, t, structureId });
  if (proprietaire === null) parametres[scenario.parametreObjet ?? 'id'] = randomUUID();
  await acteur.rouvrirSession();
  return appeler(acteur, routeDuScenario(t.app.routesDeclarees, scenario), { parametres, corps, ...(requete ? { requete } : {}) });
}
