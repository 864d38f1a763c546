export { exportServices, exportStructures, importDataInclusion } from './echange.service.js';
export type { DemandeImport, RapportImport } from './echange.service.js';
export { formaterRapport, lireArguments, USAGE } from './echange.commande.js';
