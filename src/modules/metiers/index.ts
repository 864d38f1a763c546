export { findMetier, indexMetiers, rapprocherMetiers, searchMetiers, texteAffiche } from './metiers.service.js';
export { replaceReferentielMetiers, JEU_METIERS, VersionMetiersAnterieure } from './metiers.referentiel.js';
export type { DonneesMetiers } from './metiers.referentiel.js';
export { codeRomeSchema, codeOgrSchema, rapprochementCorps } from './metiers.contract.js';
export type { FicheMetier, RapprochementCorps, RapprochementReponse, Suggestion, CompetenceCochable, LettreRiasec } from './metiers.contract.js';
export type { IndexMetiers } from './metiers.memoire.js';
