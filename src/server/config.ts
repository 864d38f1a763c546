import path from 'node:path';
import { fileURLToPath } from 'node:url';
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
  DATA_DIR: z.string().min(1, 'ne peut pas être vide').default(path.join(projectRoot, '.data', 'pglite')),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'doit commencer par postgres:// ou postgresql://')
    .optional(),
  REFERENCE_DATA_DIR: z.string().min(1).default(path.resolve(projectRoot, '..', 'shared', 'data')),
  DEMO_TERRITOIRE: booleanFromEnv.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MARQUE_INTITULE: z.string().min(1).default('Région\nNouvelle-Aquitaine'),
  MARQUE_SERVICE: z.string().min(1).default('Trajectoires'),
  MARQUE_BASELINE: z.string().min(1).default("Service public régional de l'orientation"),
  RECHERCHE_LIMITE_PAR_MINUTE: z.coerce.number().int().min(1).default(600),
});

export type Config = z.infer<typeof configSchema>;

/** Keys read from the environment; anything else in process.env is ignored. */
const keys = Object.keys(configSchema.shape) as (keyof Config)[];

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
  return parsed.data;
}
