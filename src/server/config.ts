import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { configEquipeSchema } from '../modules/identite/equipe/equipe.config.js';
import { configOidcSchema, problemesConfigOidc } from '../modules/identite/oidc/oidc.config.js';
import { configVigilanceSchema } from '../modules/vigilance/vigilance.config.js';
import { configFraicheurSchema } from '../modules/annuaire/fraicheur/fraicheur.config.js';
import { configMessagerieSchema } from '../shared/messagerie.js';
import { z } from '../shared/zod.js';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'oui', 'non'], { message: 'attendu : true ou false' })
  .transform((v) => v === 'true' || v === '1' || v === 'oui');

const configSchema = z.strictObject({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ message: 'doit être un nombre' })
    .int('doit être un entier')
    .min(0, 'doit être compris entre 0 et 65535')
    .max(65535, 'doit être compris entre 0 et 65535')
    .default(3000),
  HOST: z.string().min(1, 'ne peut pas être vide').default('127.0.0.1'),
  DATA_DIR: z
    .string()
    .min(1, 'ne peut pas être vide')
    .default(path.join(projectRoot, '.data', 'pglite')),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'doit commencer par postgres:// ou postgresql://')
    .optional(),
  REFERENCE_DATA_DIR: z
    .string()
    .min(1)
    .default(path.resolve(projectRoot, '..', 'shared', 'data')),
  DEMO_TERRITOIRE: booleanFromEnv.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MARQUE_INTITULE: z.string().min(1).default('Région\nNouvelle-Aquitaine'),
  MARQUE_SERVICE: z.string().min(1).default('Trajectoires'),
  MARQUE_BASELINE: z.string().min(1).default("Service public régional de l'orientation"),
  RECHERCHE_LIMITE_PAR_MINUTE: z.coerce.number().int().min(1).default(600),
  // Sessions: ASVS level 2 caps idle time at 30 minutes and the lifetime at 12 hours.
  SESSION_INACTIVITE_MINUTES: z.coerce.number().int().min(1).max(30, 'au plus 30 minutes').default(30),
  SESSION_DUREE_MAX_HEURES: z.coerce.number().int().min(1).max(12, 'au plus 12 heures').default(12),
  // Secure cookies need HTTPS; only local development over http may turn them off.
  COOKIE_SECURISE: booleanFromEnv.optional(),
  CONNEXION_ECHECS_AVANT_VERROU: z.coerce.number().int().min(3).max(50).default(10),
  CONNEXION_VERROU_MINUTES: z.coerce.number().int().min(1).default(30),
  CONNEXION_LIMITE_PAR_IP_MINUTE: z.coerce.number().int().min(1).default(30),
  // The address people reach the service at: links in e-mails, identity-provider callbacks.
  URL_PUBLIQUE: z.url({ message: 'doit être une adresse http:// ou https://' }).optional(),
  ...configMessagerieSchema.shape,
  ...configFraicheurSchema.shape,
  ...configOidcSchema.shape,
  ...configEquipeSchema.shape,
  ...configVigilanceSchema.shape,
});

export type Config = Omit<z.infer<typeof configSchema>, 'COOKIE_SECURISE' | 'URL_PUBLIQUE'> & { COOKIE_SECURISE: boolean; URL_PUBLIQUE: string };

/** Keys read from the environment; anything else in process.env is ignored. */
const keys = Object.keys(configSchema.shape) as (keyof z.infer<typeof configSchema>)[];

export class ConfigError extends Error {
  constructor(readonly problemes: string[]) {
    super(`Configuration invalide :\n${problemes.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment once at boot; throws a ConfigError listing, in French, every bad value. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input: Record<string, string> = {};
  for (const key of keys) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const parsed = configSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`));
  }
  const config = {
    ...parsed.data,
    COOKIE_SECURISE: parsed.data.COOKIE_SECURISE ?? parsed.data.NODE_ENV === 'production',
    URL_PUBLIQUE: (parsed.data.URL_PUBLIQUE ?? `http://localhost:${parsed.data.PORT}`).replace(/\/+$/, ''),
  };
  if (config.NODE_ENV === 'production' && !config.COOKIE_SECURISE) {
    throw new ConfigError(['COOKIE_SECURISE : les cookies doivent être sécurisés (HTTPS) en production']);
  }
  const problemesOidc = problemesConfigOidc(config, config.NODE_ENV);
  if (problemesOidc.length > 0) throw new ConfigError(problemesOidc);
  return config;
}
