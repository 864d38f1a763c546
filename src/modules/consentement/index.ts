export { accorderConsentement, activeConsentsOf, activeConsentsOfMany, consentementsDe, personnesPartageantAvec } from './consentement.service.js';
export type { DemandeConsentement } from './consentement.service.js';
export { ROLES_ACCUEIL, partageAvec, roleAccueilDans } from './consentement.policy.js';
export type { ConsentementActif, Partage } from './consentement.policy.js';
export type { ConsentementSaisie, ConsentementVue, Portee } from './consentement.contract.js';
