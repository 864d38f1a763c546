import { z } from '../../shared/zod.js';

/**
 * Vigilance on reads of personal data (docs/securite.md, « Vigilance sur les lectures »). The 2024
 * breach of 36.8 million job seekers' records went through advisor accounts reading far more
 * files than their usual volume.
 */
export const configVigilanceSchema = z.strictObject({
  /** Who is warned, besides the structure managers, when an account reads too much or is suspended. */
  SECURITE_CONTACT_EMAIL: z.email({ message: 'doit être une adresse électronique' }).default('securite@trajectoires.localhost'),
  /** An alert goes out above this many times the account's usual daily volume… */
  VIGILANCE_FACTEUR_ALERTE: z.coerce.number({ message: 'doit être un nombre' }).min(1, 'doit valoir au moins 1').default(5),
  /** …and never at or below this number of reads in 24 hours, whatever the usual volume (new accounts have none). */
  VIGILANCE_PLANCHER_ALERTE: z.coerce.number({ message: 'doit être un nombre' }).int('doit être un entier').min(1).default(50),
  /** Above this number of reads in 24 hours, the account is suspended at once. */
  VIGILANCE_PLAFOND_LECTURES_JOUR: z.coerce.number({ message: 'doit être un nombre' }).int('doit être un entier').min(1).default(500),
});

export type ConfigVigilance = z.infer<typeof configVigilanceSchema>;
