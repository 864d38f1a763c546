import { AppError } from '../../shared/erreurs.js';

export const voiesErrors = {
  rayonSansCommune: () =>
    new AppError('voies.rayon_sans_commune', 400, 'Le rayon se mesure autour d’une commune : indiquez aussi la commune.', [
      { chemin: 'rayon_km', message: 'utilisable seulement avec le paramètre commune' },
    ]),
};
