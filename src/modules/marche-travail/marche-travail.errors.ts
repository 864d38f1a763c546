import { AppError } from '../../shared/erreurs.js';

export const marcheTravailErrors = {
  metierBmoInconnu: (code: string) =>
    new AppError('marche_travail.metier_bmo_inconnu', 400, `Le métier BMO ${code} est inconnu : choisissez une famille de métiers dans la liste proposée.`, [
      { chemin: 'metier_bmo', message: `aucune famille de métiers BMO n’a le code ${code}` },
    ]),
  bassinIntrouvable: () =>
    new AppError(
      'marche_travail.bassin_introuvable',
      404,
      'Ce bassin d’emploi n’existe pas dans l’enquête BMO 2024 : partez d’une commune pour trouver son bassin.',
    ),
  // The data set is loaded at start-up: missing sources are a deployment fault.
  donneesAbsentes: () =>
    new AppError('marche_travail.donnees_absentes', 503, 'Les données du marché du travail ne sont pas encore chargées : réessayez dans quelques minutes.'),
};
