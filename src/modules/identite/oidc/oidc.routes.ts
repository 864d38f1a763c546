import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConfigSocle } from '../../../shared/config.js';
import { nomsCookies, optionsCookie, reglagesSession } from '../identite.cookies.js';
import { reponsesErreur } from '../../../shared/reponses.js';
import { creerClientsOidc } from './oidc.client.js';
import type { ConfigOidc, IdFournisseur } from './oidc.config.js';
import { demarrageParametres, demarrageRequete, fournisseursReponse } from './oidc.contract.js';
import { EchecConnexionOidc, fournisseurIndisponible } from './oidc.errors.js';
import { DUREE_ETAT_SECONDES } from './oidc.etat.js';
import * as service from './oidc.service.js';

/**
 * Sign-in through ProConnect (agents) and FranceConnect (people). Both routes are top-level
 * browser navigations: they answer with redirects, never with a JSON error.
 */
export const oidcRoutes: FastifyPluginAsyncZod<{ config: ConfigSocle & ConfigOidc }> = async (app, { config }) => {
  const clients = creerClientsOidc(config);
  const cookieSession = nomsCookies(config).session;
  const cookieEtat = `${config.COOKIE_SECURISE ? '__Host-' : ''}trajectoires_oidc`;
  const reglages = reglagesSession(config);
  const chemin = (id: IdFournisseur) => `/api/v1/connexion/oidc/${id}`;

  /** Back to the sign-in page with the reason's code only: the details stay in the server's log. */
  function versPageConnexion(req: FastifyRequest, reply: FastifyReply, erreur: unknown) {
    if (!(erreur instanceof EchecConnexionOidc)) throw erreur;
    req.log.warn({ err: erreur.cause ?? erreur, code: erreur.code }, 'connexion par fournisseur d’identité non aboutie');
    return reply.redirect(`/connexion?erreur=${erreur.code}`, 303);
  }

  app.get(
    '/api/v1/connexion/fournisseurs',
    {
      config: { access: { public: 'la page de connexion propose les fournisseurs d’identité configurés' } },
      schema: {
        tags: ['Identité'],
        summary: 'Fournisseurs d’identité proposés (ProConnect pour les agents, FranceConnect pour les personnes)',
        response: { 200: fournisseursReponse, ...reponsesErreur },
      },
    },
    async () => ({
      fournisseurs: [...clients.values()].map((c) => ({ id: c.id, libelle: c.libelle, public: c.public, url: chemin(c.id) })),
    }),
  );

  app.get(
    '/api/v1/connexion/oidc/:fournisseur',
    {
      config: { access: { public: 'début de la connexion par un fournisseur d’identité' } },
      schema: {
        tags: ['Identité'],
        summary: 'Redirige vers le fournisseur d’identité (PKCE, state et nonce gardés dans un cookie signé)',
        params: demarrageParametres,
        querystring: demarrageRequete,
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      try {
        const client = clients.get(req.params.fournisseur as IdFournisseur);
        if (!client) throw fournisseurIndisponible();
        const { url, etatScelle } = await service.demarrerConnexionOidc(req.ctx, client, req.query.retour);
        reply.setCookie(cookieEtat, etatScelle, { ...optionsCookie(config), maxAge: DUREE_ETAT_SECONDES });
        return reply.redirect(url, 303);
      } catch (erreur) {
        return versPageConnexion(req, reply, erreur);
      }
    },
  );

  app.get(
    '/api/v1/connexion/oidc/:fournisseur/retour',
    {
      config: {
        // A top-level GET coming from the provider's site: no CSRF token can ride along; the
        // state bound to this browser's cookie plays that part.
        access: { public: 'retour du fournisseur d’identité après connexion' },
        // Each return costs a round trip to the provider.
        rateLimit: { max: config.CONNEXION_LIMITE_PAR_IP_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['Identité'],
        summary: 'Retour du fournisseur d’identité : ouvre une session puis redirige vers la page demandée',
        params: demarrageParametres,
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const etatScelle = req.cookies[cookieEtat];
      // One attempt, one return: the attempt is spent whatever happens next.
      reply.clearCookie(cookieEtat, optionsCookie(config));
      try {
        const client = clients.get(req.params.fournisseur as IdFournisseur);
        if (!client) throw fournisseurIndisponible();
        const debutRequete = req.url.indexOf('?');
        const requete = debutRequete === -1 ? '' : req.url.slice(debutRequete + 1);
        const { jeton, retour } = await service.terminerConnexionOidc(req.ctx, client, requete, etatScelle, reglages);
        reply.setCookie(cookieSession, jeton, optionsCookie(config));
        return reply.redirect(retour, 303);
      } catch (erreur) {
        return versPageConnexion(req, reply, erreur);
      }
    },
  );
};
