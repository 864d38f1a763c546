import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.js';
import { aiguillageRoutes } from '../modules/aiguillage/aiguillage.routes.js';
import { annuaireRoutes } from '../modules/annuaire/annuaire.routes.js';
import { exportRoutes } from '../modules/annuaire/echange/echange.routes.js';
import { gestionRoutes } from '../modules/annuaire/gestion/gestion.routes.js';
import { signalementRoutes } from '../modules/annuaire/signalement/signalement.routes.js';
import { auditRoutes } from '../modules/audit/audit.routes.js';
import { consentementRoutes } from '../modules/consentement/consentement.routes.js';
import { dossierRoutes } from '../modules/dossier/dossier.routes.js';
import { equipeRoutes } from '../modules/identite/equipe/equipe.routes.js';
import { identiteRoutes } from '../modules/identite/identite.routes.js';
import { ACTEUR_ANONYME, nomsCookies } from '../modules/identite/index.js';
import { oidcRoutes } from '../modules/identite/oidc/oidc.routes.js';
import { marcheTravailRoutes } from '../modules/marche-travail/marche-travail.routes.js';
import { metiersRoutes } from '../modules/metiers/metiers.routes.js';
import { territoireRoutes } from '../modules/territoire/territoire.routes.js';
import { voiesRoutes } from '../modules/voies/voies.routes.js';
import type { ServiceContext } from '../shared/contexte.js';
import { type Messagerie, creerMessagerie } from '../shared/messagerie.js';
import type { ProfondeursDesFiles } from '../shared/metriques.js';
import { z } from '../shared/zod.js';
import { type RouteDeclaree, SCHEMAS_SECURITE, documenterAcces, enforceAccessDeclarations } from './access.js';
import { type Config } from './config.js';
import { projectRoot } from '../shared/config.js';
import { LONGUEUR_MAX_ADRESSE, erreurDeRoutage, installErrorHandlers, refuserAdressesTropLongues } from './errors.js';
import { optionsJournal } from './journal.js';
import { installerMetriques } from './metriques.js';
import { installerSecurite } from './plugins/securite.js';

declare module 'fastify' {
  interface FastifyRequest {
    ctx: ServiceContext;
  }
  interface FastifyInstance {
    routesDeclarees: RouteDeclaree[];
    /** Outgoing mail, also used by the scheduled jobs of main.ts. */
    messagerie: Messagerie;
    /** Counts a failed job of a queue in the metrics. */
    compterEchecDeTravail: (file: string) => void;
  }
}

export interface AppDeps {
  config: Config;
  database: Database;
  now?: () => Date;
  /** Outgoing mail; made from the configuration when not given. */
  messagerie?: Messagerie;
  /** pino options; false in tests. */
  logger?: boolean | object;
  /** Process metrics (CPU, memory, event loop, GC) at /metrics; off unless asked (main.ts). */
  metriquesDuProcessus?: boolean;
  /** Per-queue counts of the job queue for /metrics; none until a queue runs. */
  filesDeTravaux?: () => Promise<ProfondeursDesFiles>;
  /** Folder of the built front end, served when it exists; web/dist by default. */
  siteWeb?: string;
}

/** The capabilities of the API: one OpenAPI tag each, all named in the API's description. */
export const CAPACITES = [
  { name: 'Territoire', description: 'Communes, régions, contours (COG 2026)' },
  { name: 'Annuaire', description: 'Structures, lieux et services du réseau' },
  { name: 'Échanges', description: 'Export au schéma data·inclusion' },
  { name: 'Gestion de l’annuaire', description: 'Fiches tenues par les structures : modifications, historique, confirmation, signalements' },
  { name: 'Identité', description: 'Connexion, session, second facteur, fournisseurs d’identité, équipes des structures et invitations' },
  { name: 'Aiguillage', description: 'Opérateurs compétents et lieux d’accueil les plus proches ; règles d’aiguillage des régions' },
  { name: 'Dossiers', description: 'Accueil d’une personne par un agent : dossier CEP de niveau 1, consentements' },
  { name: 'Métiers', description: 'Répertoire des métiers (ROME 4.0) : recherche, fiches, rapprochement d’un parcours, questionnaire d’intérêts' },
  { name: 'Journal des accès', description: 'Qui a consulté quelles données : pour les responsables de structure et pour chaque personne' },
  { name: 'Marché du travail', description: 'Projets de recrutement BMO, tension et chômage par bassin et zone d’emploi' },
  {
    name: 'Voies d’accès',
    description: 'Formation, VAE, bilan de compétences, immersion, création d’entreprise : ce que chaque voie demande et les services proches',
  },
  { name: 'Exploitation', description: 'Santé du service, description de l’API, identité visuelle' },
] as const;

/** The built file a URL names, if it is one (never outside the site's folder). */
function fichierStatique(siteWeb: string, chemin: string): string | null {
  let decode: string;
  try {
    decode = decodeURIComponent(chemin);
  } catch {
    return null;
  }
  const relatif = path.normalize(decode).replace(/^[/\\]+/, '');
  if (relatif === '' || relatif.startsWith('..') || relatif.includes('\0')) return null;
  try {
    return statSync(path.join(siteWeb, relatif)).isFile() ? relatif : null;
  } catch {
    return null;
  }
}

/** Builds the whole HTTP application; used by main.ts and by every test. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, database } = deps;
  const now = deps.now ?? (() => new Date());
  const journal = deps.logger ?? { level: config.LOG_LEVEL };
  const app = Fastify({
    logger: journal === false ? false : optionsJournal(journal === true ? {} : journal),
    trustProxy: false,
    // Bodies of this API are small JSON documents; imports go through the command line.
    bodyLimit: 1024 * 1024,
    // The router never answers alone for a long parameter: whether a long segment would find a
    // route depends on the routes present (the site's catch-all), so one hook judges lengths for
    // every request (refuserAdressesTropLongues); only a segment longer than a whole address
    // reaches erreurDeRoutage.
    routerOptions: { maxParamLength: LONGUEUR_MAX_ADRESSE },
    frameworkErrors: erreurDeRoutage,
  }).withTypeProvider<ZodTypeProvider>();

  const messagerie =
    deps.messagerie ??
    creerMessagerie({
      smtpUrl: config.SMTP_URL,
      expediteur: config.MAIL_EXPEDITEUR,
      environnement: config.NODE_ENV,
      dossierDeveloppement: path.join(path.dirname(config.DATA_DIR), 'courriels'),
      logger: app.log,
    });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandlers(app);
  app.decorate('routesDeclarees', enforceAccessDeclarations(app));
  app.decorate('messagerie', messagerie);
  app.decorateRequest('ctx', null as unknown as ServiceContext);
  app.addHook('onRequest', async (req) => {
    req.ctx = { db: database.db, now, acteur: ACTEUR_ANONYME, ip: req.ip, agentUtilisateur: req.headers['user-agent'] ?? null, messagerie };
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // DSFR and MapLibre set inline styles; no inline script is allowed.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: config.NODE_ENV === 'production' ? [] : null,
      },
    },
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  });
  // After the security headers, before any session lookup.
  refuserAdressesTropLongues(app);
  await installerSecurite(app, config, database);
  app.decorate(
    'compterEchecDeTravail',
    installerMetriques(app, {
      config,
      database,
      processus: deps.metriquesDuProcessus ?? false,
      lireFilesDeTravaux: deps.filesDeTravaux ?? (async () => ({})),
    }),
  );
  await app.register(rateLimit, {
    max: config.RECHERCHE_LIMITE_PAR_MINUTE,
    timeWindow: '1 minute',
    allowList: (req) => !req.url.startsWith('/api/'),
  });

  const cookies = nomsCookies(config);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'API Trajectoires',
        description:
          `API du service public régional de l’orientation. Capacités : ${CAPACITES.map((c) => `${c.name} (${c.description})`).join(' ; ')}. ` +
          'Les opérations privées demandent la session (cookie) et, pour celles qui modifient, le jeton CSRF (en-tête) ; ' +
          'chacune dit la permission qu’elle exige (x-permission), la politique du service décide ensuite sur l’enregistrement lui-même. ' +
          'Toutes les erreurs suivent le format { erreur: { code, message, champs } }.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          [SCHEMAS_SECURITE.session]: { type: 'apiKey', in: 'cookie', name: cookies.session, description: 'Session ouverte par POST /api/v1/connexion' },
          [SCHEMAS_SECURITE.csrf]: {
            type: 'apiKey',
            in: 'header',
            name: 'x-csrf-token',
            description: `Jeton CSRF rendu par GET /api/v1/session, lié au cookie ${cookies.csrf}`,
          },
        },
      },
      tags: [...CAPACITES],
    },
    // Security requirement and permission come from the route's access declaration, never retyped.
    transform: (donnees) => {
      const { schema, url } = jsonSchemaTransform(donnees);
      const access = donnees.route.config?.access;
      if (!access || !schema) return { schema, url };
      const method = [donnees.route.method].flat().find((m) => m !== 'HEAD') ?? 'GET';
      const { texte, ...acces } = documenterAcces(method, access);
      const description = typeof schema.description === 'string' ? `${schema.description}\n\n${texte}` : texte;
      return { schema: { ...schema, ...acces, description }, url };
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { docExpansion: 'list', deepLinking: true }, staticCSP: true });

  app.get('/api/openapi.json', { config: { access: { public: 'description publique de l’API' } }, schema: { hide: true } }, async () => app.swagger());

  app.get(
    '/health',
    {
      config: { access: { public: 'sonde de disponibilité' } },
      schema: {
        tags: ['Exploitation'],
        summary: 'État du service et de sa base de données',
        response: { 200: z.object({ statut: z.literal('ok'), base: z.enum(['pglite', 'postgresql']) }) },
      },
    },
    async () => {
      await database.db.execute(sql`SELECT 1`);
      return { statut: 'ok' as const, base: database.engine };
    },
  );

  await app.register(identiteRoutes, { config });
  await app.register(auditRoutes, { config });
  await app.register(oidcRoutes, { config });
  await app.register(equipeRoutes, { config });
  await app.register(territoireRoutes);
  await app.register(annuaireRoutes);
  await app.register(exportRoutes);
  await app.register(gestionRoutes, { config });
  await app.register(signalementRoutes, { config });
  await app.register(dossierRoutes, { config });
  await app.register(consentementRoutes);
  await app.register(aiguillageRoutes, { config });
  await app.register(metiersRoutes, { config });
  await app.register(marcheTravailRoutes);
  await app.register(voiesRoutes, { config });

  app.get(
    '/api/v1/marque',
    {
      config: { access: { public: 'identité visuelle du service' } },
      schema: {
        tags: ['Exploitation'],
        summary: 'Bloc-marque et nom du service (configurables)',
        response: { 200: z.object({ intitule: z.string(), service: z.string(), baseline: z.string() }) },
      },
    },
    async () => ({ intitule: config.MARQUE_INTITULE, service: config.MARQUE_SERVICE, baseline: config.MARQUE_BASELINE }),
  );

  const siteWeb = deps.siteWeb ?? path.join(projectRoot, 'web', 'dist');
  if (existsSync(siteWeb)) {
    // Files are served by this one declared route, not by routes the plugin would add per file.
    // The build writes .br and .gz copies (web/poids-des-pages.ts): sent as they are to browsers that accept them.
    await app.register(fastifyStatic, { root: siteWeb, serve: false, preCompressed: true });
    app.get('/*', { config: { access: { public: 'pages et ressources publiques du site' } }, schema: { hide: true } }, (req, reply) => {
      const chemin = req.url.split('?')[0]!;
      // Addresses the server owns answer 404 when they do not exist (the API; the metrics on a
      // production setting without their token), never the single page: a client or a scraper
      // must not get HTML in their place.
      if (chemin.startsWith('/api/') || chemin === '/metrics') return reply.callNotFound();
      const fichier = fichierStatique(siteWeb, chemin);
      if (fichier) {
        // Built assets carry a content hash in their name: cache them for a year.
        if (fichier.startsWith('assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
        return reply.sendFile(fichier);
      }
      // Front-end routes (/annuaire, /services/:id...) all answer the single page.
      return reply.header('cache-control', 'no-cache').type('text/html').sendFile('index.html');
    });
  }

  return app;
}
