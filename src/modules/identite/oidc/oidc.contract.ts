import { texteLibre, z } from '../../../shared/zod.js';

export const fournisseursReponse = z.object({
  fournisseurs: z.array(
    z.object({
      id: z.enum(['proconnect', 'franceconnect']),
      libelle: z.string(),
      /** Who signs in with it: agents of the network, or the people they accompany. */
      public: z.enum(['agent', 'personne']),
      /** Where the sign-in button points (append ?retour=<internal path>). */
      url: z.string(),
    }),
  ),
});
export type FournisseursReponse = z.infer<typeof fournisseursReponse>;

export const demarrageParametres = z.strictObject({ fournisseur: texteLibre('fournisseur').max(40) });
export const demarrageRequete = z.object({
  /** Internal path to come back to after sign-in; anything else is replaced by '/'. */
  retour: texteLibre('adresse de retour').max(2000).optional(),
});

/**
 * Why a sign-in through a provider failed: the code travels in `/connexion?erreur=<code>` (and
 * nothing else, so no detail leaks into addresses and logs); the sign-in page shows the message.
 */
export const MESSAGES_ECHEC_CONNEXION = {
  etat_invalide: 'La connexion a expiré ou n’a pas été commencée depuis ce navigateur : recommencez-la.',
  refus_usager: 'La connexion a été annulée auprès du fournisseur d’identité. Vous pouvez la recommencer ou vous connecter autrement.',
  fournisseur_erreur: 'Le fournisseur d’identité n’a pas pu confirmer votre identité. Réessayez dans quelques instants.',
  fournisseur_indisponible:
    'Ce mode de connexion n’est pas disponible pour le moment. Réessayez plus tard ou connectez-vous avec votre adresse électronique et votre mot de passe.',
  donnees_incompletes: 'Le fournisseur d’identité n’a pas transmis votre adresse électronique : acceptez sa transmission puis recommencez la connexion.',
  compte_agent_inconnu:
    'Aucun compte agent n’existe pour cette adresse électronique : les comptes agents sont créés sur invitation. Demandez une invitation au responsable de votre structure.',
  adresse_compte_agent: 'Cette adresse électronique est celle d’un compte agent : connectez-vous avec ProConnect ou avec votre mot de passe.',
  compte_suspendu: 'Ce compte est suspendu. Adressez-vous au responsable de votre structure.',
} as const;

export type CodeEchecConnexion = keyof typeof MESSAGES_ECHEC_CONNEXION;
