import { texteLibre, z } from '../../../shared/zod.js';

/**
 * Records of the data·inclusion schema v1 (schemas/data-inclusion/v1/structure.json and
 * service.json). One factory serves both directions: without vocabularies it describes what the
 * export sends; with the v1/extra vocabularies it checks the rows of a file to import.
 *
 * Objects are not strict on purpose: the official JSON Schema allows additional properties, so a
 * conformant file carrying extra columns must not be refused. Unknown keys are dropped.
 */
export const VOCABULAIRES_DATA_INCLUSION = [
  'thematiques',
  'publics',
  'types-de-services',
  'modes-accueil',
  'modes-mobilisation',
  'personnes-mobilisatrices',
  'frais',
  'reseaux-porteurs',
] as const;
export type NomVocabulaire = (typeof VOCABULAIRES_DATA_INCLUSION)[number];
export type Vocabulaires = Record<NomVocabulaire, readonly string[]>;

// The patterns of the official schema, with the reason said in French.
const CODE_INSEE = /^\w{5}$/;
const CODE_POSTAL = /^\d{5}$/;
const SIRET = /^\d{14}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// The "email" format as JSON Schema validators check it (ajv-formats, full mode).
export const COURRIEL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;
const ZONE = [/^\w{5}$/, /^\w{2,3}$/, /^\d{9}$/, /^99[0-5]\d{2}$/];

function dateExiste(v: string): boolean {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const texte = () => texteLibre(undefined, { error: (issue) => (issue.input === undefined ? 'champ obligatoire manquant' : 'texte attendu') });
const optionnel = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

const uri = () =>
  texte()
    .min(1, 'adresse web vide')
    .max(2083, 'adresse web trop longue (2 083 caractères au plus)')
    .refine((v) => /^[a-z][a-z0-9+.-]*:\S+$/i.test(v) && URL.canParse(v), 'adresse web invalide : indiquez une URL complète (https://…)');

function valeur(vocabulaires: Vocabulaires | undefined, nom: NomVocabulaire) {
  const connues = vocabulaires?.[nom];
  if (!connues) return texte();
  const ensemble = new Set(connues);
  return texte().refine((v) => ensemble.has(v), {
    error: (issue) => `« ${String(issue.input)} » n’est pas une valeur du référentiel ${nom} de data·inclusion`,
  });
}

function liste(vocabulaires: Vocabulaires | undefined, nom: NomVocabulaire, auMoinsUne: boolean) {
  const schema = z
    .array(valeur(vocabulaires, nom), { message: 'liste attendue' })
    .refine((l) => new Set(l).size === l.length, 'la liste contient des doublons');
  return auMoinsUne ? schema.refine((l) => l.length > 0, 'la liste doit contenir au moins une valeur (ou valoir null)') : schema;
}

const champsCommuns = {
  id: texte().min(1, 'identifiant vide'),
  source: texte().min(1, 'source vide'),
  nom: texte().min(3, 'le nom doit compter au moins 3 caractères').max(150, 'le nom ne peut pas dépasser 150 caractères'),
  date_maj: texte().regex(DATE, 'date attendue au format AAAA-MM-JJ').refine(dateExiste, 'cette date n’existe pas'),
  adresse: optionnel(texte()),
  complement_adresse: optionnel(texte()),
  code_insee: optionnel(texte().regex(CODE_INSEE, 'code Insee attendu (5 caractères, par exemple 87085)')),
  code_postal: optionnel(texte().regex(CODE_POSTAL, 'code postal attendu (5 chiffres)')),
  commune: optionnel(texte()),
  latitude: optionnel(z.number({ message: 'nombre attendu' }).min(-90, 'latitude entre -90 et 90').max(90, 'latitude entre -90 et 90')),
  longitude: optionnel(z.number({ message: 'nombre attendu' }).min(-180, 'longitude entre -180 et 180').max(180, 'longitude entre -180 et 180')),
  telephone: optionnel(texte()),
  courriel: optionnel(texte().regex(COURRIEL, 'courriel invalide')),
  horaires_accueil: optionnel(texte()),
  lien_source: optionnel(uri()),
};

export function structureDataInclusionSchema(vocabulaires?: Vocabulaires) {
  return z.object({
    ...champsCommuns,
    siret: optionnel(texte().regex(SIRET, 'SIRET attendu (14 chiffres)')),
    description: optionnel(
      texte().min(5, 'la description doit compter au moins 5 caractères').max(10_000, 'la description ne peut pas dépasser 10 000 caractères'),
    ),
    site_web: optionnel(uri()),
    accessibilite_lieu: optionnel(uri()),
    reseaux_porteurs: optionnel(liste(vocabulaires, 'reseaux-porteurs', false)),
  });
}

export function serviceDataInclusionSchema(vocabulaires?: Vocabulaires) {
  return z.object({
    ...champsCommuns,
    structure_id: texte().min(1, 'identifiant de structure vide'),
    description: texte().min(5, 'la description doit compter au moins 5 caractères').max(10_000, 'la description ne peut pas dépasser 10 000 caractères'),
    type: optionnel(valeur(vocabulaires, 'types-de-services')),
    thematiques: optionnel(liste(vocabulaires, 'thematiques', false)),
    publics: optionnel(liste(vocabulaires, 'publics', true)),
    publics_precisions: optionnel(texte()),
    conditions_acces: optionnel(texte()),
    frais: optionnel(valeur(vocabulaires, 'frais')),
    frais_precisions: optionnel(texte()),
    modes_accueil: optionnel(liste(vocabulaires, 'modes-accueil', false)),
    modes_mobilisation: optionnel(liste(vocabulaires, 'modes-mobilisation', true)),
    mobilisable_par: optionnel(liste(vocabulaires, 'personnes-mobilisatrices', true)),
    mobilisation_precisions: optionnel(texte()),
    lien_mobilisation: optionnel(uri()),
    contact_nom_prenom: optionnel(texte()),
    nombre_semaines: optionnel(z.number({ message: 'nombre attendu' }).int('nombre entier attendu').min(1, 'au moins 1 semaine')),
    volume_horaire_hebdomadaire: optionnel(z.number({ message: 'nombre attendu' }).min(0, 'volume horaire positif attendu')),
    zone_eligibilite: optionnel(
      z
        .array(
          texte().refine(
            (v) => v === 'france' || ZONE.some((r) => r.test(v)),
            'zone attendue : code de commune, de département, de région, SIREN d’EPCI, code pays ou « france »',
          ),
          { message: 'liste attendue' },
        )
        .min(1, 'la liste doit contenir au moins une zone (ou valoir null)'),
    ),
  });
}

export type StructureDataInclusion = z.infer<ReturnType<typeof structureDataInclusionSchema>>;
export type ServiceDataInclusion = z.infer<ReturnType<typeof serviceDataInclusionSchema>>;

/** What the export sends: every property of the schema, null when unknown. */
type Complet<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };
export type StructureExportee = Complet<StructureDataInclusion>;
export type ServiceExporte = Complet<ServiceDataInclusion>;

// Response schemas: plain types, the values were checked when written; a failing refine here would
// turn one odd record into a 500 for the whole export.
const nullable = <T extends z.ZodType>(schema: T) => schema.nullable();
const champsCommunsReponse = {
  id: z.string().describe('source--identifiant chez la source'),
  source: z.string().describe('producteur original de la donnée'),
  nom: z.string(),
  date_maj: z.string().describe('date des données à leur source (AAAA-MM-JJ)'),
  adresse: nullable(z.string()),
  complement_adresse: nullable(z.string()),
  code_insee: nullable(z.string()),
  code_postal: nullable(z.string()),
  commune: nullable(z.string()),
  latitude: nullable(z.number()),
  longitude: nullable(z.number()),
  telephone: nullable(z.string()),
  courriel: nullable(z.string()),
  horaires_accueil: nullable(z.string()).describe('syntaxe OpenStreetMap opening_hours'),
  lien_source: nullable(z.string()),
};

export const structureExporteeSchema = z.object({
  ...champsCommunsReponse,
  siret: nullable(z.string()),
  description: nullable(z.string()),
  site_web: nullable(z.string()),
  accessibilite_lieu: nullable(z.string()),
  reseaux_porteurs: nullable(z.array(z.string())),
});

export const serviceExporteSchema = z.object({
  ...champsCommunsReponse,
  structure_id: z.string(),
  description: z.string(),
  type: nullable(z.string()),
  thematiques: nullable(z.array(z.string())),
  publics: nullable(z.array(z.string())),
  publics_precisions: nullable(z.string()),
  conditions_acces: nullable(z.string()),
  frais: nullable(z.string()),
  frais_precisions: nullable(z.string()),
  modes_accueil: nullable(z.array(z.string())),
  modes_mobilisation: nullable(z.array(z.string())),
  mobilisable_par: nullable(z.array(z.string())),
  mobilisation_precisions: nullable(z.string()),
  lien_mobilisation: nullable(z.string()),
  contact_nom_prenom: nullable(z.string()),
  nombre_semaines: nullable(z.number()),
  volume_horaire_hebdomadaire: nullable(z.number()),
  zone_eligibilite: nullable(z.array(z.string())),
});

export const structuresExporteesReponse = z.array(structureExporteeSchema);
export const servicesExportesReponse = z.array(serviceExporteSchema);
