import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/client.js';
import { recordAudit } from '../../modules/audit/index.js';
import { estConnecte, nomsCookies, optionsCookie, reglagesSession, resoudreSession } from '../../modules/identite/index.js';
import { exigeJetonCsrf, interditCache, verifierAcces } from '../access.js';
import type { Config } from '../config.js';
import { AppError } from '../../shared/erreurs.js';

const requeteEtrangere = () => new AppError('securite.origine_refusee', 403, 'Requête refusée : elle vient d’un autre site. Utilisez directement le service.');

/** A state-changing request from another site: refused on the browser's own word (Origin, Sec-Fetch-Site). */
function estEtrangere(req: FastifyRequest): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origine = req.headers.origin;
  if (!origine || origine === 'null') return origine === 'null';
  try {
    return new URL(origine).host !== req.headers.host;
  } catch {
    return true;
  }
}

/**
 * Session → actor, CSRF and the access gate, on every request and before the body is read:
 * a denied request costs one session lookup and nothing else.
 */
export async function installerSecurite(app: FastifyInstance, config: Config, database: Database): Promise<void> {
  const cookies = nomsCookies(config);
  const reglages = reglagesSession(config);
  await app.register(cookie);
  await app.register(csrf, {
    cookieKey: cookies.csrf,
    cookieOpts: { ...optionsCookie(config), sameSite: 'strict' },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });

  // Set before any check can refuse: the refusal is then covered as well as the answer.
  app.addHook('onRequest', async (req, reply) => {
    if (interditCache(req)) reply.header('cache-control', 'no-store');
  });
  app.addHook('onRequest', async (req) => {
    // Pages and built assets carry no data: no session lookup for them.
    if (!req.url.startsWith('/api/')) return;
    req.ctx.acteur = await resoudreSession(database.db, req.cookies[cookies.session], req.ctx.now(), reglages);
  });
  app.addHook('onRequest', (req, reply, done) => {
    if (!exigeJetonCsrf(req)) return done();
    if (estEtrangere(req)) return done(requeteEtrangere());
    app.csrfProtection(req, reply, done);
  });
  app.addHook('onRequest', async (req) => {
    try {
      verifierAcces(req);
    } catch (refus) {
      // A signed-in account refused by the gate is worth a trace (probing, stolen session);
      // signed-out visitors are not: their 401s would flood the trail with nothing to act on.
      const { acteur } = req.ctx;
      if (refus instanceof AppError && estConnecte(acteur)) {
        await database.db.transaction((tx) =>
          recordAudit(
            tx,
            {
              action: 'acces.route',
              resultat: 'refus',
              acteurUtilisateurId: acteur.utilisateurId,
              ip: req.ip,
              raison: refus.code,
              details: { methode: req.method, route: req.routeOptions.url ?? null },
            },
            req.ctx.now(),
          ),
        );
      }
      throw refus;
    }
  });
}
