import { paginationQuery, paginationSchema } from '../../../shared/pagination.js';
import { texteNettoye, texteLibre, z } from '../../../shared/zod.js';
import { horairesSchema } from '../annuaire.contract.js';

// Edit forms of the directory: every input is strict (an unknown field is an error, not ignored)
// and every message says, in French, what to type instead.

const uuid = (quoi: string) => z.uuid({ message: `identifiant ${quoi} invalide (UUID attendu)` });

/** On what ground someone manages a structure's record: the rule is gestion.policy.ts's. */
export const FONDEMENTS_GESTION = ['responsable', 'coordination', 'administration', 'systeme'] as const;

export const structureParams = z.strictObject({ id: uuid('de structure') });
export const objetParams = z.strictObject({ id: uuid('de structure'), objetId: uuid('de fiche') });

/** A text field: trimmed, bounded; empty means "no value" (null). */
function texte(libelle: string, max: number) {
  return texteLibre(libelle, `${libelle} : texte attendu`)
    .trim()
    .max(max, `${libelle} : ${max} caractères au plus`)
    .transform((v) => (v === '' ? null : v))
    .nullable();
}

function texteObligatoire(libelle: string, min: number, max: number) {
  return texteLibre(libelle, `${libelle} : ce champ est obligatoire`)
    .trim()
    .min(min, min === 1 ? `${libelle} : ce champ est obligatoire` : `${libelle} : ${min} caractères au moins`)
    .max(max, `${libelle} : ${max} caractères au plus`);
}

const vide = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

const telephone = z.preprocess(
  vide,
  z
    .string({ message: 'numéro de téléphone attendu' })
    .trim()
    .regex(/^\+?[0-9][0-9 .()-]{5,22}$/, 'numéro de téléphone attendu, par exemple 05 56 00 00 00 ou +33 5 56 00 00 00')
    .nullable(),
);

const courriel = z.preprocess(
  vide,
  z
    .string()
    .trim()
    .max(254, 'adresse électronique trop longue')
    .pipe(z.email({ message: 'adresse électronique invalide, par exemple contact@exemple.fr' }))
    .nullable(),
);

const lienWeb = z.preprocess(
  vide,
  z
    .string()
    .trim()
    .max(500, 'adresse web trop longue (500 caractères au plus)')
    .pipe(z.url({ protocol: /^https?$/, message: 'adresse web attendue, commençant par https://' }))
    .nullable(),
);

const siret = z.preprocess(
  (v) => (typeof v === 'string' ? (v.replace(/\s/g, '') === '' ? null : v.replace(/\s/g, '')) : v),
  z
    .string()
    .regex(/^\d{14}$/, 'SIRET attendu : 14 chiffres')
    .nullable(),
);

const codeCommune = z
  .string({ message: 'commune : ce champ est obligatoire' })
  .regex(/^(\d{5}|2[AB]\d{3})$/, 'commune : code INSEE attendu (5 caractères, par exemple 33063)');
const codePostal = z.preprocess(
  vide,
  z
    .string()
    .trim()
    .regex(/^\d{5}$/, 'code postal attendu : 5 chiffres')
    .nullable(),
);

export const CANAUX = ['sur_place', 'telephone', 'visio', 'courriel', 'en_ligne'] as const;

const heure = z.string({ message: 'heure attendue (HH:MM)' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'heure attendue au format HH:MM, par exemple 09:00');

/** One day or several with the same opening ranges; 1 is Monday, 7 Sunday. */
const horairesSaisis = z
  .array(
    z.strictObject({
      jours: z
        .array(
          z
            .number({ message: 'jour attendu : 1 (lundi) à 7 (dimanche)' })
            .int('jour attendu : 1 (lundi) à 7 (dimanche)')
            .min(1, 'jour attendu : 1 (lundi) à 7 (dimanche)')
            .max(7, 'jour attendu : 1 (lundi) à 7 (dimanche)'),
        )
        .min(1, 'indiquez au moins un jour'),
      plages: z
        .array(
          z
            .strictObject({ debut: heure, fin: heure })
            .refine((p) => p.fin > p.debut, { message: 'l’heure de fin doit suivre l’heure de début', path: ['fin'] }),
        )
        .min(1, 'indiquez au moins une plage horaire, ou retirez ce jour')
        .max(4, '4 plages horaires par jour au plus'),
    }),
  )
  .max(7, '7 jours au plus')
  .superRefine((horaires, ctx) => {
    const vus = new Set<number>();
    horaires.forEach((h, i) => {
      for (const jour of h.jours) {
        if (vus.has(jour)) ctx.addIssue({ code: 'custom', message: 'ce jour figure deux fois dans les horaires', path: [i, 'jours'] });
        vus.add(jour);
      }
      const triees = [...h.plages].sort((a, b) => a.debut.localeCompare(b.debut));
      for (let p = 1; p < triees.length; p++) {
        if (triees[p]!.debut < triees[p - 1]!.fin) ctx.addIssue({ code: 'custom', message: 'deux plages horaires se chevauchent', path: [i, 'plages'] });
      }
    });
  })
  .nullable();

const version = z
  .number({ message: 'version : renvoyez la version de la fiche que vous avez modifiée' })
  .int('version : nombre entier attendu')
  .min(1, 'version : renvoyez la version de la fiche que vous avez modifiée');

/** Vocabulary codes of data·inclusion, checked against the loaded vocabularies by the service. */
const codes = (libelle: string, min = 0) =>
  z
    .array(z.string().regex(/^[a-z0-9-]{2,120}$/, `${libelle} : code inconnu, choisissez parmi /api/v1/referentiels`), {
      message: `${libelle} : liste attendue`,
    })
    .max(40, `${libelle} : 40 valeurs au plus`)
    .min(min, `${libelle} : choisissez au moins une valeur`);
const code = (libelle: string) =>
  z.preprocess(
    vide,
    z
      .string()
      .regex(/^[a-z0-9-]{2,120}$/, `${libelle} : code inconnu, choisissez parmi /api/v1/referentiels`)
      .nullable(),
  );

export const structureChamps = {
  nom: texteObligatoire('nom', 3, 150),
  siret,
  description: texte('présentation', 4000),
  telephone,
  courriel,
  site_web: lienWeb,
};

export const siteChamps = {
  nom: texteObligatoire('nom du lieu', 3, 150),
  adresse: texte('adresse', 300),
  code_postal: codePostal,
  commune_code: codeCommune,
  horaires: horairesSaisis,
  accessibilite: texte('accessibilité', 1000),
  canaux: z.array(z.enum(CANAUX, { message: `canal inconnu : ${CANAUX.join(', ')}` }), { message: 'canaux : liste attendue' }).max(CANAUX.length),
  telephone,
  courriel,
  site_web: lienWeb,
  prise_rdv: texte('prise de rendez-vous', 500),
  accueil_public: z.boolean({ message: 'accueil du public : vrai ou faux attendu' }),
};

export const serviceChamps = {
  nom: texteObligatoire('nom du service', 3, 150),
  description: texteObligatoire('description', 10, 4000),
  type: code('type de service'),
  thematiques: codes('thématiques', 1),
  publics: codes('publics', 1),
  publics_precisions: texte('précisions sur les publics', 1000),
  conditions_acces: texte('conditions d’accès', 1000),
  frais: code('frais'),
  frais_precisions: texte('précisions sur les frais', 1000),
  modes_accueil: codes('modes d’accueil'),
  modes_mobilisation: codes('modes de mobilisation'),
  mobilisable_par: codes('mobilisable par'),
  mobilisation_precisions: texte('précisions sur la mobilisation', 1000),
  lien_mobilisation: lienWeb,
  telephone,
  courriel,
  site_id: z.preprocess(vide, uuid('de lieu').nullable()),
};

export const contactChamps = {
  nom: texteObligatoire('nom', 2, 150),
  fonction: texte('fonction', 150),
  telephone,
  courriel,
  site_id: z.preprocess(vide, uuid('de lieu').nullable()),
};

/** A change names the version it was made on, then only the fields it changes. */
const modification = <T extends z.ZodRawShape>(champs: T) => z.strictObject(champs).partial().extend({ version });

export const structureModification = modification(structureChamps);
export type StructureModification = z.infer<typeof structureModification>;

// A new record: what a form cannot leave out is required, the rest defaults to empty.
export const siteCreation = z
  .strictObject(siteChamps)
  .partial({ adresse: true, code_postal: true, horaires: true, accessibilite: true, telephone: true, courriel: true, site_web: true, prise_rdv: true })
  .extend({ canaux: siteChamps.canaux.default(['sur_place']), accueil_public: siteChamps.accueil_public.default(true) });
export const siteModification = modification(siteChamps);
export type SiteCreation = z.infer<typeof siteCreation>;
export type SiteModification = z.infer<typeof siteModification>;

export const serviceCreation = z
  .strictObject(serviceChamps)
  .partial({
    type: true,
    publics_precisions: true,
    conditions_acces: true,
    frais: true,
    frais_precisions: true,
    mobilisation_precisions: true,
    lien_mobilisation: true,
    telephone: true,
    courriel: true,
    site_id: true,
  })
  .extend({
    modes_accueil: serviceChamps.modes_accueil.default([]),
    modes_mobilisation: serviceChamps.modes_mobilisation.default([]),
    mobilisable_par: serviceChamps.mobilisable_par.default([]),
  });
export const serviceModification = modification(serviceChamps);
export type ServiceCreation = z.infer<typeof serviceCreation>;
export type ServiceModification = z.infer<typeof serviceModification>;

export const contactCreation = z.strictObject(contactChamps).partial({ fonction: true, telephone: true, courriel: true, site_id: true });
export const contactModification = modification(contactChamps);
export type ContactCreation = z.infer<typeof contactCreation>;
export type ContactModification = z.infer<typeof contactModification>;

export const suppressionQuery = z.strictObject({
  version: z.coerce
    .number({ message: 'version : renvoyez la version de la fiche à supprimer' })
    .int()
    .min(1, 'version : renvoyez la version de la fiche à supprimer'),
});

export const listeStructuresQuery = z.strictObject({
  q: texteNettoye(z.string().trim().max(200, 'la recherche ne peut pas dépasser 200 caractères')).optional(),
  ...paginationQuery,
});
export type ListeStructuresQuery = z.infer<typeof listeStructuresQuery>;

// ── Answers ────────────────────────────────────────────────────────────────

const reseau = z.object({ code: z.string(), libelle: z.string() });
const commune = z.object({ code: z.string(), nom: z.string() });

export const siteGere = z.object({
  id: z.string(),
  nom: z.string(),
  adresse: z.string().nullable(),
  code_postal: z.string().nullable(),
  commune: commune.nullable(),
  horaires: horairesSchema.nullable(),
  horaires_texte: z.string().nullable(),
  accessibilite: z.string().nullable(),
  canaux: z.array(z.string()),
  telephone: z.string().nullable(),
  courriel: z.string().nullable(),
  site_web: z.string().nullable(),
  prise_rdv: z.string().nullable(),
  accueil_public: z.boolean(),
  version: z.number().int(),
});

export const serviceGere = z.object({
  id: z.string(),
  nom: z.string(),
  description: z.string(),
  type: z.string().nullable(),
  thematiques: z.array(z.string()),
  publics: z.array(z.string()),
  publics_precisions: z.string().nullable(),
  conditions_acces: z.string().nullable(),
  frais: z.string().nullable(),
  frais_precisions: z.string().nullable(),
  modes_accueil: z.array(z.string()),
  modes_mobilisation: z.array(z.string()),
  mobilisable_par: z.array(z.string()),
  mobilisation_precisions: z.string().nullable(),
  lien_mobilisation: z.string().nullable(),
  telephone: z.string().nullable(),
  courriel: z.string().nullable(),
  site_id: z.string().nullable(),
  origine: z.enum(['producteur', 'offre_reseau', 'demonstration']),
  version: z.number().int(),
});

export const contactGere = z.object({
  id: z.string(),
  nom: z.string(),
  fonction: z.string().nullable(),
  telephone: z.string().nullable(),
  courriel: z.string().nullable(),
  site_id: z.string().nullable(),
  version: z.number().int(),
});

export const structureGeree = z.object({
  id: z.string(),
  nom: z.string(),
  siret: z.string().nullable(),
  description: z.string().nullable(),
  telephone: z.string().nullable(),
  courriel: z.string().nullable(),
  site_web: z.string().nullable(),
  reseau: reseau.nullable(),
  region_code: z.string().nullable(),
  demonstration: z.boolean(),
  source: z.string(),
  date_donnees: z.string(),
  confirme_le: z.string().nullable(),
  modifie_le: z.string(),
  version: z.number().int(),
  sites: z.array(siteGere),
  services: z.array(serviceGere),
  contacts: z.array(contactGere),
  /** What the signed-in agent may do here: the front shows or hides from it. */
  droits: z.object({ modifier: z.boolean(), lire_signalements: z.boolean() }),
});
export type StructureGeree = z.infer<typeof structureGeree>;

export const structuresGereesReponse = z.object({
  structures: z.array(
    z.object({
      id: z.string(),
      nom: z.string(),
      reseau: reseau.nullable(),
      commune: commune.nullable(),
      demonstration: z.boolean(),
      date_donnees: z.string(),
      confirme_le: z.string().nullable(),
      signalements_ouverts: z.number().int(),
    }),
  ),
  pagination: paginationSchema,
});

export const historiqueQuery = z.strictObject({ ...paginationQuery });

export const historiqueReponse = z.object({
  modifications: z.array(
    z.object({
      id: z.string(),
      objet_type: z.enum(['structure', 'site', 'service', 'contact']),
      objet_id: z.string(),
      operation: z.enum(['creation', 'modification', 'suppression', 'confirmation']),
      champs: z.record(z.string(), z.object({ avant: z.unknown(), apres: z.unknown() })),
      le: z.string(),
      /** Names are shown in the management view only, never on public pages. */
      auteur: z.object({ id: z.string(), prenom: z.string(), nom: z.string(), role: z.string().nullable() }).nullable(),
    }),
  ),
  pagination: paginationSchema,
});
