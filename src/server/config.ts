import { configEquipeSchema } from '../modules/identite/equipe/equipe.config.js';
import { configIdentiteSchema, problemesConfigIdentite } from '../modules/identite/identite.config.js';
import { configOidcSchema, problemesConfigOidc } from '../modules/identite/oidc/oidc.config.js';
import { configVigilanceSchema } from '../modules/vigilance/vigilance.config.js';
import { configFraicheurSchema } from '../modules/annuaire/fraicheur/fraicheur.config.js';
import { type ConfigSocle, configSocleSchema } from '../shared/config.js';
import { configMessagerieSchema } from '../shared/messagerie.js';
import { configMetriquesSchema } from '../shared/metriques.js';
import { z } from '../shared/zod.js';

const configSchema = z.strictObject({
  ...configSocleSchema.shape,
  ...configMessagerieSchema.shape,
  ...configFraicheurSchema.shape,
  ...configOidcSchema.shape,
  ...configIdentiteSchema.shape,
  ...configEquipeSchema.shape,
  ...configVigilanceSchema.shape,
  ...configMetriquesSchema.shape,
});

export type Config = ConfigSocle & Omit<z.infer<typeof configSchema>, keyof ConfigSocle>;

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
  const problemes = [...problemesConfigOidc(config, config.NODE_ENV), ...problemesConfigIdentite(config, config.NODE_ENV)];
  if (problemes.length > 0) throw new ConfigError(problemes);
  return config;
}
