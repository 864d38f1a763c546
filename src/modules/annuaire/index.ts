export { annuaireRoutes } from './annuaire.routes.js';
export { replaceSources, insertStructures } from './annuaire.referentiel.js';
export type { StructureAImporter, ReferentielAnnuaire } from './annuaire.referentiel.js';
export { parseHoraires, toOsmOpeningHours } from './annuaire.horaires.js';
