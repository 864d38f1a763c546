import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { z } from 'zod';
import { ROLES_PERMISSIONS, type RoleActeur } from '../../src/modules/identite/index.js';
import type { Access, RouteDeclaree } from '../../src/server/access.js';
import type { ActeurDeTest, ProfilActeur } from '../harness/acteurs.js';

/**
 * The security sweeps start from the routes the application declares (`app.routesDeclarees`),
 * so a route added tomorrow is swept without anyone listing it.
 */

/** Settings of the application under sweep: no rate limit may answer in place of the gate. */
export const ENV_BALAYAGE: Record<string, string> = {
  RECHERCHE_LIMITE_PAR_MINUTE: '100000',
  CONNEXION_LIMITE_PAR_IP_MINUTE: '100000',
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

export type DecisionPorte =
  | { franchie: true }
  | { franchie: false; statut: 401 | 403; code: (typeof CODES_DE_LA_PORTE)[number] };

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
  options: { parametres?: Record<string, string>; corps?: unknown; sansCsrf?: boolean; entetes?: Record<string, string> } = {},
): Promise<LightMyRequestResponse> {
  return acteur.client.requete({
    method: route.method as 'GET',
    url: urlDe(route, options.parametres),
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
