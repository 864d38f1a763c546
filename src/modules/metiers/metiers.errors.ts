import { AppError, type ChampErreur } from '../../shared/erreurs.js';

const invalide = 'La requête contient des valeurs invalides : corrigez les champs indiqués et réessayez.';

export const metiersErrors = {
  ficheIntrouvable: (code: string) =>
    new AppError('metiers.fiche_introuvable', 404, `Aucune fiche métier n’a le code ${code} dans le ROME : cherchez le métier par son intitulé.`),
  // A code of an earlier version: the link or the bookmark still gets an answer that says why.
  ficheRetiree: (r: { code: string; libelle: string; derniere_version: number; retire_en: number }) =>
    new AppError(
      'metiers.fiche_retiree',
      410,
      `La fiche ${r.code} « ${r.libelle} » a été retirée du ROME à la version ${r.retire_en} (elle figurait encore dans la version ${r.derniere_version}) : cherchez le métier par son intitulé.`,
    ),
  codesInconnus: (champs: ChampErreur[]) =>
    new AppError('metiers.code_inconnu', 400, `${invalide} Choisissez les métiers et compétences dans les listes proposées.`, champs),
  reponsesInvalides: (champs: ChampErreur[]) => new AppError('validation', 400, invalide, champs),
  // The referential always loads at start: its absence is a deployment fault.
  referentielAbsent: () =>
    new AppError('metiers.referentiel_absent', 503, 'Le répertoire des métiers n’est pas encore chargé : réessayez dans quelques minutes.'),
};
