export { identiteRoutes } from './identite.routes.js';
export { ACTEUR_ANONYME, ROLES, asSystem, estAdministrateur, estConnecte, structuresDe, territoiresDe } from './identite.acteur.js';
export type { Acteur, ActeurConnecte, AdhesionActeur, Role } from './identite.acteur.js';
export { PERMISSIONS, ROLES_PERMISSIONS, detientPermission, secondFacteurRequis } from './identite.permissions.js';
export type { Permission, RoleActeur } from './identite.permissions.js';
export { resoudreSession, fermerToutesLesSessions } from './identite.session.js';
export { ACTION_SUSPENSION, suspendreCompte } from './identite.suspension.js';
export { decrireUtilisateurs, listerResponsables } from './identite.annuaire-agents.js';
export type { FicheUtilisateur } from './identite.annuaire-agents.js';
