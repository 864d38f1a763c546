import { AppError } from '../../../shared/erreurs.js';

export const codeInvalide = (champ: 'code' | 'code_recuperation') => {
  const message =
    champ === 'code'
      ? 'Code incorrect ou déjà utilisé : saisissez le code affiché maintenant par votre application d’authentification.'
      : 'Code de récupération incorrect ou déjà utilisé : vérifiez votre saisie ou utilisez un autre de vos codes.';
  return new AppError('identite.code_invalide', 401, message, [{ chemin: champ, message }]);
};

export const secondFacteurNonConfigure = () =>
  new AppError(
    'identite.second_facteur_non_configure',
    409,
    'Aucun second facteur n’est activé sur ce compte : configurez d’abord votre application d’authentification.',
  );

export const secondFacteurNonInitialise = () =>
  new AppError('identite.second_facteur_non_initialise', 409, 'Aucun secret n’attend d’activation : commencez par demander un nouveau QR code.');

export const preuveRequise = () =>
  new AppError(
    'identite.preuve_second_facteur_requise',
    403,
    'Un second facteur est déjà actif sur ce compte : saisissez un code de votre application (ou un code de récupération) pour le remplacer.',
    [{ chemin: 'code', message: 'saisissez le code de votre application d’authentification actuelle' }],
  );

export const secondFacteurObligatoire = () =>
  new AppError(
    'identite.second_facteur_obligatoire',
    403,
    'Votre rôle donne accès à des données personnelles : le second facteur ne peut pas être désactivé. Vous pouvez le remplacer par une autre application.',
  );
