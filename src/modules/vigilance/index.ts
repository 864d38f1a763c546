export { configVigilanceSchema } from './vigilance.config.js';
export type { ConfigVigilance } from './vigilance.config.js';
export { jugerLectures, lireDonneesPersonnelles, reglagesVigilance } from './vigilance.service.js';
export type { LectureDonneesPersonnelles, ReglagesVigilance } from './vigilance.service.js';
