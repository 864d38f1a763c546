import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConfigSocle } from '../../shared/config.js';
import { nomsCookies, optionsCookie, reglagesSession } from './identite.cookies.js';
import { erreurSchema, reponsesErreur } from '../../shared/reponses.js';
import { connexionCorps, connexionReponse, deconnexionReponse, sessionReponse } from './identite.contract.js';
import * as service from './identite.service.js';
import { secondFacteurRoutes } from './second-facteur/second-facteur.routes.js';

const erreursConnexion = { ...reponsesErreur, 401: erreurSchema, 403: erreurSchema };

export const identiteRoutes: FastifyPluginAsyncZod<{ config: ConfigSocle }> = async (app, { config }) => {
  const cookies = nomsCookies(config);
  const reglages: service.ReglagesConnexion = {
    ...reglagesSession(config),
    attentesSecondes: config.CONNEXION_ATTENTES_SECONDES,
    echecsAvantVerrou: config.CONNEXION_ECHECS_AVANT_VERROU,
    verrouMinutes: config.CONNEXION_VERROU_MINUTES,
    oubliHeures: config.CONNEXION_OUBLI_HEURES,
  };
  await app.register(secondFacteurRoutes, { config, reglages });

  app.get(
    '/api/v1/session',
    {
      config: { access: { public: 'dit à chacun s’il est connecté, et donne le jeton CSRF des formulaires' } },
      schema: {
        tags: ['Identité'],
        summary: 'Session en cours, rôles, permissions et jeton CSRF',
        response: { 200: sessionReponse, ...reponsesErreur },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.lireSession(req.ctx, reply.generateCsrf());
    },
  );

  app.post(
    '/api/v1/connexion',
    {
      config: {
        access: { public: 'connexion par mot de passe' },
        // Per caller's IP; the delay and lock-out per address tried live in the service.
        rateLimit: { max: config.CONNEXION_LIMITE_PAR_IP_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['Identité'],
        summary: 'Se connecter avec son adresse et son mot de passe',
        body: connexionCorps,
        response: { 200: connexionReponse, ...erreursConnexion },
      },
    },
    async (req, reply) => {
      const { etape, jeton } = await service.connecterAvecMotDePasse(req.ctx, req.body, reglages);
      reply.setCookie(cookies.session, jeton, optionsCookie(config)).header('cache-control', 'no-store');
      return { etape };
    },
  );

  app.post(
    '/api/v1/deconnexion',
    {
      config: { access: { connecte: 'chacun peut fermer sa session' } },
      schema: { tags: ['Identité'], summary: 'Fermer cette session', response: { 200: deconnexionReponse, ...erreursConnexion } },
    },
    async (req, reply) => {
      const sessions_fermees = await service.deconnecter(req.ctx);
      reply.clearCookie(cookies.session, optionsCookie(config));
      return { sessions_fermees };
    },
  );

  app.post(
    '/api/v1/deconnexion/partout',
    {
      config: { access: { connecte: 'chacun peut fermer toutes ses sessions' } },
      schema: {
        tags: ['Identité'],
        summary: 'Fermer toutes ses sessions, sur tous les appareils',
        response: { 200: deconnexionReponse, ...erreursConnexion },
      },
    },
    async (req, reply) => {
      const sessions_fermees = await service.deconnecterPartout(req.ctx);
      reply.clearCookie(cookies.session, optionsCookie(config));
      return { sessions_fermees };
    },
  );
};
