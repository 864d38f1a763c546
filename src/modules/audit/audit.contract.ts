import { paginationQuery, paginationSchema } from '../../shared/pagination.js';
import { z } from '../../shared/zod.js';

export const accesQuery = z.strictObject(paginationQuery);
export type AccesQuery = z.infer<typeof accesQuery>;

export const structureAccesParams = z.strictObject({ id: z.uuid({ message: 'identifiant invalide (UUID attendu)' }) });

const resultat = z.enum(['succes', 'refus', 'echec']).describe('succes : accès donné ; refus : accès refusé ; echec : tentative qui a échoué');

const evenementCommun = {
  id: z.number().int(),
  horodatage: z.string().describe('ISO 8601, UTC'),
  action: z.string().describe('code stable de l’action, par exemple dossier.lire'),
  action_libelle: z.string().describe('l’action en français'),
  cible: z.object({ type: z.string().nullable(), id: z.string().nullable() }).describe('l’enregistrement touché'),
  resultat,
  raison: z.string().nullable().describe('code de la raison du refus ou du fondement de l’accès'),
  raison_libelle: z.string().nullable(),
};

const typeActeur = z.enum(['agent', 'personne', 'plateforme', 'inconnu']).describe('plateforme : traitement automatique ; inconnu : compte supprimé depuis');

/** One access as a structure's managers see it: the agent's full name and structure. */
export const accesStructureSchema = z.object({
  ...evenementCommun,
  acteur: z.object({
    type: typeActeur,
    id: z.string().nullable(),
    prenom: z.string().nullable(),
    nom: z.string().nullable(),
    structure_id: z.string().nullable().describe('structure pour laquelle l’agent agissait'),
  }),
});

/** One access as the person sees it: the agent's first name and structure, never their address. */
export const monAccesSchema = z.object({
  ...evenementCommun,
  acteur: z.object({
    type: typeActeur.or(z.literal('vous')),
    prenom: z.string().nullable(),
    structure_id: z.string().nullable(),
  }),
});

export const accesStructureReponse = z.object({ acces: z.array(accesStructureSchema), pagination: paginationSchema });
export const mesAccesReponse = z.object({ acces: z.array(monAccesSchema), pagination: paginationSchema });
export type AccesStructure = z.infer<typeof accesStructureSchema>;
export type MonAcces = z.infer<typeof monAccesSchema>;
export type AccesStructureReponse = z.infer<typeof accesStructureReponse>;
export type MesAccesReponse = z.infer<typeof mesAccesReponse>;
