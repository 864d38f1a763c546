import { AppError } from '../../../shared/erreurs.js';

export const signalementErrors = {
  ficheIntrouvable: () =>
    new AppError('annuaire.fiche_introuvable', 404, 'La fiche signalée n’existe pas ou n’appartient pas à cette structure : rechargez la page puis réessayez.'),
  signalementIntrouvable: () =>
    new AppError('annuaire.signalement_introuvable', 404, 'Ce signalement n’existe pas ou ne concerne pas une structure que vous gérez : rechargez la liste.'),
};
