export { listerVoies, lireFichierVoies } from './voies.service.js';
export { fichierVoiesSchema, codeRomeSchema, SERVICES_PAR_VOIE } from './voies.contract.js';
export type { FichierVoies, Voie, VoieReponse, VoiesReponse } from './voies.contract.js';
