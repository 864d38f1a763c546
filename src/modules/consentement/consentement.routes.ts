import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { erreurSchema, reponsesErreurAvec404 } from '../../shared/reponses.js';
import { consentementParams, consentementVue, revocationCorps } from './consentement.contract.js';
import * as service from './consentement.service.js';

const erreurs = { ...reponsesErreurAvec404, 401: erreurSchema, 403: erreurSchema, 409: erreurSchema };

export const consentementRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/v1/consentements/:id/revocation',
    {
      config: { access: { permission: 'consentement.gerer' } },
      schema: {
        tags: ['Dossiers'],
        summary: 'Enregistrer le retrait d’un consentement par la personne',
        description:
          'Réservé aux agents de la structure qui a recueilli le consentement (celle qui détient le dossier). Le retrait vaut dès la requête ' +
          'suivante : les structures à qui il partageait le dossier ne le voient plus. Il est journalisé.',
        params: consentementParams,
        body: revocationCorps,
        response: { 200: consentementVue, ...erreurs },
      },
    },
    async (req) => service.revoquerConsentement(req.ctx, req.params.id, req.body.motif),
  );
};
