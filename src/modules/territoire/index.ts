export { territoireRoutes } from './territoire.routes.js';
export { requireCommune, findCommune, findCommunes } from './territoire.service.js';
export type { Commune } from './territoire.contract.js';
export { codeCommuneSchema } from './territoire.contract.js';
export { replaceReferentielTerritoire, JEU_TERRITOIRE } from './territoire.referentiel.js';
export type { DonneesTerritoire } from './territoire.referentiel.js';
