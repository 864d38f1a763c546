export { lireEvenements, publierEvenement } from './evenements.service.js';
export type { DonneesEvenement, EvenementAPublier, EvenementDomaine, TypeEvenement } from './evenements.contract.js';
