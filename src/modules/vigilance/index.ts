export { configVigilanceSchema } from './vigilance.config.js';
export type { ConfigVigilance } from './vigilance.config.js';
export { lireDonneesPersonnelles, noterLectureDonneesPersonnelles, reglagesVigilance } from './vigilance.service.js';
export type { LectureDonneesPersonnelles, ReglagesVigilance, SuiteVigilance } from './vigilance.service.js';
