export { annuaireRoutes } from './annuaire.routes.js';
export { replaceSources, insertStructures } from './annuaire.referentiel.js';
export type { StructureAImporter, ReferentielAnnuaire } from './annuaire.referentiel.js';
export { parseHoraires, toOsmOpeningHours } from './annuaire.horaires.js';
export { findStructureResume } from './annuaire.resume.js';
export type { StructureResume } from './annuaire.resume.js';
export { findNearestReceptionSites } from './annuaire.proximite.js';
export type { GroupeDeReseaux, LieuProche } from './annuaire.proximite.js';
