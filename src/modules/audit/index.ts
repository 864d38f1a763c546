export { accesProtege, acteurDe, echec, journaliserAcces } from './audit.acces.js';
export type { AccesProtege, EchecAcces, JugeLecture, TraceAcces } from './audit.acces.js';
export {
  recordAudit,
  verifierChaineAudit,
  listerAccesParStructure,
  listerAccesParPersonne,
  compterLecturesDepuis,
  lecturesDesJoursPrecedents,
  suivreEcrituresAudit,
} from './audit.service.js';
export { MARQUE_LECTURE_DONNEES_PERSONNELLES } from './audit.repository.js';
export type { ResultatVerification } from './audit.service.js';
export type { EvenementAudit, ResultatAudit, RaisonInvalidite } from './audit.chaine.js';
export type { AccesAudit } from './audit.repository.js';
