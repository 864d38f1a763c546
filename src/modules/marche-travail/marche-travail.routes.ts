import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reponsesErreur, reponsesErreurAvec404 } from '../../shared/reponses.js';
import {
  bassinParams,
  bassinQuery,
  bassinReponse,
  metiersBmoQuery,
  metiersBmoReponse,
  perspectivesQuery,
  perspectivesReponse,
} from './marche-travail.contract.js';
import * as service from './marche-travail.service.js';

// Published statistics by area and occupation: no personal data, the same for everyone.
const statistiquesPubliques = { public: 'statistiques publiques du marché du travail (France Travail, INSEE, DARES)' };

export const marcheTravailRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/marche-travail/metiers-bmo',
    {
      config: { access: statistiquesPubliques },
      schema: {
        tags: ['Marché du travail'],
        summary: 'Chercher une famille de métiers de l’enquête BMO',
        description: 'Accents et majuscules ignorés ; les intitulés détaillés FAP 2021 de chaque famille sont aussi cherchés. Sans q : toutes les familles.',
        querystring: metiersBmoQuery,
        response: { 200: metiersBmoReponse, ...reponsesErreur },
      },
    },
    async (req) => service.searchMetiersBmo(req.ctx, req.query),
  );

  app.get(
    '/api/v1/marche-travail/perspectives',
    {
      config: { access: statistiquesPubliques },
      schema: {
        tags: ['Marché du travail'],
        summary: 'Perspectives locales d’un métier près d’une commune',
        description:
          'Projets de recrutement BMO 2024 du bassin de la commune pour la famille BMO choisie (secret statistique signalé, jamais lu comme zéro), ' +
          'offres, demandeurs et tension 2020 du code ROME dans ce bassin (données de démonstration), taux de chômage trimestriels de la zone d’emploi. ' +
          'correspondance_rome_bmo est toujours null : aucune table officielle ne relie le ROME 4.0 aux familles BMO.',
        querystring: perspectivesQuery,
        response: { 200: perspectivesReponse, ...reponsesErreur },
      },
    },
    async (req) => service.perspectives(req.ctx, req.query),
  );

  app.get(
    '/api/v1/marche-travail/bassins/:code',
    {
      config: { access: statistiquesPubliques },
      schema: {
        tags: ['Marché du travail'],
        summary: 'Un bassin d’emploi BMO : métiers les plus recherchés, les plus difficiles, chômage de ses zones d’emploi',
        params: bassinParams,
        querystring: bassinQuery,
        response: { 200: bassinReponse, ...reponsesErreurAvec404 },
      },
    },
    async (req) => service.bassin(req.ctx, req.params.code, req.query),
  );
};
