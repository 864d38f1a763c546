import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConfigSocle } from '../../shared/config.js';
import { erreurSchema, reponsesErreur, reponsesErreurAvec404 } from '../../shared/reponses.js';
import {
  comparaisonQuery,
  comparaisonReponse,
  creationRegles,
  detailReglesSchema,
  essaiReponse,
  listeReglesQuery,
  listeReglesReponse,
  profilSchema,
  reglesParams,
  reponseAiguillageSchema,
} from './aiguillage.contract.js';
import * as service from './aiguillage.service.js';

const tags = ['Aiguillage'];
const gerer = { permission: 'aiguillage.regles.gerer' } as const;
const erreurs = { ...reponsesErreurAvec404, 401: erreurSchema, 403: erreurSchema };

export const aiguillageRoutes: FastifyPluginAsyncZod<{ config: ConfigSocle }> = async (app, { config }) => {
  app.post(
    '/api/v1/aiguillage',
    {
      config: {
        access: {
          public: 'chacun peut savoir quel opérateur du conseil en évolution professionnelle peut l’accompagner',
          sansJetonCsrf:
            'calcul sans session : une requête venue d’un autre site n’écrit que l’événement anonyme qui compte la réponse, comme toute requête directe, et n’apprend rien de plus',
        },
        rateLimit: { max: config.RECHERCHE_LIMITE_PAR_MINUTE, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Trouver les opérateurs compétents et les lieux d’accueil les plus proches',
        description:
          'À partir d’un profil court (date de naissance ou âge, situation, statut de cadre, niveau de diplôme, handicap reconnu, emploi menacé ' +
          'par la santé, commune), donne chaque opérateur du conseil en évolution professionnelle compétent avec ses raisons, celui qui convient ' +
          'le mieux, ses trois lieux d’accueil les plus proches et ses canaux à distance, et les autres orientations. Le profil n’est pas ' +
          'enregistré : seule la réponse est comptée, par un événement qui ne désigne personne (version des règles, commune, situation, opérateurs et ' +
          'orientations donnés).',
        body: profilSchema,
        response: { 200: reponseAiguillageSchema, ...reponsesErreur, 503: erreurSchema },
      },
    },
    async (req) => service.repondreAuProfil(req.ctx, req.body),
  );

  app.get(
    '/api/v1/aiguillage/regles',
    {
      config: { access: gerer },
      schema: {
        tags,
        summary: 'Versions des règles d’une région et versions nationales, avec celle en vigueur',
        querystring: listeReglesQuery,
        response: { 200: listeReglesReponse, ...erreurs },
      },
    },
    async (req) => service.listerVersions(req.ctx, req.query.region),
  );

  app.get(
    '/api/v1/aiguillage/regles/comparaison',
    {
      config: { access: gerer },
      schema: {
        tags,
        summary: 'Réponses de deux versions sur la table des profils de test, et leurs différences',
        querystring: comparaisonQuery,
        response: { 200: comparaisonReponse, ...erreurs },
      },
    },
    async (req) => service.comparerVersions(req.ctx, req.query.de, req.query.a),
  );

  app.get(
    '/api/v1/aiguillage/regles/:id',
    {
      config: { access: gerer },
      schema: { tags, summary: 'Une version des règles, avec son contenu', params: reglesParams, response: { 200: detailReglesSchema, ...erreurs } },
    },
    async (req) => service.lireVersion(req.ctx, req.params.id),
  );

  app.post(
    '/api/v1/aiguillage/regles',
    {
      config: { access: gerer },
      schema: {
        tags,
        summary: 'Déposer une nouvelle version (brouillon), validée avant d’être enregistrée',
        body: creationRegles,
        response: { 201: detailReglesSchema, ...erreurs, 409: erreurSchema },
      },
    },
    async (req, reply) => {
      reply.status(201);
      return service.deposerVersion(req.ctx, req.body);
    },
  );

  app.post(
    '/api/v1/aiguillage/regles/:id/essai',
    {
      config: { access: gerer },
      schema: {
        tags,
        summary: 'Essayer une version sur la table des profils de test (réussi ou échoué pour chacun)',
        params: reglesParams,
        response: { 200: essaiReponse, ...erreurs },
      },
    },
    async (req) => service.essayerVersion(req.ctx, req.params.id),
  );

  app.post(
    '/api/v1/aiguillage/regles/:id/publication',
    {
      config: { access: gerer },
      schema: {
        tags,
        summary: 'Publier un brouillon : il répond pour sa région à partir de sa date d’effet',
        params: reglesParams,
        response: { 200: detailReglesSchema, ...erreurs, 409: erreurSchema },
      },
    },
    async (req) => service.publierVersion(req.ctx, req.params.id),
  );
};
