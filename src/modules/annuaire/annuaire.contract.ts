import { paginationQuery, paginationSchema } from '../../shared/pagination.js';
import { texteNettoye, z } from '../../shared/zod.js';

export const RAYON_MAX_KM = 200;
export const RAYON_DEFAUT_KM = 30;
/**
 * A search counts and ranks at most this many matches: beyond, the total is this number with
 * total_exact false ("more than 1,000"), and the pages stop there (docs/adr/0003-recherche-bornee.md).
 */
export const PLAFOND_RESULTATS = 1000;

const codeCommune = z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'code INSEE de commune attendu (5 caractères, par exemple 64483)');

/** "a,b" or ["a","b"] → ["a","b"]; each value checked against its vocabulary. */
function listeDe(valeur: z.ZodType<string>, nom: string) {
  return z.preprocess(
    (v) =>
      typeof v === 'string'
        ? v
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(valeur).max(20, `au plus 20 ${nom}`),
  );
}

const slug = (nom: string) => z.string().regex(/^[a-z0-9-]{2,120}$/, `${nom} inconnu : utilisez les codes de /api/v1/referentiels`);

const rechercheCommune = {
  q: texteNettoye(z.string().trim().max(200, 'la recherche ne peut pas dépasser 200 caractères')).optional(),
  commune: codeCommune.optional(),
  rayon_km: z.coerce
    .number({ message: 'le rayon doit être un nombre de kilomètres' })
    .min(1, 'le rayon doit être d’au moins 1 km')
    .max(RAYON_MAX_KM, `le rayon ne peut pas dépasser ${RAYON_MAX_KM} km`)
    .optional(),
  reseaux: listeDe(slug('réseau'), 'réseaux').optional(),
  ...paginationQuery,
};

export const servicesQuery = z.strictObject({
  ...rechercheCommune,
  publics: listeDe(slug('public'), 'publics').optional(),
  // a full code ("se-former--trouver-sa-formation") or a family ("se-former")
  thematiques: listeDe(slug('thématique'), 'thématiques').optional(),
  tri: z.enum(['pertinence', 'distance'], { message: 'tri attendu : pertinence ou distance' }).default('pertinence'),
});
export type ServicesQuery = z.infer<typeof servicesQuery>;

export const sitesQuery = z.strictObject({
  ...rechercheCommune,
  accueil: z.enum(['public', 'tous'], { message: 'accueil attendu : public ou tous' }).default('public'),
});
export type SitesQuery = z.infer<typeof sitesQuery>;

export const idParams = z.strictObject({ id: z.uuid({ message: 'identifiant invalide (UUID attendu)' }) });

const reseauResume = z.object({ code: z.string(), libelle: z.string() });
const communeResume = z.object({ code: z.string(), nom: z.string() });

export const plageHoraireSchema = z.object({ debut: z.string(), fin: z.string() });
export const horairesSchema = z.array(z.object({ jours: z.array(z.number().int().min(1).max(7)), plages: z.array(plageHoraireSchema) }));
export type Horaires = z.infer<typeof horairesSchema>;

export const siteResumeSchema = z.object({
  id: z.string(),
  nom: z.string(),
  adresse: z.string().nullable(),
  code_postal: z.string().nullable(),
  commune: communeResume.nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  position_approximative: z.boolean(),
});

export const serviceResumeSchema = z.object({
  id: z.string(),
  nom: z.string(),
  resume: z.string(),
  type: z.string().nullable(),
  thematiques: z.array(z.string()),
  publics: z.array(z.string()),
  modes_accueil: z.array(z.string()),
  frais: z.string().nullable(),
  origine: z.enum(['producteur', 'offre_reseau', 'demonstration']),
  demonstration: z.boolean(),
  date_donnees: z.string(),
  structure: z.object({ id: z.string(), nom: z.string(), reseau: reseauResume.nullable() }),
  site: siteResumeSchema.nullable(),
  distance_km: z.number().nullable(),
});
export type ServiceResume = z.infer<typeof serviceResumeSchema>;

const rechercheEffectuee = z.object({
  q: z.string().nullable(),
  termes_corriges: z.array(z.object({ saisi: z.string(), corrige: z.string() })),
  commune: z.object({ code: z.string(), nom: z.string(), latitude: z.number().nullable(), longitude: z.number().nullable() }).nullable(),
  rayon_km: z.number().nullable(),
});

// total_exact false: more matches than PLAFOND_RESULTATS, which total then holds.
const paginationRecherche = paginationSchema.extend({ total_exact: z.boolean() });

export const servicesReponse = z.object({
  services: z.array(serviceResumeSchema),
  pagination: paginationRecherche,
  recherche: rechercheEffectuee,
});

export const siteSchema = siteResumeSchema.extend({
  structure: z.object({ id: z.string(), nom: z.string(), reseau: reseauResume.nullable() }),
  canaux: z.array(z.string()),
  telephone: z.string().nullable(),
  courriel: z.string().nullable(),
  site_web: z.string().nullable(),
  prise_rdv: z.string().nullable(),
  horaires: horairesSchema.nullable(),
  horaires_texte: z.string().nullable(),
  accessibilite: z.string().nullable(),
  accueil_public: z.boolean(),
  demonstration: z.boolean(),
  source: z.string(),
  date_donnees: z.string(),
  distance_km: z.number().nullable(),
});
export type Site = z.infer<typeof siteSchema>;

export const sitesReponse = z.object({
  sites: z.array(siteSchema),
  pagination: paginationRecherche,
  recherche: rechercheEffectuee,
});

export const contactSchema = z.object({
  id: z.string(),
  nom: z.string(),
  fonction: z.string().nullable(),
  telephone: z.string().nullable(),
  courriel: z.string().nullable(),
  site_id: z.string().nullable(),
  demonstration: z.boolean(),
});

export const serviceDetailSchema = serviceResumeSchema.extend({
  description: z.string(),
  publics_precisions: z.string().nullable(),
  conditions_acces: z.string().nullable(),
  frais_precisions: z.string().nullable(),
  modes_mobilisation: z.array(z.string()),
  mobilisable_par: z.array(z.string()),
  mobilisation_precisions: z.string().nullable(),
  lien_mobilisation: z.string().nullable(),
  zone_eligibilite: z.array(z.string()).nullable(),
  telephone: z.string().nullable(),
  courriel: z.string().nullable(),
  source: z.string(),
  site: siteSchema.omit({ distance_km: true }).nullable(),
});

export const structureDetailSchema = z.object({
  id: z.string(),
  nom: z.string(),
  reseau: reseauResume.extend({ description: z.string() }).nullable(),
  siret: z.string().nullable(),
  description: z.string().nullable(),
  telephone: z.string().nullable(),
  courriel: z.string().nullable(),
  site_web: z.string().nullable(),
  commune: communeResume.nullable(),
  demonstration: z.boolean(),
  source: z.string(),
  date_donnees: z.string(),
  confirme_le: z.string().nullable(),
  sites: z.array(siteSchema.omit({ distance_km: true })),
  services: z.array(serviceResumeSchema.omit({ distance_km: true })),
  contacts: z.array(contactSchema),
});

const entreeVocabulaire = z.object({ valeur: z.string(), libelle: z.string(), description: z.string().nullable() });
export const referentielsReponse = z.object({
  thematiques: z.array(entreeVocabulaire),
  publics: z.array(entreeVocabulaire),
  types_services: z.array(entreeVocabulaire),
  modes_accueil: z.array(entreeVocabulaire),
  reseaux: z.array(z.object({ code: z.string(), libelle: z.string(), description: z.string(), operateur_cep: z.string().nullable() })),
});
