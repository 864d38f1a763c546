import { paginationQuery, paginationSchema } from '../../shared/pagination.js';
import { texteLibre, z } from '../../shared/zod.js';
// The HTTP contracts this one is made of (the routing profile and answer, the consent), also
// part of the dossier routes' own contract: re-exported for them and for the front.
import { SITUATIONS, profilSchema, reponseAiguillageSchema } from '../aiguillage/aiguillage.contract.js';
import { PORTEES, consentementSaisie, consentementVue } from '../consentement/consentement.contract.js';

export { consentementSaisie, consentementVue, profilSchema, reponseAiguillageSchema };

/** Where a CEP level-1 file stands: received and answered, then the person's choice made. */
export const PHASES = ['accueil', 'orientation'] as const;
export type Phase = (typeof PHASES)[number];

const uuid = (quoi: string) => z.uuid({ message: `identifiant ${quoi} invalide (UUID attendu)` });

const texte = (libelle: string, max: number) =>
  texteLibre(libelle, `${libelle} : texte attendu`).trim().min(1, `${libelle} : ce champ est obligatoire`).max(max, `${libelle} : ${max} caractères au plus`);

const facultatif = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);

/** Identity kept to what the file needs: no social security number, no date of birth. */
export const personneSaisie = z.strictObject({
  prenom: texte('prénom', 100),
  nom: texte('nom', 100),
  telephone: facultatif(
    z
      .string({ message: 'téléphone : texte attendu' })
      .trim()
      .regex(/^\+?[0-9 .()-]{6,30}$/, 'téléphone : chiffres, espaces, points ou tirets (par exemple 05 56 00 00 00)'),
  ),
  courriel: facultatif(z.email({ message: 'adresse électronique invalide (par exemple prenom.nom@exemple.fr)' }).max(254, 'adresse : 254 caractères au plus')),
});

/** What the person chose among the answer: an operator (or other orientation), maybe one of its places. */
export const choixSaisie = z.strictObject({
  operateur: z
    .string({ message: 'opérateur choisi attendu' })
    .regex(/^[a-z0-9_.-]{2,80}$/, 'opérateur choisi : le type d’un opérateur ou le code d’une orientation de la réponse'),
  site_id: facultatif(uuid('de lieu')),
  note: facultatif(texte('note', 1000)),
});
export type ChoixSaisie = z.infer<typeof choixSaisie>;

export const ouvertureDossier = z.strictObject({
  /** The holding structure, when the agent works for several. */
  structure_id: uuid('de structure').optional(),
  personne: personneSaisie,
  profil: profilSchema,
  /** Health or disability details the person agrees to give; stored only with their consent. */
  note_sensible: facultatif(texte('précisions de santé ou de handicap', 1000)),
  consentements: z
    .array(consentementSaisie, { message: 'liste des consentements attendue' })
    .min(1, 'recueillez au moins le consentement de la personne à l’ouverture de son dossier')
    .max(6, 'au plus 6 consentements à l’ouverture'),
  choix: facultatif(choixSaisie),
});
export type OuvertureDossier = z.infer<typeof ouvertureDossier>;

export const modificationDossier = z.strictObject({
  version: z.number({ message: 'version du dossier attendue' }).int('version : nombre entier attendu').min(1, 'version : 1 au moins'),
  choix: choixSaisie.nullable(),
});
export type ModificationDossier = z.infer<typeof modificationDossier>;

export const dossierParams = z.strictObject({ id: uuid('de dossier') });
export const dossiersQuery = z.strictObject(paginationQuery);
export type DossiersQuery = z.infer<typeof dossiersQuery>;

export const FONDEMENTS = ['detentrice', 'consentement'] as const;

const choixVue = z.object({
  operateur: z.string(),
  libelle: z.string(),
  site: z.object({ id: z.string(), nom: z.string(), structure: z.object({ id: z.string(), nom: z.string() }) }).nullable(),
  note: z.string().nullable(),
});

/**
 * The routing answer as the person was given it, in the routing contract of that day: a file read
 * years later still shows it, whatever the answer's format has become since (hence not checked
 * against today's schema, which would refuse an older answer).
 */
const reponseConservee = z.record(z.string(), z.unknown()).describe('la réponse de l’aiguillage donnée à la personne, telle quelle (format de son jour)');

const structureVue = z.object({ id: z.string(), nom: z.string().nullable() });
const agentVue = z.object({ id: z.string(), prenom: z.string().nullable(), nom: z.string().nullable() });

/**
 * A case file as the reader may see it: each part is null when no right covers it. The holding
 * structure sees every part; a structure the person shared with sees the parts of its consents,
 * and of the orientation only the person's choice (the full answer quotes the person's facts).
 * Health and disability stay with the holding structure, while the person's consent stands.
 */
export const dossierVue = z.object({
  id: z.string(),
  version: z.number().int().describe('à renvoyer avec une modification : une version périmée est refusée (412)'),
  niveau_cep: z.literal(1),
  phase: z.enum(PHASES),
  detentrice: structureVue,
  referent: agentVue,
  cree_le: z.string(),
  modifie_le: z.string(),
  acces: z.object({
    fondement: z.enum(FONDEMENTS).describe('detentrice : la structure du lecteur détient le dossier ; consentement : la personne le lui partage'),
    parties: z.array(z.enum(PORTEES)),
    modifier: z.boolean(),
    gerer_consentements: z.boolean(),
  }),
  personne: z
    .object({
      prenom: z.string(),
      nom: z.string(),
      commune: z.object({ code: z.string(), nom: z.string() }),
      telephone: z.string().nullable(),
      courriel: z.string().nullable(),
    })
    .nullable(),
  situation: z.object({ situation: z.enum(SITUATIONS), cadre: z.boolean(), niveau_diplome: z.number().int() }).nullable(),
  donnees_sensibles: z.object({ handicap_reconnu: z.boolean(), emploi_menace_sante: z.boolean(), note: z.string().nullable() }).nullable(),
  orientation: z
    .object({
      version_regles: z.string(),
      aiguillage: reponseConservee.nullable().describe('null quand elle n’est pas montrée au lecteur'),
      choix: choixVue.nullable(),
    })
    .nullable(),
  consentements: z.array(consentementVue).nullable().describe('montrés à la structure qui détient le dossier seulement'),
});
export type DossierVue = z.infer<typeof dossierVue>;

export const dossierResume = z.object({
  id: z.string(),
  phase: z.enum(PHASES),
  detentrice: structureVue,
  referent: agentVue,
  modifie_le: z.string(),
  fondement: z.enum(FONDEMENTS),
  personne: z.object({ prenom: z.string(), nom: z.string(), commune: z.string() }).nullable(),
  choix: z.object({ operateur: z.string(), libelle: z.string() }).nullable(),
});
export type DossierResume = z.infer<typeof dossierResume>;

export const dossiersReponse = z.object({ dossiers: z.array(dossierResume), pagination: paginationSchema });
export type DossiersReponse = z.infer<typeof dossiersReponse>;
