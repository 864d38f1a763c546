import { texteNettoye, z } from '../../shared/zod.js';

const codeCommune = z
  .string({ message: 'indiquez la commune (code INSEE, par exemple 33063)' })
  .regex(/^(\d{5}|2[AB]\d{3})$/, 'code INSEE de commune attendu (5 caractères, par exemple 33063)');

/** FAP 2021 code at its 228-family level, the one BMO uses ("J1X80"). */
export const codeMetierBmo = z.string().regex(/^[A-Z]\d[A-Z]\d{2}$/, 'code de métier BMO attendu (famille FAP 2021, par exemple J1X80)');
export const codeRome = z.string().regex(/^[A-N]\d{4}$/, 'code ROME attendu (une lettre de A à N et 4 chiffres, par exemple M1607)');
export const codeBassin = z.string().regex(/^\d{3,4}$/, 'code de bassin d’emploi BMO attendu (3 ou 4 chiffres, par exemple 7532)');

/** Recruitment projects of the lists of an area: below this many, a share judged difficult says little. */
export const SEUIL_PROJETS_DEFAUT = 30;

export const metiersBmoQuery = z.strictObject({
  q: texteNettoye(z.string().trim().min(2, 'saisissez au moins 2 caractères').max(100, 'la recherche ne peut pas dépasser 100 caractères')).optional(),
});
export type MetiersBmoQuery = z.infer<typeof metiersBmoQuery>;

export const perspectivesQuery = z.strictObject({
  commune: codeCommune,
  metier_bmo: codeMetierBmo.optional(),
  rome: codeRome.optional(),
});
export type PerspectivesQuery = z.infer<typeof perspectivesQuery>;

export const bassinParams = z.strictObject({ code: codeBassin });

export const bassinQuery = z.strictObject({
  limite: z.coerce.number({ message: 'la limite doit être un nombre' }).int().min(1).max(50, 'la limite ne peut pas dépasser 50').default(10),
  min_projets: z.coerce
    .number({ message: 'le seuil doit être un nombre de projets' })
    .int()
    .min(1, 'le seuil doit être d’au moins 1 projet')
    .max(10_000)
    .default(SEUIL_PROJETS_DEFAUT),
});
export type BassinQuery = z.infer<typeof bassinQuery>;

export const sourceSchema = z
  .object({
    code: z.string(),
    libelle: z.string(),
    producteur: z.string(),
    licence: z.string(),
    periode: z.string(),
    date_fichier: z.string(),
    avertissement: z.string().nullable(),
  })
  .describe('D’où vient le chiffre : producteur, période couverte, licence, réserves');
export type Source = z.infer<typeof sourceSchema>;

export const effectifSchema = z
  .object({ valeur: z.number().int().nullable(), secret: z.boolean() })
  .describe('Effectif publié ; secret=true et valeur=null quand le secret statistique le masque (ce n’est pas zéro)');
export type Effectif = z.infer<typeof effectifSchema>;

export const metierBmoSchema = z.object({
  code: z.string(),
  libelle: z.string(),
  famille: z.object({ code: z.string(), libelle: z.string() }),
  domaine: z.object({ code: z.string(), libelle: z.string() }).describe('Domaine professionnel FAP 2021 (niveau 22)'),
});
export type MetierBmo = z.infer<typeof metierBmoSchema>;

export const metiersBmoReponse = z.object({ metiers: z.array(metierBmoSchema), source: sourceSchema });

const chiffresBmo = {
  projets: effectifSchema,
  difficiles: effectifSchema,
  saisonniers: effectifSchema,
  part_difficiles: z.number().nullable().describe('Part des projets jugés difficiles (0 à 1) ; null si un effectif est secret'),
  part_saisonniers: z.number().nullable().describe('Part des projets saisonniers (0 à 1) ; null si un effectif est secret'),
};

const absent = z.object({ disponible: z.literal(false), message: z.string() });

export const trimestreSchema = z.object({ trimestre: z.string(), taux: z.number() });

export const perspectivesReponse = z.object({
  commune: z.object({ code: z.string(), nom: z.string(), departement: z.object({ code: z.string(), nom: z.string() }) }),
  bassin_bmo: z.object({ code: z.string(), libelle: z.string() }).nullable(),
  zone_emploi: z.object({ code: z.string(), libelle: z.string().nullable() }).nullable(),
  metier_bmo: metierBmoSchema.nullable(),
  rome: z.string().nullable(),
  correspondance_rome_bmo: z.null().describe('Toujours null : aucune table officielle ne relie le ROME 4.0 aux familles BMO'),
  correspondance_message: z.string(),
  recrutements: z.discriminatedUnion('disponible', [
    z.object({ disponible: z.literal(true), source: sourceSchema, annee: z.number().int(), ...chiffresBmo }),
    absent,
  ]),
  tension: z.discriminatedUnion('disponible', [
    z.object({
      disponible: z.literal(true),
      source: sourceSchema,
      annee: z.number().int(),
      rome: z.object({ code: z.string(), libelle: z.string() }),
      offres: z.number().int(),
      demandeurs: z.number().int(),
      indice_tension: z.number().int().min(1).max(5),
    }),
    absent,
  ]),
  chomage: z.discriminatedUnion('disponible', [
    z.object({
      disponible: z.literal(true),
      source: sourceSchema,
      zone_emploi: z.object({ code: z.string(), libelle: z.string().nullable() }),
      serie: z.array(trimestreSchema),
    }),
    absent,
  ]),
});
export type PerspectivesReponse = z.infer<typeof perspectivesReponse>;

export const ligneMetierSchema = z.object({ metier: metierBmoSchema, ...chiffresBmo });
export type LigneMetier = z.infer<typeof ligneMetierSchema>;

export const bassinReponse = z.object({
  bassin: z.object({
    code: z.string(),
    libelle: z.string(),
    departements: z.array(z.object({ code: z.string(), nom: z.string() })),
    region: z.object({ code: z.string(), nom: z.string() }),
  }),
  recrutements: z.object({
    source: sourceSchema,
    annee: z.number().int().nullable().describe('Année de l’enquête ; null quand elle ne publie rien pour ce bassin'),
    min_projets: z.number().int().describe('Seuil de projets en deçà duquel un métier n’entre pas dans le classement par part difficile'),
    plus_de_projets: z.array(ligneMetierSchema),
    plus_difficiles_part: z.array(ligneMetierSchema),
    plus_difficiles_nombre: z.array(ligneMetierSchema),
  }),
  chomage: z.object({
    source: sourceSchema,
    zones_emploi: z.array(z.object({ code: z.string(), libelle: z.string().nullable(), communes: z.number().int(), serie: z.array(trimestreSchema) })),
  }),
});
export type BassinReponse = z.infer<typeof bassinReponse>;
