import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConfigSocle } from '../../shared/config.js';
import { erreurSchema, reponsesErreur, reponsesErreurAvec404 } from '../../shared/reponses.js';
import {
  competencesReponse,
  ficheParams,
  ficheReponse,
  interetsCorps,
  interetsReponse,
  questionnaireSchema,
  rapprochementCorps,
  rapprochementReponse,
  rechercheQuery,
  rechercheReponse,
} from './metiers.contract.js';
import * as service from './metiers.service.js';

const tags = ['Métiers'];
const referentiel = { public: 'répertoire public des métiers (ROME 4.0 de France Travail)' };
// Computations without a session and without writing: a request from another site changes nothing and learns nothing more.
const calcul = (raison: string) => ({
  public: raison,
  sansJetonCsrf: 'calcul sans session ni écriture : une requête venue d’un autre site ne change rien et n’apprend rien de plus',
});
const erreursFiche = { ...reponsesErreurAvec404, 410: erreurSchema, 503: erreurSchema };

export const metiersRoutes: FastifyPluginAsyncZod<{ config: ConfigSocle }> = async (app, { config }) => {
  const limite = { max: config.RECHERCHE_LIMITE_PAR_MINUTE, timeWindow: '1 minute' };

  app.get(
    '/api/v1/metiers',
    {
      config: { access: referentiel, rateLimit: limite },
      schema: {
        tags,
        summary: 'Trouver un métier par un intitulé d’emploi ou un code ROME',
        description:
          'Cherche dans les 13 120 appellations et les intitulés des fiches ; accents et majuscules ignorés, fautes de frappe tolérées (sauf sur la première lettre).',
        querystring: rechercheQuery,
        response: { 200: rechercheReponse, ...reponsesErreur },
      },
    },
    async (req) => service.searchMetiers(req.ctx, req.query),
  );

  app.get(
    '/api/v1/metiers/interets/questionnaire',
    {
      config: { access: referentiel, rateLimit: limite },
      schema: {
        tags,
        summary: 'Questionnaire d’intérêts (RIASEC) : consigne, échelle et items',
        response: { 200: questionnaireSchema, ...reponsesErreur },
      },
    },
    async () => service.lireQuestionnaire(),
  );

  app.post(
    '/api/v1/metiers/interets',
    {
      config: { access: calcul('chacun peut noter ses réponses au questionnaire d’intérêts ; rien n’est enregistré'), rateLimit: limite },
      schema: {
        tags,
        summary: 'Noter les réponses au questionnaire d’intérêts et proposer des familles de métiers',
        description: 'Une piste pour une conversation avec un conseiller, pas le résultat d’un test. Rien n’est enregistré.',
        body: interetsCorps,
        response: { 200: interetsReponse, ...reponsesErreur, 503: erreurSchema },
      },
    },
    async (req) => service.noterQuestionnaire(req.ctx, req.body),
  );

  app.post(
    '/api/v1/metiers/rapprochement',
    {
      config: { access: calcul('chacun peut rapprocher son parcours des métiers du ROME ; rien n’est enregistré'), rateLimit: limite },
      schema: {
        tags,
        summary: 'Métiers les plus proches d’un parcours (expériences et compétences)',
        description:
          'Classe les fiches métier selon la part de leurs compétences déjà acquises (celles du cœur de métier comptent double) et les mobilités ' +
          'que le ROME cite depuis les expériences ; chaque suggestion dit en phrases pourquoi. Rien n’est enregistré.',
        body: rapprochementCorps,
        response: { 200: rapprochementReponse, ...reponsesErreur, 503: erreurSchema },
      },
    },
    async (req) => service.rapprocherMetiers(req.ctx, req.body),
  );

  app.get(
    '/api/v1/metiers/:code',
    {
      config: { access: referentiel, rateLimit: limite },
      schema: {
        tags,
        summary: 'Fiche métier : définition, accès, compétences, contextes de travail, RIASEC, mobilités',
        description: 'Un code retiré par une version plus récente du ROME répond 410 avec la version de son retrait.',
        params: ficheParams,
        response: { 200: ficheReponse, ...erreursFiche },
      },
    },
    async (req) => service.readFiche(req.ctx, req.params.code),
  );

  app.get(
    '/api/v1/metiers/:code/competences',
    {
      config: { access: referentiel, rateLimit: limite },
      schema: {
        tags,
        summary: 'Compétences et connaissances d’une fiche, à cocher (cœur de métier d’abord)',
        params: ficheParams,
        response: { 200: competencesReponse, ...erreursFiche },
      },
    },
    async (req) => service.listCompetences(req.ctx, req.params.code),
  );
};
