export { EchecDeTravail, FUSEAU_DES_PLANIFICATIONS, creerFileDeTravaux } from './taches.file.js';
export type { FileDeTravaux, OptionsDemarrage, OptionsFile, Reprises, Traitement } from './taches.file.js';
