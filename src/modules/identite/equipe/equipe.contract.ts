import { texteLibre, texteNettoye, z } from '../../../shared/zod.js';

const uuid = (de: string) => z.uuid({ message: `identifiant ${de} invalide (UUID attendu)` });

export const roleEquipe = z.enum(['advisor', 'structure_manager']).describe('advisor : conseiller ; structure_manager : responsable de structure');
export type RoleEquipeContrat = z.infer<typeof roleEquipe>;

export const equipeParams = z.strictObject({ id: uuid('de structure') });
export const adhesionParams = z.strictObject({ id: uuid('de structure'), adhesionId: uuid('d’adhésion') });
export const invitationParams = z.strictObject({ id: uuid('de structure'), invitationId: uuid('d’invitation') });

export const agentEquipe = z.object({
  adhesion_id: z.string(),
  utilisateur_id: z.string(),
  prenom: z.string(),
  nom: z.string(),
  email: z.string(),
  role: roleEquipe,
  libelle_role: z.string(),
  // The membership in this structure.
  statut: z.enum(['active', 'suspendue']),
  // The whole account (suspended when its last membership was).
  compte_suspendu: z.boolean(),
  // The line of the signed-in agent.
  moi: z.boolean(),
  actions: z
    .object({ changer_role: z.boolean(), suspendre: z.boolean(), reactiver: z.boolean() })
    .describe('ce que l’agent connecté peut faire sur cette ligne'),
});
export type AgentEquipe = z.infer<typeof agentEquipe>;

export const invitationEquipe = z.object({
  id: z.string(),
  email: z.string(),
  role: roleEquipe,
  libelle_role: z.string(),
  envoyee_le: z.string().describe('date ISO 8601 du dernier envoi'),
  expire_le: z.string().describe('date ISO 8601 après laquelle le lien ne sert plus'),
  expiree: z.boolean(),
});
export type InvitationEquipe = z.infer<typeof invitationEquipe>;

export const equipeReponse = z.object({
  structure: z.object({ id: z.string(), nom: z.string() }),
  // Whether the signed-in agent may invite, and change or suspend members.
  gerer: z.boolean(),
  agents: z.array(agentEquipe),
  invitations: z.array(invitationEquipe).describe('invitations ni acceptées ni annulées, expirées comprises (à renvoyer)'),
});
export type EquipeReponse = z.infer<typeof equipeReponse>;

export const invitationCorps = z.strictObject({
  email: z.string().trim().toLowerCase().min(3).max(254).email('adresse électronique invalide'),
  role: roleEquipe,
});
export type InvitationCorps = z.infer<typeof invitationCorps>;

export const invitationEnvoyeeReponse = z.object({
  invitation: invitationEquipe,
  // True when a pending invitation to this address was renewed (new link, new expiry).
  renouvelee: z.boolean(),
});

export const changementRoleCorps = z.strictObject({ role: roleEquipe });

// Any string up to a bound: a malformed link answers 404 like an unknown one, not 400.
export const jetonParams = z.strictObject({ jeton: texteNettoye(z.string().min(1).max(100)) });

export const invitationPublique = z.object({
  structure: z.object({ nom: z.string() }),
  role: roleEquipe,
  libelle_role: z.string(),
  email: z.string(),
});
export type InvitationPublique = z.infer<typeof invitationPublique>;

// A new account needs all three fields; an existing account, signed in, sends none.
export const acceptationCorps = z.strictObject({
  prenom: texteLibre('prénom').trim().min(1, 'saisissez votre prénom').max(100).optional(),
  nom: texteLibre('nom').trim().min(1, 'saisissez votre nom').max(100).optional(),
  mot_de_passe: texteLibre('mot de passe').max(1024).optional(),
});
export type AcceptationCorps = z.infer<typeof acceptationCorps>;

export const acceptationReponse = z.object({
  compte: z.enum(['cree', 'existant']).describe('cree : compte créé, se connecter ; existant : rôle ajouté au compte connecté'),
  email: z.string(),
});
export type AcceptationReponse = z.infer<typeof acceptationReponse>;
