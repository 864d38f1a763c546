import { z } from './zod.js';

/** The error body of every route, for the OpenAPI document. */
export const erreurSchema = z
  .object({
    erreur: z.object({
      code: z.string(),
      message: z.string(),
      champs: z.array(z.object({ chemin: z.string(), message: z.string() })).optional(),
      reference: z.string().optional(),
    }),
  })
  .describe('Erreur : code stable, message en français, champs en cause');

export const reponsesErreur = { 400: erreurSchema, 429: erreurSchema, 500: erreurSchema };
export const reponsesErreurAvec404 = { ...reponsesErreur, 404: erreurSchema };
