import { z } from '../../src/shared/zod.js';

// Formats of the directory's own data files (networks, network offers, demonstration territory).
// Vocabulary values (thematiques, publics, ...) are checked against data·inclusion at load time.

export const canalSchema = z.enum(['sur_place', 'telephone', 'visio', 'courriel', 'en_ligne']);

export const reseauxFichier = z.array(
  z.strictObject({
    code: z.string().regex(/^[a-z0-9-]+$/),
    libelle: z.string().min(2),
    description: z.string().min(20),
    reseau_porteur: z.string().nullable(),
    typologie: z.string().nullable(),
    operateur_cep: z.enum(['france_travail', 'apec', 'mission_locale', 'cap_emploi', 'operateur_cep_regional']).nullable(),
    canaux: z.array(canalSchema).min(1),
  }),
);

export const offreSchema = z.strictObject({
  cle: z.string().regex(/^[a-z0-9-]+$/),
  nom: z.string().min(3).max(150),
  description: z.string().min(50),
  type: z.enum(['accompagnement', 'aide-financiere', 'aide-materielle', 'atelier', 'formation', 'information']),
  thematiques: z.array(z.string()).min(1),
  publics: z.array(z.string()).min(1),
  publics_precisions: z.string().nullable(),
  conditions_acces: z.string().nullable(),
  frais: z.enum(['gratuit', 'payant']),
  frais_precisions: z.string().nullable(),
  modes_accueil: z.array(z.enum(['a-distance', 'en-presentiel'])).min(1),
  modes_mobilisation: z.array(z.enum(['envoyer-un-courriel', 'se-presenter', 'telephoner', 'utiliser-lien-mobilisation'])).min(1),
  mobilisable_par: z.array(z.enum(['usagers', 'professionnels'])).min(1),
  mobilisation_precisions: z.string().nullable(),
  lien_mobilisation: z.url().nullable(),
});
export type Offre = z.infer<typeof offreSchema>;

export const offresReseauxFichier = z.strictObject({
  version: z.iso.date(),
  avertissement: z.string(),
  offres: z.record(z.string(), z.array(offreSchema).min(1)),
});

const siteDemo = z.strictObject({
  cle: z.string().regex(/^[a-z0-9-]+$/),
  nom: z.string().min(3),
  commune: z.string().regex(/^\d{5}$/),
  adresse: z.string(),
  horaires: z.string().nullable(),
  canaux: z.array(canalSchema).min(1),
  telephone: z.string().nullable(),
  courriel: z.email().nullable(),
  prise_rdv: z.url().nullable(),
  accessibilite: z.string().nullable(),
});

export const demoFichier = z.strictObject({
  region: z.string().regex(/^\d{2}$/),
  date_donnees: z.iso.date(),
  avertissement: z.string(),
  structures: z.array(
    z.strictObject({
      cle: z.string().regex(/^[a-z0-9-]+$/),
      reseau: z.string(),
      nom: z.string().min(3).max(150),
      description: z.string().min(20),
      telephone: z.string().nullable(),
      courriel: z.email().nullable(),
      site_web: z.url().nullable(),
      sites: z.array(siteDemo).min(1),
      // the network's general offers are instantiated at every site
      offres_reseau: z.boolean(),
      services: z.array(offreSchema.extend({ site: z.string().nullable() })),
      contacts: z.array(
        z.strictObject({
          nom: z.string().min(3),
          fonction: z.string().nullable(),
          telephone: z.string().nullable(),
          courriel: z.email().nullable(),
          site: z.string().nullable(),
        }),
      ),
    }),
  ),
});
