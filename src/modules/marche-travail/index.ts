export { replaceReferentielMarcheTravail, JEU_MARCHE_TRAVAIL } from './marche-travail.referentiel.js';
export type { DonneesMarcheTravail } from './marche-travail.referentiel.js';
export type { BassinReponse, Effectif, LigneMetier, MetierBmo, PerspectivesReponse, Source } from './marche-travail.contract.js';
