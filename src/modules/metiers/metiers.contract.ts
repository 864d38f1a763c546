import { paginationQuery, paginationSchema } from '../../shared/pagination.js';
import { texteNettoye, z } from '../../shared/zod.js';

// ── Codes of the referential ───────────────────────────────────────────────

export const codeRomeSchema = z
  .string({ message: 'code ROME attendu : une lettre majuscule et quatre chiffres, par exemple J1501' })
  .regex(/^[A-Z]\d{4}$/, 'code ROME attendu : une lettre majuscule et quatre chiffres, par exemple J1501');

export const codeOgrSchema = z
  .string({ message: 'code OGR attendu : des chiffres, par exemple 10891' })
  .regex(/^\d{1,8}$/, 'code OGR attendu : des chiffres, par exemple 10891');

export const RIASEC = ['R', 'I', 'A', 'S', 'E', 'C'] as const;
export type LettreRiasec = (typeof RIASEC)[number];

const libelleCode = z.object({ code: z.string(), libelle: z.string() });
const versionSchema = z.object({ numero: z.number().int(), libelle: z.string(), date_publication: z.string() });

// ── Search ─────────────────────────────────────────────────────────────────

export const rechercheQuery = z.strictObject({
  q: texteNettoye(
    z.string().trim().min(2, 'saisissez au moins 2 caractères').max(100, 'la recherche ne peut pas dépasser 100 caractères'),
    'indiquez un intitulé de métier ou un code ROME',
  ),
  ...paginationQuery,
});
export type RechercheQuery = z.infer<typeof rechercheQuery>;

export const rechercheReponse = z.object({
  resultats: z.array(
    z.object({
      code: z.string(),
      libelle: z.string(),
      /** The job titles of the fiche that match, best first (five at most). */
      appellations: z.array(libelleCode),
    }),
  ),
  pagination: paginationSchema,
});
export type RechercheReponse = z.infer<typeof rechercheReponse>;

// ── The fiche ──────────────────────────────────────────────────────────────

export const ficheParams = z.strictObject({ code: codeRomeSchema });

export const COEUR_METIER = ['principale', 'emergente'] as const;
const competenceSchema = z.object({
  code: z.string(),
  libelle: z.string(),
  /** Whether the referential marks it at the core of the occupation ('principale') or emerging. */
  coeur_metier: z.enum(COEUR_METIER).nullable(),
});

export const TYPES_COMPETENCE = ['savoir_faire', 'savoir_etre', 'savoir'] as const;
export type TypeCompetence = (typeof TYPES_COMPETENCE)[number];

const riasecSchema = z.object({ code: z.enum(RIASEC), nom: z.string() }).nullable();

export const ficheReponse = z.object({
  code: z.string(),
  libelle: z.string(),
  version: versionSchema,
  grand_domaine: libelleCode,
  domaine_professionnel: libelleCode,
  definition: z.array(z.string()),
  acces: z.array(z.string()),
  riasec: z.object({ majeur: riasecSchema, mineur: riasecSchema }),
  emploi_reglemente: z.boolean(),
  emploi_cadre: z.boolean(),
  transitions: z.object({ ecologique: z.string().nullable(), numerique: z.string().nullable(), demographique: z.string().nullable() }),
  appellations: z.array(z.object({ code: z.string(), libelle: z.string(), principale: z.boolean(), peu_usitee: z.boolean() })),
  competences: z.object({
    /** By category (Technique, Technique expert, Transverse), then by macro-competence. */
    savoir_faire: z.array(
      z.object({
        categorie: z.string(),
        macro_competences: z.array(z.object({ code: z.string(), libelle: z.string(), competences: z.array(competenceSchema) })),
      }),
    ),
    savoir_etre: z.array(competenceSchema),
    savoirs: z.array(z.object({ categorie: z.string(), savoirs: z.array(competenceSchema) })),
  }),
  contextes_travail: z.array(z.object({ type: z.string(), contextes: z.array(libelleCode) })),
  mobilites: z.array(z.object({ code: z.string(), libelle: z.string(), ordre: z.number().int() })),
  centres_interet: z.array(libelleCode.extend({ principal: z.boolean() })),
  secteurs: z.array(libelleCode.extend({ sous_secteur: libelleCode.nullable(), principal: z.boolean() })),
  secteurs_naf: z.array(libelleCode),
  themes: z.array(libelleCode),
});
export type FicheMetier = z.infer<typeof ficheReponse>;

export const competenceCochableSchema = z.object({
  code: z.string(),
  libelle: z.string(),
  type: z.enum(TYPES_COMPETENCE),
  coeur_metier: z.boolean(),
});
export type CompetenceCochable = z.infer<typeof competenceCochableSchema>;

export const competencesReponse = z.object({
  code: z.string(),
  libelle: z.string(),
  /** Core skills first, then by type and label: what a page offers to tick. */
  competences: z.array(competenceCochableSchema),
});

// ── From skills to occupations ─────────────────────────────────────────────

export const EXPERIENCES_MAX = 10;
export const COMPETENCES_MAX = 200;

export const experienceSchema = z.union([z.strictObject({ appellation: codeOgrSchema }), z.strictObject({ metier: codeRomeSchema })], {
  message: 'une expérience est { "appellation": code OGR } ou { "metier": code ROME }',
});
export type Experience = z.infer<typeof experienceSchema>;

export const rapprochementCorps = z
  .strictObject({
    experiences: z.array(experienceSchema).max(EXPERIENCES_MAX, `${EXPERIENCES_MAX} expériences au plus`).default([]),
    competences: z.array(codeOgrSchema).max(COMPETENCES_MAX, `${COMPETENCES_MAX} compétences au plus`).default([]),
    limite: z.number().int('la limite doit être un entier').min(1, 'la limite vaut au moins 1').max(50, 'la limite ne peut pas dépasser 50').default(10),
  })
  .refine((c) => c.experiences.length + c.competences.length > 0, {
    path: ['competences'],
    message: 'indiquez au moins une expérience ou une compétence',
  });
export type RapprochementCorps = z.infer<typeof rapprochementCorps>;

export const suggestionSchema = z.object({
  code: z.string(),
  libelle: z.string(),
  /** From 0 to 1: the share of the fiche's skills already held (core ones count double), plus a bonus for a listed mobilité. */
  score: z.number(),
  competences_acquises: z.array(competenceCochableSchema),
  /** Core skills first; ten at most (nb_competences_manquantes gives the count). */
  competences_manquantes: z.array(competenceCochableSchema),
  nb_competences_manquantes: z.number().int(),
  mobilite: z.object({ depuis: libelleCode, ordre: z.number().int() }).nullable(),
  explication: z.array(z.string()),
});
export type Suggestion = z.infer<typeof suggestionSchema>;

export const rapprochementReponse = z.object({
  version: versionSchema,
  /** True when no skill was ticked: the skills of the experiences were taken as held. */
  competences_deduites_des_experiences: z.boolean(),
  suggestions: z.array(suggestionSchema),
});
export type RapprochementReponse = z.infer<typeof rapprochementReponse>;

// ── Interests questionnaire (RIASEC) ───────────────────────────────────────

export const questionnaireSchema = z.strictObject({
  version: z.string().min(1),
  date: z.iso.date(),
  source: z.string().min(1),
  consigne: z.string().min(1),
  avertissement: z.string().min(1),
  echelle: z.array(z.strictObject({ valeur: z.number().int().min(0), libelle: z.string().min(1) })).min(2),
  lettres: z.array(z.strictObject({ code: z.enum(RIASEC), nom: z.string().min(1), description: z.string().min(1) })).length(6),
  items: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), lettre: z.enum(RIASEC), texte: z.string().min(1) })).min(6),
});
export type Questionnaire = z.infer<typeof questionnaireSchema>;

export const interetsCorps = z.strictObject({
  reponses: z
    .array(
      z.strictObject({
        item: z.string({ message: 'identifiant d’item attendu' }).regex(/^[a-z0-9-]{1,40}$/, 'identifiant d’item attendu (lettres, chiffres, tirets)'),
        valeur: z.number({ message: 'valeur attendue : un nombre de l’échelle' }).int('valeur attendue : un entier de l’échelle').min(0).max(10),
      }),
    )
    .min(1, 'répondez à au moins un item')
    .max(100, '100 réponses au plus'),
});
export type InteretsCorps = z.infer<typeof interetsCorps>;

export const interetsReponse = z.object({
  questionnaire: z.object({ version: z.string(), date: z.string() }),
  /** The six letters, strongest first, each with its share of the maximum (0 to 1). */
  lettres: z.array(z.object({ code: z.enum(RIASEC), nom: z.string(), score: z.number() })),
  profil: z.string(),
  familles: z.array(
    z.object({
      domaine_professionnel: libelleCode,
      grand_domaine: libelleCode,
      nb_fiches: z.number().int(),
      exemples: z.array(z.object({ code: z.string(), libelle: z.string(), riasec: z.string() })),
    }),
  ),
  avertissement: z.string(),
});
export type InteretsReponse = z.infer<typeof interetsReponse>;
