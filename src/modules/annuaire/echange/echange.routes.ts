import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { reponsesErreur } from '../../../shared/reponses.js';
import { servicesExportesReponse, structuresExporteesReponse } from './echange.contract.js';
import * as service from './echange.service.js';

// Open data: organisations' public information in a national schema, for other directories.
const exportPublic = { public: 'export ouvert de l’annuaire au schéma data·inclusion (données publiques des structures)' };

export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/v1/export/data-inclusion/structures',
    {
      config: { access: exportPublic },
      schema: {
        tags: ['Échanges'],
        summary: 'Toutes les structures réelles au schéma data·inclusion v1',
        description:
          'Tableau JSON de structures conformes à structure.json (schéma data·inclusion 1.0.8). ' +
          'Les structures de démonstration ne sont jamais exportées. Identifiant : <source>--<identifiant à la source>.',
        response: { 200: structuresExporteesReponse, ...reponsesErreur },
      },
    },
    async (req) => service.exportStructures(req.ctx),
  );

  app.get(
    '/api/v1/export/data-inclusion/services',
    {
      config: { access: exportPublic },
      schema: {
        tags: ['Échanges'],
        summary: 'Tous les services réels au schéma data·inclusion v1',
        description:
          'Tableau JSON de services conformes à service.json (schéma data·inclusion 1.0.8), rattachés aux structures de l’export par structure_id. ' +
          'Les services de démonstration ne sont jamais exportés.',
        response: { 200: servicesExportesReponse, ...reponsesErreur },
      },
    },
    async (req) => service.exportServices(req.ctx),
  );
};
