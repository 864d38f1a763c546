export { FILE_COURRIELS, HORS_REGION, declarerEnvoiDesCourriels, mettreEnFileCourriel } from './courriel.service.js';
export type { CourrielAEnvoyer, DependancesCourriel } from './courriel.service.js';
