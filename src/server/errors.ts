import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { estConnexionPerdue } from '../db/connexion-perdue.js';
import { AppError, type ChampErreur, type CorpsErreur } from '../shared/erreurs.js';

function corps(code: string, message: string, champs?: ChampErreur[], reference?: string): CorpsErreur {
  return { erreur: { code, message, ...(champs ? { champs } : {}), ...(reference ? { reference } : {}) } };
}

// Fastify's own 4xx errors (body parsing, content type, size), in French.
const erreursFastify: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: 'type_contenu_non_pris_en_charge',
    message: 'Type de contenu non pris en charge : envoyez du JSON (application/json).',
  },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'corps_trop_volumineux', message: 'Le corps de la requête est trop volumineux.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'corps_vide', message: 'Le corps JSON de la requête est vide : envoyez un objet JSON.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'json_invalide', message: 'Le corps de la requête n’est pas un JSON valide.' },
  FST_CSRF_MISSING_SECRET: { code: 'securite.jeton_csrf', message: 'Jeton de sécurité absent ou périmé : rechargez la page puis réessayez.' },
  FST_CSRF_INVALID_TOKEN: { code: 'securite.jeton_csrf', message: 'Jeton de sécurité absent ou périmé : rechargez la page puis réessayez.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'longueur_invalide', message: 'La longueur annoncée du corps ne correspond pas à son contenu.' },
};

/**
 * The only place where errors become responses; a 5xx never shows its cause to the client, and
 * reaches the logs through the error serializer of journal.ts (kind, codes, names, no values).
 */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const champs = error.validation.map((v) => ({
        chemin:
          [error.validationContext, ...String(v.instancePath).split('/').filter(Boolean)]
            .filter(Boolean)
            .join('.')
            .replace(/^querystring\.?/, '')
            .replace(/^body\.?/, '')
            .replace(/^params\.?/, '') ||
          (error.validationContext ?? 'requete'),
        message: v.message ?? 'valeur invalide',
      }));
      return reply.status(400).send(corps('validation', 'La requête contient des valeurs invalides : corrigez les champs indiqués et réessayez.', champs));
    }
    if (error instanceof AppError) {
      if (error.entetes) reply.headers(error.entetes);
      return reply.status(error.statusCode).send(corps(error.code, error.message, error.champs));
    }
    const connue = error.code ? erreursFastify[error.code] : undefined;
    if (connue) return reply.status(error.statusCode ?? 400).send(corps(connue.code, connue.message));
    if (error.statusCode === 429) {
      return reply.status(429).send(corps('trop_de_requetes', 'Trop de requêtes : patientez une minute avant de réessayer.'));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return reply.status(error.statusCode).send(corps('requete_invalide', 'La requête est invalide.'));
    }
    if (estConnexionPerdue(error)) {
      request.log.warn({ err: error }, 'base de données injoignable');
      return reply
        .status(503)
        .header('retry-after', '5')
        .send(corps('base_indisponible', 'Le service est momentanément indisponible : réessayez dans quelques secondes.', undefined, request.id));
    }
    if (isResponseSerializationError(error)) request.log.error({ err: error }, 'réponse non conforme à son schéma');
    else request.log.error({ err: error }, 'erreur interne');
    return reply
      .status(500)
      .send(
        corps(
          'erreur_interne',
          'Une erreur interne est survenue. Réessayez plus tard ; si elle persiste, signalez-la avec sa référence.',
          undefined,
          request.id,
        ),
      );
  });

  // The address is not repeated: it may be long, and carry what it should not.
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send(corps('route_inconnue', 'Aucune ressource ne correspond à cette adresse : vérifiez le lien utilisé.')),
  );
}

/** Longest address (path and query) answered; a link of this service is far shorter. */
export const LONGUEUR_MAX_ADRESSE = 4096;
/** Longest segment of a path (Fastify's default parameter limit): an id, a code or a token is far shorter. */
export const LONGUEUR_MAX_PARAMETRE = 100;

const adresseTropLongue = () => new AppError('adresse_trop_longue', 414, 'L’adresse demandée est trop longue : vérifiez le lien utilisé.');
const parametreTropLong = () => new AppError('parametre_trop_long', 414, 'Un paramètre de l’adresse est trop long : vérifiez le lien utilisé.');

function segmentDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Too long an address, or a segment of its path, is refused on every request the same way,
 * whichever route it would have found, and without being repeated.
 */
export function refuserAdressesTropLongues(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (request.url.length > LONGUEUR_MAX_ADRESSE) throw adresseTropLongue();
    const chemin = request.url.split('?')[0]!;
    if (chemin.split('/').some((segment) => segmentDecode(segment).length > LONGUEUR_MAX_PARAMETRE)) throw parametreTropLong();
  });
}

/**
 * Errors the router raises before any route runs (malformed URL, a segment longer than a whole
 * address): Fastify answers them itself, in English, repeating the URL, unless given this function.
 */
export function erreurDeRoutage(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    const erreur = adresseTropLongue();
    void reply.status(erreur.statusCode).send(corps(erreur.code, erreur.message));
    return;
  }
  void reply.status(400).send(corps('adresse_invalide', 'L’adresse demandée est mal formée : vérifiez le lien utilisé.'));
}
