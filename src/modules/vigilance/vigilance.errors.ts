import { AppError } from '../../shared/erreurs.js';

export const vigilanceErrors = {
  compteSuspendu: () =>
    new AppError(
      'vigilance.compte_suspendu',
      403,
      'Votre compte vient d’être suspendu : ses consultations de données personnelles des dernières 24 heures dépassent le plafond autorisé. ' +
        'Le responsable de votre structure et le référent sécurité sont prévenus ; adressez-vous à eux pour le faire réactiver.',
    ),
};
