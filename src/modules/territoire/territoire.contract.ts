import { texteNettoye, z } from '../../shared/zod.js';

export const codeCommuneSchema = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'code INSEE de commune attendu (5 caractères, par exemple 64483)');

export const communesQuery = z.strictObject({
  q: texteNettoye(
    z.string().trim().min(2, 'saisissez au moins 2 caractères').max(100, 'la recherche ne peut pas dépasser 100 caractères'),
    'indiquez un nom de commune ou un code postal',
  ),
  region: z
    .string()
    .regex(/^\d{2}$/, 'code de région attendu (2 chiffres, par exemple 75)')
    .optional(),
  limite: z.coerce.number().int().min(1).max(50, 'la limite ne peut pas dépasser 50').default(10),
});
export type CommunesQuery = z.infer<typeof communesQuery>;

export const communeSchema = z.object({
  code: z.string(),
  nom: z.string(),
  departement: z.object({ code: z.string(), nom: z.string() }),
  region: z.object({ code: z.string(), nom: z.string() }),
  codes_postaux: z.array(z.string()),
  population: z.number().int().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
});
export type Commune = z.infer<typeof communeSchema>;

export const communesReponse = z.object({ communes: z.array(communeSchema) });

export const contoursQuery = z.strictObject({
  niveau: z.enum(['region', 'departement', 'commune'], { message: 'niveau attendu : region, departement ou commune' }),
  region: z
    .string()
    .regex(/^\d{2}$/, 'code de région attendu (2 chiffres)')
    .optional(),
  departement: z
    .string()
    .regex(/^(\d{2,3}|2[AB])$/, 'code de département attendu (par exemple 64, 2A, 974)')
    .optional(),
});
export type ContoursQuery = z.infer<typeof contoursQuery>;

export const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ code: z.string(), nom: z.string(), approximatif: z.boolean() }),
      geometry: z.unknown(),
    }),
  ),
});

export const regionSchema = z.object({ code: z.string(), nom: z.string() });
export const regionsReponse = z.object({
  regions: z.array(regionSchema.extend({ departements: z.array(z.object({ code: z.string(), nom: z.string() })) })),
});

/** Where a commune stands on the labour-market maps: its BMO area and its 2020 employment area. */
export interface LocalisationCommune {
  bassinBmo: { code: string; libelle: string } | null;
  zoneEmploi: { code: string; libelle: string | null } | null;
}

export interface BassinBmo {
  code: string;
  libelle: string;
  departements: { code: string; nom: string }[];
  region: { code: string; nom: string };
}
