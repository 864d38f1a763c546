import { AppError } from '../../shared/erreurs.js';

export const auditErrors = {
  // The same answer for a structure that does not exist and one the reader does not manage.
  structureIntrouvable: () =>
    new AppError(
      'audit.structure_introuvable',
      404,
      'Cette structure n’existe pas ou vous n’en êtes pas responsable : vérifiez le lien, ou ouvrez le journal des accès depuis le menu.',
    ),
  reserveAuxPersonnes: () =>
    new AppError(
      'audit.reserve_aux_personnes',
      403,
      'Cette page montre à une personne accompagnée qui a consulté ses données : connectez-vous avec votre compte personnel.',
    ),
};
