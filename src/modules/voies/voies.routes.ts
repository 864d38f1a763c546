import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConfigSocle } from '../../shared/config.js';
import { reponsesErreur } from '../../shared/reponses.js';
import { voiesQuery, voiesReponse } from './voies.contract.js';
import * as service from './voies.service.js';

export const voiesRoutes: FastifyPluginAsyncZod<{ config: ConfigSocle }> = async (app, { config }) => {
  await service.chargerVoies();

  app.get(
    '/api/v1/voies',
    {
      config: {
        access: { public: 'les voies d’accès à un métier et les services publics de l’annuaire qui les proposent : information ouverte à tous' },
        rateLimit: { max: config.RECHERCHE_LIMITE_PAR_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['Voies d’accès'],
        summary: 'Voies d’accès à un métier et services proches qui les proposent',
        description:
          'Formation, validation des acquis de l’expérience, bilan de compétences, immersion professionnelle, création d’entreprise : pour chaque voie, ' +
          'ce qu’elle demande (conditions, durée, financement, étapes, textes officiels) et, autour de la commune indiquée, les services les plus proches ' +
          'de l’annuaire qui la proposent, avec leur distance. Le code ROME du métier visé est renvoyé tel quel. Rien n’est enregistré.',
        querystring: voiesQuery,
        response: { 200: voiesReponse, ...reponsesErreur },
      },
    },
    async (req) => service.listerVoies(req.ctx, req.query),
  );
};
