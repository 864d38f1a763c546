export { replaceReferentielMetiers, JEU_METIERS, VersionMetiersAnterieure } from './metiers.referentiel.js';
export type { DonneesMetiers } from './metiers.referentiel.js';
