import { z } from '../../../shared/zod.js';

/** Settings of the directory's freshness, merged into the application's configuration schema. */
export const configFraicheurSchema = z.strictObject({
  // A record nobody confirmed for this many months gets its managers a reminder (at most one per period).
  ANNUAIRE_RAPPEL_CONFIRMATION_MOIS: z.coerce
    .number({ message: 'doit être un nombre de mois' })
    .int('doit être un nombre entier de mois')
    .min(1, 'au moins 1 mois')
    .max(36, 'au plus 36 mois')
    .default(6),
});
