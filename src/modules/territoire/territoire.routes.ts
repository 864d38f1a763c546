import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reponsesErreur } from '../../shared/reponses.js';
import { communesQuery, communesReponse, contoursQuery, featureCollectionSchema, regionsReponse } from './territoire.contract.js';
import * as service from './territoire.service.js';

const referentiel = { public: 'référentiel géographique public (COG)' };

export const territoireRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/communes',
    {
      config: { access: referentiel },
      schema: {
        tags: ['Territoire'],
        summary: 'Trouver une commune par son nom ou son code postal',
        description: 'Accents, traits d’union et abréviations (« st ») facultatifs ; fautes de frappe tolérées.',
        querystring: communesQuery,
        response: { 200: communesReponse, ...reponsesErreur },
      },
    },
    async (req) => service.searchCommunes(req.ctx, req.query),
  );

  app.get(
    '/api/v1/regions',
    {
      config: { access: referentiel },
      schema: { tags: ['Territoire'], summary: 'Régions et leurs départements', response: { 200: regionsReponse, ...reponsesErreur } },
    },
    async (req) => service.listRegions(req.ctx),
  );

  app.get(
    '/api/v1/contours',
    {
      config: { access: referentiel },
      schema: {
        tags: ['Territoire'],
        summary: 'Contours simplifiés (GeoJSON) des régions, départements ou communes',
        querystring: contoursQuery,
        response: { 200: featureCollectionSchema, ...reponsesErreur },
      },
    },
    async (req, reply) => {
      // Outlines change once a year at most: let browsers and proxies keep them.
      reply.header('cache-control', 'public, max-age=86400');
      return service.listContours(req.ctx, req.query);
    },
  );
};
