import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConfigSocle } from '../../shared/config.js';
import { erreurSchema, reponsesErreur } from '../../shared/reponses.js';
import { type ConfigVigilance, reglagesVigilance } from '../vigilance/index.js';
import { accesQuery, accesStructureReponse, mesAccesReponse, structureAccesParams } from './audit.contract.js';
import * as journal from './audit.journal.js';

const erreurs = { ...reponsesErreur, 401: erreurSchema, 403: erreurSchema };

export const auditRoutes: FastifyPluginAsyncZod<{ config: ConfigSocle & ConfigVigilance }> = async (app, { config }) => {
  const reglages = reglagesVigilance(config);

  app.get(
    '/api/v1/structures/:id/acces',
    {
      config: { access: { permission: 'audit.acces_structure.lire' } },
      schema: {
        tags: ['Journal des accès'],
        summary: 'Accès aux données détenues par une structure, du plus récent au plus ancien',
        description: 'Réservé aux responsables de la structure et aux administrateurs ; la consultation est elle-même journalisée.',
        params: structureAccesParams,
        querystring: accesQuery,
        response: { 200: accesStructureReponse, ...erreurs, 404: erreurSchema },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return journal.lireAccesDeStructure(req.ctx, req.params.id, req.query, reglages);
    },
  );

  app.get(
    '/api/v1/moi/acces',
    {
      config: { access: { permission: 'audit.mes_acces.lire' } },
      schema: {
        tags: ['Journal des accès'],
        summary: 'Qui a consulté mes données, du plus récent au plus ancien',
        description: 'Pour la personne accompagnée connectée ; la consultation est elle-même journalisée.',
        querystring: accesQuery,
        response: { 200: mesAccesReponse, ...erreurs },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return journal.lireMesAcces(req.ctx, req.query, reglages);
    },
  );
};
