import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ConfigSocle } from '../../../shared/config.js';
import { nomsCookies, optionsCookie } from '../identite.cookies.js';
import { erreurSchema, reponsesErreur } from '../../../shared/reponses.js';
import type { ReglagesConnexion } from '../identite.service.js';
import {
  activationCorps,
  activationReponse,
  desactivationReponse,
  initialisationCorps,
  initialisationReponse,
  preuveSecondFacteur,
  validationReponse,
} from './second-facteur.contract.js';
import * as service from './second-facteur.service.js';

const erreurs = { ...reponsesErreur, 401: erreurSchema, 403: erreurSchema, 409: erreurSchema };

export const secondFacteurRoutes: FastifyPluginAsyncZod<{ config: ConfigSocle; reglages: ReglagesConnexion }> = async (app, { config, reglages }) => {
  const cookieSession = nomsCookies(config).session;
  // Per address, as for the password; each code guessed also counts towards the account's lock-out.
  const rateLimit = { max: config.CONNEXION_LIMITE_PAR_IP_MINUTE, timeWindow: '1 minute' };

  app.post(
    '/api/v1/connexion/second-facteur',
    {
      config: { access: { connecte: 'second temps de la connexion, après le mot de passe' }, rateLimit },
      schema: {
        tags: ['Identité'],
        summary: 'Valider la connexion avec le code TOTP ou un code de récupération',
        description: 'Remplace la session par une nouvelle, dont le second facteur est validé : l’ancien cookie ne vaut plus rien.',
        body: preuveSecondFacteur,
        response: { 200: validationReponse, ...erreurs },
      },
    },
    async (req, reply) => {
      const { jeton, codesRecuperationRestants } = await service.validerSecondFacteur(req.ctx, req.body, reglages);
      reply.setCookie(cookieSession, jeton, optionsCookie(config)).header('cache-control', 'no-store');
      return { etape: 'connecte' as const, codes_recuperation_restants: codesRecuperationRestants };
    },
  );

  app.post(
    '/api/v1/moi/second-facteur/initialisation',
    {
      config: { access: { connecte: 'chacun configure son second facteur, avant de pouvoir s’en servir' }, rateLimit },
      schema: {
        tags: ['Identité'],
        summary: 'Obtenir un nouveau secret TOTP et son QR code',
        description:
          'Premier enrôlement : corps {}, le secret attend l’activation. Remplacement d’un second facteur actif : ' +
          'corps { code } ou { code_recuperation } prouvant le facteur actuel.',
        body: initialisationCorps,
        response: { 200: initialisationReponse, ...erreurs },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.initialiserSecondFacteur(req.ctx, req.body, reglages, config.MARQUE_SERVICE);
    },
  );

  app.post(
    '/api/v1/moi/second-facteur/activation',
    {
      config: { access: { connecte: 'chacun active le second facteur qu’il vient de configurer' }, rateLimit },
      schema: {
        tags: ['Identité'],
        summary: 'Activer le second facteur avec un premier code ; renvoie les codes de récupération',
        description: 'Remplace la session par une nouvelle, dont le second facteur est validé. Les codes de récupération ne sont montrés qu’une fois.',
        body: activationCorps,
        response: { 200: activationReponse, ...erreurs },
      },
    },
    async (req, reply) => {
      const { jeton, codesRecuperation } = await service.activerSecondFacteur(req.ctx, req.body.code, reglages);
      reply.setCookie(cookieSession, jeton, optionsCookie(config)).header('cache-control', 'no-store');
      return { codes_recuperation: codesRecuperation };
    },
  );

  app.post(
    '/api/v1/moi/second-facteur/desactivation',
    {
      config: { access: { connecte: 'chacun peut retirer un second facteur que son rôle n’exige pas' }, rateLimit },
      schema: {
        tags: ['Identité'],
        summary: 'Désactiver son second facteur (rôles qui ne l’exigent pas)',
        body: preuveSecondFacteur,
        response: { 200: desactivationReponse, ...erreurs },
      },
    },
    async (req) => {
      await service.desactiverSecondFacteur(req.ctx, req.body, reglages);
      return { configure: false as const };
    },
  );
};
