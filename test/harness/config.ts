import { type Config, loadConfig } from '../../src/server/config.js';

/**
 * The environment of every test application, before what a test file adds. MOT_DE_PASSE_COUT_SCRYPT
 * is the one setting that keeps password hashing cheap in the tests: every account the tests create
 * or sign in with, the demo accounts and the stand-in hash of unknown addresses cost 2^10 instead of
 * the production 2^17 (about 1 ms instead of a few hundred). Only identite.motdepasse.test.ts hashes
 * at the production cost; production refuses the reduced one (identite.config.ts).
 */
export const ENV_DE_TEST: Readonly<Record<string, string>> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  RECHERCHE_LIMITE_PAR_MINUTE: '100000',
  MOT_DE_PASSE_COUT_SCRYPT: '10',
};

/** The configuration of a test application: ENV_DE_TEST, then the variables of the test file. */
export function configDeTest(env: Record<string, string> = {}): Config {
  return loadConfig({ ...ENV_DE_TEST, ...env });
}
