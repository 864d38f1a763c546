import { z } from '../../../shared/zod.js';

/** Environment variables of team management, merged into the application's configuration schema. */
export const configEquipeSchema = z.strictObject({
  // Long enough for someone back from a week off; short enough that a forgotten link dies.
  INVITATION_VALIDITE_JOURS: z.coerce.number({ message: 'doit être un nombre' }).int('doit être un entier').min(1).max(30).default(7),
});

export type ConfigEquipe = z.infer<typeof configEquipeSchema>;
