import { AppError } from '../../shared/erreurs.js';

export const annuaireErrors = {
  serviceIntrouvable: () => new AppError('annuaire.service_introuvable', 404, 'Ce service n’existe pas ou n’est plus référencé dans l’annuaire.'),
  structureIntrouvable: () => new AppError('annuaire.structure_introuvable', 404, 'Cette structure n’existe pas ou n’est plus référencée dans l’annuaire.'),
  rayonSansCommune: () =>
    new AppError('annuaire.rayon_sans_commune', 400, 'Le rayon se mesure autour d’une commune : indiquez aussi la commune.', [
      { chemin: 'rayon_km', message: 'utilisable seulement avec le paramètre commune' },
    ]),
  communeSansPosition: (nom: string) =>
    new AppError('annuaire.commune_sans_position', 400, `La position de ${nom} n’est pas connue : choisissez une commune voisine.`, [
      { chemin: 'commune', message: 'commune sans coordonnées dans le référentiel' },
    ]),
  valeurInconnue: (chemin: string, valeurs: string[]) =>
    new AppError('annuaire.valeur_inconnue', 400, `Valeur inconnue pour ${chemin} : choisissez parmi celles de /api/v1/referentiels.`, [
      { chemin, message: `inconnu : ${valeurs.join(', ')}` },
    ]),
};
