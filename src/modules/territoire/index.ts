export { requireCommune, findCommune, findCommunes, localiserCommune, findBassinBmo, listZonesEmploiDuBassin } from './territoire.service.js';
export type { BassinBmo, Commune, LocalisationCommune } from './territoire.contract.js';
export { codeCommuneSchema } from './territoire.contract.js';
export { replaceReferentielTerritoire, JEU_TERRITOIRE } from './territoire.referentiel.js';
export type { DonneesTerritoire } from './territoire.referentiel.js';
