import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConfigSocle } from '../../../shared/config.js';
import type { ConfigEquipe } from './equipe.config.js';
import { type ConfigIdentite, coutHachage } from '../identite.config.js';
import { erreurSchema, reponsesErreurAvec404 } from '../../../shared/reponses.js';
import { z } from '../../../shared/zod.js';
import {
  acceptationCorps,
  acceptationReponse,
  adhesionParams,
  changementRoleCorps,
  equipeParams,
  equipeReponse,
  invitationCorps,
  invitationEnvoyeeReponse,
  invitationParams,
  invitationPublique,
  jetonParams,
} from './equipe.contract.js';
import * as service from './equipe.service.js';

const lire = { permission: 'identite.equipe.lire' } as const;
const gerer = { permission: 'identite.equipe.gerer' } as const;
const erreurs = { ...reponsesErreurAvec404, 401: erreurSchema, 403: erreurSchema };
const erreursEcriture = { ...erreurs, 409: erreurSchema };
const tags = ['Identité'];

export const equipeRoutes: FastifyPluginAsyncZod<{ config: ConfigSocle & ConfigEquipe & ConfigIdentite }> = async (app, { config }) => {
  const reglages: service.ReglagesInvitation = {
    urlPublique: config.URL_PUBLIQUE,
    validiteJours: config.INVITATION_VALIDITE_JOURS,
    service: config.MARQUE_SERVICE,
  };

  app.get(
    '/api/v1/structures/:id/equipe',
    {
      config: { access: lire },
      schema: {
        tags,
        summary: 'Agents d’une structure, leurs rôles, et invitations en attente',
        params: equipeParams,
        response: { 200: equipeReponse, ...erreurs },
      },
    },
    async (req) => service.lireEquipe(req.ctx, req.params.id),
  );

  app.post(
    '/api/v1/structures/:id/equipe/invitations',
    {
      config: { access: gerer },
      schema: {
        tags,
        summary: 'Inviter une personne par courriel (renouvelle l’invitation en attente à la même adresse)',
        params: equipeParams,
        body: invitationCorps,
        response: { 201: invitationEnvoyeeReponse, ...erreursEcriture, 503: erreurSchema },
      },
    },
    async (req, reply) => {
      const resultat = await service.inviter(req.ctx, req.params.id, req.body, reglages);
      reply.status(201);
      return resultat;
    },
  );

  app.delete(
    '/api/v1/structures/:id/equipe/invitations/:invitationId',
    {
      config: { access: gerer },
      schema: {
        tags,
        summary: 'Annuler une invitation en attente (son lien cesse de fonctionner)',
        params: invitationParams,
        response: { 204: z.null().describe('invitation annulée'), ...erreurs },
      },
    },
    async (req, reply) => {
      await service.annulerInvitation(req.ctx, req.params.id, req.params.invitationId);
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/api/v1/structures/:id/equipe/adhesions/:adhesionId',
    {
      config: { access: gerer },
      schema: {
        tags,
        summary: 'Changer le rôle d’un agent dans la structure',
        params: adhesionParams,
        body: changementRoleCorps,
        response: { 200: equipeReponse, ...erreursEcriture },
      },
    },
    async (req) => service.changerRole(req.ctx, req.params.id, req.params.adhesionId, req.body.role),
  );

  app.post(
    '/api/v1/structures/:id/equipe/adhesions/:adhesionId/suspendre',
    {
      config: { access: gerer },
      schema: {
        tags,
        summary: 'Suspendre l’accès d’un agent à la structure (et son compte, si c’était son dernier accès)',
        params: adhesionParams,
        response: { 200: equipeReponse, ...erreursEcriture },
      },
    },
    async (req) => service.suspendre(req.ctx, req.params.id, req.params.adhesionId),
  );

  app.post(
    '/api/v1/structures/:id/equipe/adhesions/:adhesionId/reactiver',
    {
      config: { access: gerer },
      schema: { tags, summary: 'Rendre à un agent son accès suspendu', params: adhesionParams, response: { 200: equipeReponse, ...erreurs } },
    },
    async (req) => service.reactiver(req.ctx, req.params.id, req.params.adhesionId),
  );

  app.get(
    '/api/v1/invitations/:jeton',
    {
      config: { access: { public: 'la personne invitée ouvre le lien reçu par courriel, avant d’avoir un compte' } },
      schema: {
        tags,
        summary: 'Ce qu’une invitation propose : structure, rôle, adresse invitée',
        params: jetonParams,
        response: { 200: invitationPublique, ...reponsesErreurAvec404 },
      },
    },
    async (req, reply) => {
      // The token is a secret: no cache may keep the answer.
      reply.header('cache-control', 'no-store');
      return service.lireInvitation(req.ctx, req.params.jeton);
    },
  );

  app.post(
    '/api/v1/invitations/:jeton/acceptation',
    {
      config: {
        access: { public: 'la personne invitée crée son compte, ou ajoute le rôle au compte avec lequel elle est connectée' },
        // Each attempt may hash a password: as bounded per address as a sign-in.
        rateLimit: { max: config.CONNEXION_LIMITE_PAR_IP_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Accepter une invitation (une seule fois)',
        params: jetonParams,
        body: acceptationCorps,
        response: { 201: acceptationReponse, ...reponsesErreurAvec404, 409: erreurSchema },
      },
    },
    async (req, reply) => {
      const resultat = await service.accepterInvitation(req.ctx, req.params.jeton, req.body, coutHachage(config));
      reply.status(201).header('cache-control', 'no-store');
      return resultat;
    },
  );
};
