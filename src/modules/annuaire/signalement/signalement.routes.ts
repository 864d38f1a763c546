import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConfigSocle } from '../../../shared/config.js';
import { erreurSchema, reponsesErreurAvec404 } from '../../../shared/reponses.js';
import { signalementCorps, signalementCree, signalementParams, signalementTraite, signalementsQuery, signalementsReponse } from './signalement.contract.js';
import * as service from './signalement.service.js';

const tags = ['Gestion de l’annuaire'];
const lire = { permission: 'annuaire.signalement.lire' } as const;
const erreurs = { ...reponsesErreurAvec404, 401: erreurSchema, 403: erreurSchema };

/** Reports per address and per hour: enough for a person, too few to flood a structure's inbox. */
export const SIGNALEMENTS_PAR_HEURE = 5;

export const signalementRoutes: FastifyPluginAsyncZod<{ config: ConfigSocle }> = async (app, { config }) => {
  app.post(
    '/api/v1/signalements',
    {
      config: {
        access: { public: 'chacun peut signaler une erreur dans l’annuaire public' },
        rateLimit: { max: SIGNALEMENTS_PAR_HEURE, timeWindow: '1 hour' },
      },
      schema: {
        tags: ['Annuaire'],
        summary: 'Signaler une erreur sur une structure, un lieu ou un service',
        description: `Jeton CSRF requis (GET /api/v1/session). ${SIGNALEMENTS_PAR_HEURE} signalements par heure et par adresse IP.`,
        body: signalementCorps,
        response: { 201: signalementCree, ...reponsesErreurAvec404, 403: erreurSchema },
      },
    },
    async (req, reply) => {
      const { id, echecsEnvoi } = await service.signalerErreur(req.ctx, req.body, { urlPublique: config.URL_PUBLIQUE });
      for (const err of echecsEnvoi) req.log.error({ err, signalement: id }, 'signalement enregistré, courriel non remis');
      reply.status(201);
      return { id };
    },
  );

  app.get(
    '/api/v1/gestion/signalements',
    {
      config: { access: lire },
      schema: {
        tags,
        summary: 'Signalements d’erreur sur les structures gérées (ou sur l’une d’elles)',
        querystring: signalementsQuery,
        response: { 200: signalementsReponse, ...erreurs },
      },
    },
    async (req) => service.listerSignalements(req.ctx, req.query),
  );

  app.post(
    '/api/v1/gestion/signalements/:id/traitement',
    {
      config: { access: lire },
      schema: {
        tags,
        summary: 'Marquer un signalement comme traité (l’adresse de la personne est alors effacée)',
        params: signalementParams,
        response: { 200: signalementTraite, ...erreurs },
      },
    },
    async (req) => service.traiterSignalement(req.ctx, req.params.id),
  );
};
