import { AppError } from '../../shared/erreurs.js';

export const dossierErrors = {
  // The same answer for a file that does not exist and one the agent may not see: no disclosure
  // that a person is followed elsewhere.
  introuvable: () =>
    new AppError(
      'dossier.introuvable',
      404,
      'Ce dossier n’existe pas ou ne vous est pas accessible : vérifiez le lien, ou retrouvez-le dans la liste de vos dossiers.',
    ),
  lectureSeule: () =>
    new AppError(
      'dossier.lecture_seule',
      403,
      'Ce dossier vous est partagé par la personne, mais c’est la structure qui le détient qui le tient à jour : adressez-vous à elle.',
    ),
  structureRefusee: () =>
    new AppError(
      'dossier.structure_refusee',
      403,
      'Vous n’accueillez pas pour cette structure : choisissez une structure dont vous êtes conseiller ou responsable.',
      [{ chemin: 'structure_id', message: 'structure dont vous n’êtes pas agent' }],
    ),
  structureAPreciser: () =>
    new AppError('dossier.structure_a_preciser', 400, 'Vous accueillez pour plusieurs structures : précisez celle qui détiendra le dossier.', [
      { chemin: 'structure_id', message: 'choisissez la structure qui détiendra le dossier' },
    ]),
  structureSansRegion: () =>
    new AppError(
      'dossier.structure_sans_region',
      400,
      'Votre structure n’est rattachée à aucune région dans l’annuaire : demandez à la coordination de compléter sa fiche avant d’ouvrir des dossiers.',
      [{ chemin: 'structure_id', message: 'structure sans région' }],
    ),
  consentementDetentriceManquant: () =>
    new AppError(
      'dossier.consentement_manquant',
      400,
      'Le dossier ne s’ouvre qu’avec l’accord de la personne : recueillez son consentement à ce que votre structure conserve son identité, sa situation et son orientation.',
      [{ chemin: 'consentements', message: 'consentement à la structure détentrice pour l’identité, la situation et l’orientation attendu' }],
    ),
  consentementSensibleManquant: (chemin: string) =>
    new AppError(
      'dossier.consentement_sensible_manquant',
      400,
      'Une situation de santé ou de handicap n’est notée qu’avec l’accord de la personne : recueillez son consentement aux données sensibles, ou retirez-les du profil et de la note.',
      [{ chemin, message: 'donnée sensible sans le consentement de la personne' }],
    ),
  choixHorsReponse: () =>
    new AppError('dossier.choix_hors_reponse', 400, 'La personne choisit parmi les opérateurs et orientations de la réponse : choisissez-en un de la liste.', [
      { chemin: 'choix.operateur', message: 'absent de la réponse donnée à la personne' },
    ]),
  lieuHorsReponse: () =>
    new AppError('dossier.lieu_hors_reponse', 400, 'Le lieu choisi n’est pas un des lieux proposés pour cet opérateur : choisissez-le dans la liste.', [
      { chemin: 'choix.site_id', message: 'lieu absent de la réponse pour ce choix' },
    ]),
  versionPerimee: () =>
    new AppError(
      'dossier.version_perimee',
      412,
      'Ce dossier a été modifié par quelqu’un d’autre depuis que vous l’avez ouvert : rechargez-le, vérifiez le choix enregistré, puis refaites votre modification.',
      [{ chemin: 'version', message: 'version périmée : rechargez le dossier' }],
    ),
};
