import { AppError } from '../../shared/erreurs.js';

export const consentementErrors = {
  // The same answer for a consent that does not exist and one the agent's structure did not collect.
  introuvable: () =>
    new AppError(
      'consentement.introuvable',
      404,
      'Ce consentement n’existe pas ou n’a pas été recueilli par votre structure : ouvrez le dossier de la personne pour voir ses consentements.',
    ),
  dejaRevoque: () =>
    new AppError('consentement.deja_revoque', 409, 'Ce consentement a déjà été retiré : rechargez le dossier pour voir la date et le motif du retrait.'),
  sensiblesHorsDetentrice: (chemin: string) =>
    new AppError(
      'consentement.donnees_sensibles_partagees',
      400,
      'La situation de santé ou de handicap ne se partage pas : seule la structure qui détient le dossier peut la connaître. Retirez-la des parties partagées.',
      [{ chemin, message: 'données sensibles : réservées à la structure qui détient le dossier' }],
    ),
  destinataireInconnu: (chemin: string) =>
    new AppError('consentement.destinataire_inconnu', 400, 'La structure destinataire n’existe pas dans l’annuaire : choisissez-la dans la liste proposée.', [
      { chemin, message: 'structure inconnue de l’annuaire' },
    ]),
  destinataireAutreRegion: (chemin: string) =>
    new AppError(
      'consentement.destinataire_autre_region',
      400,
      'La structure destinataire est dans une autre région que celle qui détient le dossier : le partage entre régions n’est pas encore possible.',
      [{ chemin, message: 'structure d’une autre région' }],
    ),
};
