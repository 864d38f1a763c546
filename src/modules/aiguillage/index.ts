export { aiguiller, codesDeLaReponse, decider, installerReglesNationales, LIEUX_PAR_OPERATEUR } from './aiguillage.service.js';
export type { FichierRegles } from './aiguillage.service.js';
export { evaluer, compilerRegles } from './aiguillage.regles.js';
export type { Decision, JeuCompile, OperateurCompetent, AutreOrientation, Raison } from './aiguillage.regles.js';
export { fichierReglesSchema, profilSchema } from './aiguillage.contract.js';
export type { Faits, Profil, ReponseAiguillage, TypeOperateur, Situation } from './aiguillage.contract.js';
