import { z } from '../../shared/zod.js';
import { PARAMETRES_SCRYPT, type ParametresScrypt } from './identite.motdepasse.js';

/** Environment variables of local accounts, merged into the application's configuration schema. */
export const configIdentiteSchema = z.strictObject({
  // log2 of scrypt's N for the passwords hashed from now on (accounts created, demo accounts, the
  // stand-in hash of unknown addresses). Lower only where no real password is at stake: each step
  // down halves what a guess costs an attacker. The test harness sets 10 (about 1 ms per hash).
  MOT_DE_PASSE_COUT_SCRYPT: z.coerce
    .number({ message: 'doit être un nombre' })
    .int('doit être un entier')
    .min(10, 'au moins 10')
    .max(PARAMETRES_SCRYPT.log2N, `au plus ${PARAMETRES_SCRYPT.log2N} (le coût de production)`)
    .default(PARAMETRES_SCRYPT.log2N),
});

export type ConfigIdentite = z.infer<typeof configIdentiteSchema>;

/** What the identity settings may not be in this environment: a reduced hashing cost in production. */
export function problemesConfigIdentite(config: ConfigIdentite, environnement: string): string[] {
  if (environnement === 'production' && config.MOT_DE_PASSE_COUT_SCRYPT < PARAMETRES_SCRYPT.log2N) {
    return [`MOT_DE_PASSE_COUT_SCRYPT : le coût réduit est réservé aux tests ; retirez la variable en production (coût ${PARAMETRES_SCRYPT.log2N})`];
  }
  return [];
}

/** The scrypt parameters of the passwords hashed under this configuration. */
export function coutHachage(config: ConfigIdentite): ParametresScrypt {
  return { ...PARAMETRES_SCRYPT, log2N: config.MOT_DE_PASSE_COUT_SCRYPT };
}
