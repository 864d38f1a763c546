import { AppError, type ChampErreur } from '../../../shared/erreurs.js';

export const equipeErrors = {
  // The same answer for a structure that does not exist and one whose team the agent may not see.
  structureIntrouvable: () =>
    new AppError(
      'identite.equipe.structure_introuvable',
      404,
      'Cette structure n’existe pas ou vous n’avez pas accès à son équipe : vérifiez le lien ou choisissez une de vos structures.',
    ),
  gestionRefusee: () =>
    new AppError(
      'identite.equipe.gestion_refusee',
      403,
      'Vous pouvez consulter cette équipe mais pas la modifier : adressez-vous à un responsable de la structure.',
    ),
  suspensionDeSoi: () =>
    new AppError(
      'identite.equipe.suspension_de_soi',
      403,
      'Vous ne pouvez pas suspendre votre propre accès : demandez-le à un autre responsable de la structure.',
    ),
  dernierResponsable: () =>
    new AppError(
      'identite.equipe.dernier_responsable',
      409,
      'C’est le dernier responsable actif de la structure : nommez d’abord un autre responsable, puis refaites cette action.',
    ),
  adhesionIntrouvable: () =>
    new AppError('identite.equipe.adhesion_introuvable', 404, 'Cet agent ne fait pas partie de l’équipe de cette structure : rechargez la page de l’équipe.'),
  invitationIntrouvable: () =>
    new AppError(
      'identite.equipe.invitation_introuvable',
      404,
      'Cette invitation n’est plus en attente (acceptée ou déjà annulée) : rechargez la page de l’équipe.',
    ),
  dejaMembre: () =>
    new AppError(
      'identite.equipe.deja_membre',
      409,
      'Cette personne fait déjà partie de l’équipe : changez son rôle ou réactivez-la dans la liste des agents.',
      [{ chemin: 'email', message: 'déjà membre de l’équipe' }],
    ),
  roleDejaDetenu: () =>
    new AppError(
      'identite.equipe.role_deja_detenu',
      409,
      'Cet agent a déjà ce rôle dans la structure sur une autre ligne de l’équipe : suspendez plutôt la ligne en trop.',
    ),
  envoiImpossible: () =>
    new AppError(
      'identite.equipe.envoi_impossible',
      503,
      'Le courriel d’invitation n’a pas pu être envoyé : réessayez dans quelques minutes. Si le problème persiste, signalez-le à l’administrateur.',
    ),
};

export const invitationErrors = {
  // Unknown, expired, cancelled and used tokens look alike: a token says nothing of its history.
  introuvable: () =>
    new AppError(
      'identite.invitation_introuvable',
      404,
      'Ce lien d’invitation n’est pas valable : il a expiré, a été annulé ou a déjà servi. Demandez au responsable de la structure de vous inviter de nouveau.',
    ),
  connexionRequise: () =>
    new AppError(
      'identite.invitation.connexion_requise',
      409,
      'Un compte existe déjà pour l’adresse de cette invitation : connectez-vous avec ce compte, puis ouvrez de nouveau le lien de l’invitation.',
    ),
  comptePersonne: () =>
    new AppError(
      'identite.invitation.compte_personne',
      409,
      'Cette adresse est celle d’un compte de personne accompagnée, qui ne peut pas rejoindre une équipe : demandez une invitation à votre adresse professionnelle.',
    ),
  dejaMembre: () =>
    new AppError('identite.invitation.deja_membre', 409, 'Vous faites déjà partie de l’équipe de cette structure : connectez-vous normalement.'),
  champsManquants: (champs: ChampErreur[]) =>
    new AppError('validation', 400, 'La requête contient des valeurs invalides : corrigez les champs indiqués et réessayez.', champs),
  motDePasseRefuse: (problemes: string[]) =>
    new AppError(
      'identite.mot_de_passe_refuse',
      400,
      'Ce mot de passe ne convient pas : suivez les indications sous le champ, puis réessayez.',
      problemes.map((message) => ({ chemin: 'mot_de_passe', message })),
    ),
};
