import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from './zod.js';

/** The repository's root: built files, data shipped with the code (rules, questionnaires). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const booleanFromEnv = z
  .enum(['true', 'false', '1', '0', 'oui', 'non'], { message: 'attendu : true ou false' })
  .transform((v) => v === 'true' || v === '1' || v === 'oui');

/**
 * The environment variables that know no capability (server, database, sessions, brand). Each
 * module adds its own fragment (`<module>.config.ts`); src/server/config.ts merges them all.
 */
export const configSocleSchema = z.strictObject({
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
  // Sign-in anti-automation, per address tried (known or not): the delay after the 1st, 2nd, …
  // consecutive failure (the last one holds beyond the list), the lock-out from the n-th failure on,
  // and how long a quiet address keeps its failures.
  CONNEXION_ATTENTES_SECONDES: z
    .string()
    .regex(/^\d{1,5}(,\d{1,5})*$/, 'attendu : des nombres de secondes séparés par des virgules, par exemple 0,0,1,2,4')
    .transform((v) => v.split(',').map(Number))
    .default([0, 0, 1, 2, 4, 8, 16, 32, 64]),
  CONNEXION_ECHECS_AVANT_VERROU: z.coerce.number().int().min(3).max(50).default(10),
  CONNEXION_VERROU_MINUTES: z.coerce.number().int().min(1).default(30),
  CONNEXION_OUBLI_HEURES: z.coerce.number().int().min(1).default(24),
  CONNEXION_LIMITE_PAR_IP_MINUTE: z.coerce.number().int().min(1).default(30),
  // The address people reach the service at: links in e-mails, identity-provider callbacks.
  URL_PUBLIQUE: z.url({ message: 'doit être une adresse http:// ou https://' }).optional(),
});

/** The shared part of the configuration once loaded: secure cookies and the public address are settled. */
export type ConfigSocle = Omit<z.infer<typeof configSocleSchema>, 'COOKIE_SECURISE' | 'URL_PUBLIQUE'> & { COOKIE_SECURISE: boolean; URL_PUBLIQUE: string };
