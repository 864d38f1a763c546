import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { PERMISSIONS, type Permission, detientPermission, estConnecte, secondFacteurAttendu } from '../modules/identite/index.js';
import { AppError } from '../shared/erreurs.js';

/**
 * Every route says who may call it:
 * - `{ public: raison }`: anyone, signed in or not;
 * - `{ connecte: raison }`: any signed-in account, even before its second factor (sign-out,
 *   second-factor enrolment, own session);
 * - `{ permission }`: a signed-in account whose roles grant the permission, second factor done
 *   when its roles require one. The service's policy then decides on the record itself.
 * State-changing routes also need the CSRF token, unless `sansJetonCsrf` says why not.
 */
export type Access = ({ public: string } | { connecte: string } | { permission: Permission }) & { sansJetonCsrf?: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** Routes registered by third-party plugins (documentation UI), with the reason they are public. */
const pluginRoutes: { prefix: string; raison: string }[] = [{ prefix: '/api/docs', raison: 'documentation publique de l’API' }];

export interface RouteDeclaree {
  method: string;
  url: string;
  access: Access;
  /** The route's validation schemas (Zod), kept for the security sweeps of the test suite. */
  schema: RouteOptions['schema'];
}

/**
 * Refuses to boot when a route declares no access: deny by default is checked at start-up,
 * not remembered by reviewers. Returns the list of declared routes for the security tests.
 */
export function enforceAccessDeclarations(app: FastifyInstance): RouteDeclaree[] {
  const routes: RouteDeclaree[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const methods = (Array.isArray(route.method) ? route.method : [route.method]).filter((m) => m !== 'HEAD');
    const plugin = pluginRoutes.find((p) => route.url.startsWith(p.prefix));
    const access = route.config?.access ?? (plugin ? { public: plugin.raison } : undefined);
    if (!access) {
      throw new Error(`La route ${methods.join(',')} ${route.url} ne déclare pas d’accès (config.access).`);
    }
    for (const method of methods) routes.push({ method, url: route.url, access, schema: route.schema });
  });
  return routes;
}

export const nonConnecte = () =>
  new AppError('identite.non_connecte', 401, 'Vous devez être connecté pour accéder à cette ressource : connectez-vous puis réessayez.');

export const permissionRefusee = () =>
  new AppError('identite.acces_refuse', 403, 'Votre rôle ne permet pas cette action. Si vous en avez besoin, adressez-vous au responsable de votre structure.');

export const secondFacteurManquant = () =>
  new AppError(
    'identite.second_facteur_requis',
    403,
    'Votre rôle donne accès à des données personnelles : validez d’abord votre second facteur d’authentification (application TOTP).',
  );

/** The route's declared access, or the plugin default (documentation). */
function accessDe(req: FastifyRequest): Access | undefined {
  return req.routeOptions.config?.access ?? (pluginRoutes.some((p) => req.url.startsWith(p.prefix)) ? { public: 'plugin' } : undefined);
}

/**
 * Checks the declared access before anything else runs (body, validation, handler): a signed-out
 * visitor gets 401, a role without the permission 403. A route without declaration (a 404) passes
 * through to the not-found handler.
 */
export function verifierAcces(req: FastifyRequest): void {
  const access = accessDe(req);
  if (!access || 'public' in access) return;
  const { acteur } = req.ctx;
  if (!estConnecte(acteur)) throw nonConnecte();
  if ('connecte' in access) return;
  if (secondFacteurAttendu(acteur) && !acteur.session.secondFacteur) throw secondFacteurManquant();
  if (!detientPermission(acteur, access.permission)) throw permissionRefusee();
}

/**
 * Whether the answer must not be kept by any cache: every route that is not public may carry
 * personal data (its refusals too, so that no cache serves a 401 in place of the real answer).
 */
export function interditCache(req: FastifyRequest): boolean {
  const access = accessDe(req);
  return !!access && !('public' in access);
}

/** Whether a call with this method to a route with this access must carry the CSRF token. */
function jetonCsrfExige(method: string, access: Access | undefined): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return false;
  return !access?.sansJetonCsrf;
}

export function exigeJetonCsrf(req: FastifyRequest): boolean {
  return jetonCsrfExige(req.method, accessDe(req));
}

/** Names of the OpenAPI security schemes: the session cookie and the CSRF header. */
export const SCHEMAS_SECURITE = { session: 'session', csrf: 'jetonCsrf' } as const;

export interface DocumentationAcces {
  /** OpenAPI security requirement: `[]` when the call needs neither a session nor a CSRF token. */
  security: Record<string, string[]>[];
  'x-acces': 'public' | 'connecte' | 'permission';
  'x-permission'?: Permission;
  /** The sentence that tells a reader who may call the operation. */
  texte: string;
}

/**
 * What the API description says about one operation, derived from the route's declaration so that
 * the document and the checks of `verifierAcces` and `exigeJetonCsrf` cannot say different things.
 */
export function documenterAcces(method: string, access: Access): DocumentationAcces {
  const csrf = jetonCsrfExige(method, access);
  const exigences = (session: boolean): Record<string, string[]>[] => {
    const exigence: Record<string, string[]> = {};
    if (session) exigence[SCHEMAS_SECURITE.session] = [];
    if (csrf) exigence[SCHEMAS_SECURITE.csrf] = [];
    return Object.keys(exigence).length > 0 ? [exigence] : [];
  };
  const suffixeCsrf = csrf ? ' Jeton CSRF exigé (en-tête x-csrf-token).' : '';
  if ('public' in access) return { security: exigences(false), 'x-acces': 'public', texte: `Accès public : ${access.public}.${suffixeCsrf}` };
  if ('connecte' in access) {
    return { security: exigences(true), 'x-acces': 'connecte', texte: `Accès : tout compte connecté (${access.connecte}).${suffixeCsrf}` };
  }
  return {
    security: exigences(true),
    'x-acces': 'permission',
    'x-permission': access.permission,
    texte: `Permission requise : ${access.permission} (${PERMISSIONS[access.permission]}).${suffixeCsrf}`,
  };
}
