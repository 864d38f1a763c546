import { paginationQuery, paginationSchema } from '../../../shared/pagination.js';
import { texteLibre, z } from '../../../shared/zod.js';

const uuid = (quoi: string) => z.uuid({ message: `identifiant ${quoi} invalide (UUID attendu)` });

export const OBJETS_SIGNALABLES = ['structure', 'site', 'service'] as const;

export const signalementCorps = z.strictObject({
  structure_id: uuid('de structure'),
  objet: z.strictObject({
    type: z.enum(OBJETS_SIGNALABLES, { message: 'objet : structure, site ou service attendu' }),
    id: uuid('de la fiche signalée'),
  }),
  message: texteLibre('message', 'message : décrivez l’erreur')
    .trim()
    .min(10, 'message : 10 caractères au moins, pour que la structure comprenne l’erreur')
    .max(2000, 'message : 2 000 caractères au plus'),
  courriel: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string()
      .trim()
      .max(254, 'adresse électronique trop longue')
      .pipe(z.email({ message: 'adresse électronique invalide, par exemple prenom.nom@exemple.fr' }))
      .optional(),
  ),
});
export type SignalementCorps = z.infer<typeof signalementCorps>;

export const signalementCree = z.object({ id: z.string() });
export const signalementTraite = z.object({ id: z.string(), traite_le: z.string() });

export const signalementsQuery = z.strictObject({
  structure_id: uuid('de structure').optional(),
  statut: z.enum(['ouverts', 'traites', 'tous'], { message: 'statut attendu : ouverts, traites ou tous' }).default('ouverts'),
  ...paginationQuery,
});
export type SignalementsQuery = z.infer<typeof signalementsQuery>;

export const signalementParams = z.strictObject({ id: uuid('de signalement') });

export const signalementSchema = z.object({
  id: z.string(),
  structure: z.object({ id: z.string(), nom: z.string() }),
  objet: z.object({ type: z.enum(OBJETS_SIGNALABLES), id: z.string(), nom: z.string().nullable() }),
  message: z.string(),
  /** The reporter's address, until the report is handled (then erased). */
  courriel: z.string().nullable(),
  cree_le: z.string(),
  traite_le: z.string().nullable(),
});
export type Signalement = z.infer<typeof signalementSchema>;

export const signalementsReponse = z.object({ signalements: z.array(signalementSchema), pagination: paginationSchema });
