export { ouvrirDossier } from './dossier.service.js';
export type { DossierVue, OuvertureDossier } from './dossier.contract.js';
