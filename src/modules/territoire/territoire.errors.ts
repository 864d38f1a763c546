import { AppError } from '../../shared/erreurs.js';

export const territoireErrors = {
  communeInconnue: (chemin: string, code: string) =>
    new AppError('territoire.commune_inconnue', 400, `La commune ${code} est inconnue : choisissez une commune dans la liste proposée.`, [
      { chemin, message: `aucune commune n’a le code INSEE ${code}` },
    ]),
  perimetreManquant: () =>
    new AppError('territoire.perimetre_manquant', 400, 'Précisez un département (ou une région) pour afficher les contours des communes.', [
      { chemin: 'departement', message: 'obligatoire avec niveau=commune' },
    ]),
};
