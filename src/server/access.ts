import type { FastifyInstance, RouteOptions } from 'fastify';

/**
 * Every route says who may call it. Today the directory is public reference data; the
 * identity module will add `{ permission: '<module>.<action>' }`.
 */
export type Access = { public: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** Routes registered by third-party plugins (documentation UI), with the reason they are public. */
const pluginRoutes: { prefix: string; raison: string }[] = [
  { prefix: '/api/docs', raison: 'documentation publique de l’API' },
];

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
