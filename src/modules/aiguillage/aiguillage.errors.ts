import { AppError } from '../../shared/erreurs.js';

export const aiguillageErrors = {
  dateNaissanceFuture: () =>
    new AppError('validation', 400, 'La requête contient des valeurs invalides : corrigez les champs indiqués et réessayez.', [
      { chemin: 'date_naissance', message: 'la date de naissance ne peut pas être dans le futur' },
    ]),
  dateNaissanceTropAncienne: () =>
    new AppError('validation', 400, 'La requête contient des valeurs invalides : corrigez les champs indiqués et réessayez.', [
      { chemin: 'date_naissance', message: 'date de naissance trop ancienne : vérifiez l’année' },
    ]),
  // No rule set in force is a deployment fault (the national file always loads at start).
  reglesAbsentes: () =>
    new AppError(
      'aiguillage.regles_absentes',
      503,
      'Le service d’orientation n’a pas de règles en vigueur aujourd’hui : réessayez plus tard ou adressez-vous à un lieu d’accueil proche.',
    ),
  // The same answer for a version that does not exist and one outside the agent's perimeter.
  reglesIntrouvables: () =>
    new AppError(
      'aiguillage.regles_introuvables',
      404,
      'Ce jeu de règles n’existe pas ou ne relève pas de votre territoire : choisissez-le dans la liste des versions.',
    ),
  perimetreRefuse: (regionCode: string | null) =>
    new AppError(
      'aiguillage.perimetre_refuse',
      403,
      regionCode === null
        ? 'Seuls les administrateurs changent les règles nationales : déposez une version pour votre région.'
        : 'Vous ne coordonnez pas cette région : vous ne pouvez déposer ou publier des règles que pour la vôtre.',
      [{ chemin: 'region_code', message: 'hors de votre territoire' }],
    ),
  versionExistante: (version: string) =>
    new AppError('aiguillage.version_existante', 409, `La version « ${version} » existe déjà pour ce périmètre : donnez un autre nom à la nouvelle version.`, [
      { chemin: 'version', message: 'déjà utilisée' },
    ]),
  dejaPubliee: () =>
    new AppError('aiguillage.deja_publiee', 409, 'Cette version est déjà publiée : une version publiée ne change plus ; déposez-en une nouvelle.'),
};
