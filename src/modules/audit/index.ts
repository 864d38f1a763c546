export { recordAudit, verifierChaineAudit, listerAccesParStructure, listerAccesParPersonne } from './audit.service.js';
export type { ResultatVerification } from './audit.service.js';
export type { EvenementAudit, ResultatAudit, RaisonInvalidite } from './audit.chaine.js';
export type { AccesAudit } from './audit.repository.js';
