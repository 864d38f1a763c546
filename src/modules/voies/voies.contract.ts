import { z } from '../../shared/zod.js';
import { RAYON_DEFAUT_KM, RAYON_MAX_KM, serviceResumeSchema } from '../annuaire/annuaire.contract.js';

/** How many directory services are shown for each route: the nearest; the directory lists the rest. */
export const SERVICES_PAR_VOIE = 5;
export { RAYON_DEFAUT_KM, RAYON_MAX_KM };

// ── The data file (data/voies/voies-acces.json) ────────────────────────────

const texte = (min: number) => z.string().trim().min(min);

export const referenceSchema = z.strictObject({
  libelle: texte(5),
  /** A page address, or null for a legal text cited by its articles. */
  adresse: z.url({ protocol: /^https$/, message: 'adresse https attendue' }).nullable(),
});

export const voieSchema = z.strictObject({
  code: z.string().regex(/^[a-z0-9-]{2,40}$/, 'code en minuscules et tirets'),
  libelle: texte(3).max(80),
  description: texte(50),
  pour_qui: texte(20),
  conditions: z.array(texte(10)).min(1),
  duree: texte(10),
  financement: z.array(texte(10)).min(1),
  etapes: z.array(texte(10)).min(2),
  references: z.array(referenceSchema).min(1),
  /** data·inclusion themes that identify the directory services offering this route. */
  thematiques: z.array(z.string().regex(/^[a-z0-9-]+--[a-z0-9-]+$/, 'code de thématique data·inclusion attendu')).min(1),
});
export type Voie = z.infer<typeof voieSchema>;

export const fichierVoiesSchema = z
  .strictObject({
    version: texte(1),
    date: z.iso.date(),
    source: texte(10),
    avertissement: texte(10),
    voies: z.array(voieSchema).min(1),
  })
  .superRefine((f, ctx) => {
    const vus = new Set<string>();
    f.voies.forEach((v, i) => {
      if (vus.has(v.code)) ctx.addIssue({ code: 'custom', path: ['voies', i, 'code'], message: `code « ${v.code} » en double` });
      vus.add(v.code);
    });
  });
export type FichierVoies = z.infer<typeof fichierVoiesSchema>;

// ── GET /api/v1/voies ──────────────────────────────────────────────────────

export const codeRomeSchema = z.string().regex(/^[A-N]\d{4}$/, 'code ROME attendu : une lettre de A à N et quatre chiffres, par exemple M1805');

export const voiesQuery = z.strictObject({
  commune: z
    .string()
    .regex(/^(\d{5}|2[AB]\d{3})$/, 'code INSEE de commune attendu (5 caractères, par exemple 33063)')
    .optional(),
  rayon_km: z.coerce
    .number({ message: 'le rayon doit être un nombre de kilomètres' })
    .min(1, 'le rayon doit être d’au moins 1 km')
    .max(RAYON_MAX_KM, `le rayon ne peut pas dépasser ${RAYON_MAX_KM} km`)
    .optional(),
  metier: codeRomeSchema.optional(),
});
export type VoiesQuery = z.infer<typeof voiesQuery>;

const servicesProches = z.object({
  services: z.array(serviceResumeSchema),
  /** Every service of the route within the radius, counted up to the directory's ceiling. */
  total: z.number().int(),
  total_exact: z.boolean(),
});

export const voieReponseSchema = voieSchema.extend({
  /** null when no commune was given: the route without the services near the person. */
  proches: servicesProches.nullable(),
});
export type VoieReponse = z.infer<typeof voieReponseSchema>;

export const voiesReponse = z.object({
  version: z.string(),
  date: z.string(),
  source: z.string(),
  avertissement: z.string(),
  metier: z.string().nullable(),
  recherche: z.object({ commune: z.object({ code: z.string(), nom: z.string() }).nullable(), rayon_km: z.number().nullable() }),
  voies: z.array(voieReponseSchema),
});
export type VoiesReponse = z.infer<typeof voiesReponse>;
