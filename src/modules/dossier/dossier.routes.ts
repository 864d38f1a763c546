import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConfigSocle } from '../../shared/config.js';
import { erreurSchema, reponsesErreur, reponsesErreurAvec404 } from '../../shared/reponses.js';
import { aiguiller } from '../aiguillage/index.js';
import { type ConfigVigilance, reglagesVigilance } from '../vigilance/index.js';
import {
  consentementSaisie,
  consentementVue,
  dossierParams,
  dossierVue,
  dossiersQuery,
  dossiersReponse,
  modificationDossier,
  ouvertureDossier,
  profilSchema,
  reponseAiguillageSchema,
} from './dossier.contract.js';
import * as service from './dossier.service.js';

const tags = ['Dossiers'];
const erreurs = { ...reponsesErreurAvec404, 401: erreurSchema, 403: erreurSchema };

export const dossierRoutes: FastifyPluginAsyncZod<{ config: ConfigSocle & ConfigVigilance }> = async (app, { config }) => {
  const reglages = reglagesVigilance(config);

  app.post(
    '/api/v1/accueil/aiguillage',
    {
      config: { access: { permission: 'dossier.creer' } },
      schema: {
        tags,
        summary: 'Aiguiller une personne reçue au guichet ou au téléphone',
        description:
          'Le même calcul que la route publique, lancé par un agent pour la personne qu’il reçoit. Rien n’est enregistré ni journalisé : ' +
          'le profil seul ne désigne personne. Pour garder la réponse, ouvrez un dossier.',
        body: profilSchema,
        response: { 200: reponseAiguillageSchema, ...reponsesErreur, 401: erreurSchema, 403: erreurSchema, 503: erreurSchema },
      },
    },
    async (req) => aiguiller(req.ctx, req.body),
  );

  app.post(
    '/api/v1/dossiers',
    {
      config: { access: { permission: 'dossier.creer' } },
      schema: {
        tags,
        summary: 'Ouvrir un dossier de conseil en évolution professionnelle (niveau 1) pour une personne reçue',
        description:
          'Identité réduite au nécessaire, profil (l’aiguillage est recalculé par le serveur), consentements recueillis, choix de la personne. ' +
          'Le dossier ne s’ouvre qu’avec le consentement de la personne à ce que la structure le conserve (identité, situation, orientation) ; ' +
          'une situation de santé ou de handicap n’est gardée qu’avec son consentement aux données sensibles. Tout est écrit en une transaction.',
        body: ouvertureDossier,
        response: { 201: dossierVue, ...reponsesErreur, 401: erreurSchema, 403: erreurSchema, 503: erreurSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.ouvrirDossier(req.ctx, req.body);
    },
  );

  app.get(
    '/api/v1/dossiers',
    {
      config: { access: { permission: 'dossier.lire' } },
      schema: {
        tags,
        summary: 'Dossiers de mes structures et dossiers qu’une personne leur partage',
        description: 'Du plus récemment modifié au plus ancien ; la consultation est journalisée.',
        querystring: dossiersQuery,
        response: { 200: dossiersReponse, ...reponsesErreur, 401: erreurSchema, 403: erreurSchema },
      },
    },
    async (req) => service.listerDossiers(req.ctx, req.query, reglages),
  );

  app.get(
    '/api/v1/dossiers/:id',
    {
      config: { access: { permission: 'dossier.lire' } },
      schema: {
        tags,
        summary: 'Un dossier, dans les parties que le lecteur peut voir',
        description:
          'La structure qui détient le dossier le voit en entier ; une structure à qui la personne l’a partagé voit les parties de son ' +
          'consentement. Un dossier hors de portée répond comme un dossier inexistant (404). La lecture est journalisée.',
        params: dossierParams,
        response: { 200: dossierVue, ...erreurs },
      },
    },
    async (req) => service.lireDossier(req.ctx, req.params.id, reglages),
  );

  app.patch(
    '/api/v1/dossiers/:id',
    {
      config: { access: { permission: 'dossier.modifier' } },
      schema: {
        tags,
        summary: 'Enregistrer ou changer le choix de la personne',
        description: 'La version envoyée doit être celle du dossier lu : sinon 412, rechargez le dossier.',
        params: dossierParams,
        body: modificationDossier,
        response: { 200: dossierVue, ...erreurs, 412: erreurSchema },
      },
    },
    async (req) => service.modifierDossier(req.ctx, req.params.id, req.body),
  );

  app.post(
    '/api/v1/dossiers/:id/consentements',
    {
      config: { access: { permission: 'consentement.gerer' } },
      schema: {
        tags,
        summary: 'Recueillir un nouveau consentement de la personne (partage avec une autre structure, données sensibles)',
        params: dossierParams,
        body: consentementSaisie,
        response: { 201: consentementVue, ...erreurs },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.ajouterConsentement(req.ctx, req.params.id, req.body);
    },
  );
};
