import { texteLibre, z } from '../../shared/zod.js';

export const connexionCorps = z.strictObject({
  email: z.string().trim().min(3).max(254).email('adresse électronique invalide'),
  // Checked against the stored hash only: the policy applies when a password is chosen.
  mot_de_passe: texteLibre('mot de passe').min(1, 'saisissez votre mot de passe').max(256),
});
export type ConnexionCorps = z.infer<typeof connexionCorps>;

export const etapeConnexion = z
  .enum(['connecte', 'second_facteur', 'enrolement_second_facteur'])
  .describe('connecte : session ouverte ; second_facteur : saisir le code TOTP ; enrolement_second_facteur : configurer un second facteur');

export const connexionReponse = z.object({ etape: etapeConnexion });

export const adhesionSchema = z.object({
  id: z.string(),
  role: z.enum(['advisor', 'structure_manager', 'coordinator', 'analyst', 'admin']),
  libelle_role: z.string(),
  structure_id: z.string().nullable(),
  territoire_code: z.string().nullable(),
});

export const sessionReponse = z.union([
  z.object({ connecte: z.literal(false), jeton_csrf: z.string() }),
  z.object({
    connecte: z.literal(true),
    jeton_csrf: z.string(),
    utilisateur: z.object({
      id: z.string(),
      type: z.enum(['agent', 'personne']),
      prenom: z.string(),
      nom: z.string(),
      email: z.string(),
      demonstration: z.boolean(),
    }),
    adhesions: z.array(adhesionSchema),
    permissions: z.array(z.string()),
    second_facteur: z.object({ requis: z.boolean(), valide: z.boolean(), configure: z.boolean() }),
    methode: z.string(),
  }),
]);
export type SessionReponse = z.infer<typeof sessionReponse>;

export const deconnexionReponse = z.object({ sessions_fermees: z.number().int() });
