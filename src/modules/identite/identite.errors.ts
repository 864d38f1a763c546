import { AppError } from '../../shared/erreurs.js';

export const identifiantsInvalides = () =>
  new AppError('identite.identifiants_invalides', 401, 'Adresse électronique ou mot de passe incorrect. Vérifiez votre saisie et réessayez.');

// Said of the address tried, account or not: the answer must not tell whether one exists.
export const compteVerrouille = (secondes: number) =>
  new AppError(
    'identite.compte_verrouille',
    429,
    `Trop de tentatives de connexion avec cette adresse : réessayez dans ${formaterAttente(secondes)}. ` +
      'Si vous avez oublié votre mot de passe, adressez-vous au responsable de votre structure.',
    undefined,
    { 'retry-after': String(secondes) },
  );

export const connexionSaturee = () =>
  new AppError('identite.connexion_saturee', 503, 'Le service de connexion est très sollicité : réessayez dans quelques secondes.', undefined, {
    'retry-after': '5',
  });

export const compteSuspendu = () => new AppError('identite.compte_suspendu', 403, 'Ce compte est suspendu. Adressez-vous au responsable de votre structure.');

function formaterAttente(secondes: number): string {
  if (secondes < 60) return `${secondes} seconde${secondes > 1 ? 's' : ''}`;
  const minutes = Math.ceil(secondes / 60);
  return `${minutes} minute${minutes > 1 ? 's' : ''}`;
}
