import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reponsesErreur, reponsesErreurAvec404 } from '../../shared/reponses.js';
import {
  idParams,
  referentielsReponse,
  serviceDetailSchema,
  servicesQuery,
  servicesReponse,
  sitesQuery,
  sitesReponse,
  structureDetailSchema,
} from './annuaire.contract.js';
import * as service from './annuaire.service.js';

// The directory holds organisations' public information only (no personal data): open to all.
const annuairePublic = { public: 'annuaire public des structures et services' };

export const annuaireRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/services',
    {
      config: { access: annuairePublic },
      schema: {
        tags: ['Annuaire'],
        summary: 'Rechercher des services par besoin et par lieu',
        description:
          'Classement par pertinence (racinisation française, accents ignorés, fautes de frappe tolérées) et par distance à la commune. ' +
          'Les services de démonstration sont signalés par demonstration=true.',
        querystring: servicesQuery,
        response: { 200: servicesReponse, ...reponsesErreur },
      },
    },
    async (req) => service.searchServices(req.ctx, req.query),
  );

  app.get(
    '/api/v1/services/:id',
    {
      config: { access: annuairePublic },
      schema: { tags: ['Annuaire'], summary: 'Fiche d’un service', params: idParams, response: { 200: serviceDetailSchema, ...reponsesErreurAvec404 } },
    },
    async (req) => service.getService(req.ctx, req.params.id),
  );

  app.get(
    '/api/v1/sites',
    {
      config: { access: annuairePublic },
      schema: {
        tags: ['Annuaire'],
        summary: 'Rechercher des lieux d’accueil par nom, réseau et distance',
        querystring: sitesQuery,
        response: { 200: sitesReponse, ...reponsesErreur },
      },
    },
    async (req) => service.searchSites(req.ctx, req.query),
  );

  app.get(
    '/api/v1/structures/:id',
    {
      config: { access: annuairePublic },
      schema: {
        tags: ['Annuaire'],
        summary: 'Fiche d’une structure : lieux, horaires, canaux, services et contacts',
        params: idParams,
        response: { 200: structureDetailSchema, ...reponsesErreurAvec404 },
      },
    },
    async (req) => service.getStructure(req.ctx, req.params.id),
  );

  app.get(
    '/api/v1/referentiels',
    {
      config: { access: annuairePublic },
      schema: {
        tags: ['Annuaire'],
        summary: 'Vocabulaires data·inclusion (thématiques, publics…) et réseaux',
        response: { 200: referentielsReponse, ...reponsesErreur },
      },
    },
    async (req) => service.getReferentiels(req.ctx),
  );
};
