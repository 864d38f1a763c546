import { AppError } from '../../../shared/erreurs.js';

const NOMS = { site: 'Ce lieu', service: 'Ce service', contact: 'Ce contact' } as const;

export const gestionErrors = {
  // The same answer for a structure that does not exist and one outside the agent's scope.
  structureIntrouvable: () =>
    new AppError(
      'annuaire.structure_introuvable',
      404,
      'Cette structure n’existe pas ou vous n’en avez pas la gestion : vérifiez le lien ou choisissez-la dans « Gérer mes structures ».',
    ),
  objetIntrouvable: (type: keyof typeof NOMS) =>
    new AppError(`annuaire.${type}_introuvable`, 404, `${NOMS[type]} n’existe pas ou n’appartient pas à cette structure : rechargez la fiche de la structure.`),
  versionPerimee: () =>
    new AppError(
      'annuaire.version_perimee',
      412,
      'Cette fiche a été modifiée par quelqu’un d’autre depuis que vous l’avez ouverte : rechargez-la, vérifiez ses nouvelles valeurs, puis refaites votre modification.',
      [{ chemin: 'version', message: 'version périmée : rechargez la fiche' }],
    ),
  valeurInconnue: (chemin: string, valeurs: string[]) =>
    new AppError('annuaire.valeur_inconnue', 400, `Valeur inconnue pour ${chemin} : choisissez parmi les valeurs proposées.`, [
      { chemin, message: `inconnu : ${valeurs.join(', ')}` },
    ]),
  lieuEtranger: (chemin: string) =>
    new AppError('annuaire.lieu_etranger', 400, 'Le lieu choisi n’appartient pas à cette structure : choisissez un de ses lieux.', [
      { chemin, message: 'lieu d’une autre structure' },
    ]),
  lieuUtilise: (services: number, contacts: number) =>
    new AppError(
      'annuaire.lieu_utilise',
      409,
      `Ce lieu porte encore ${services} service(s) et ${contacts} contact(s) : rattachez-les à un autre lieu ou supprimez-les, puis supprimez le lieu.`,
    ),
};
