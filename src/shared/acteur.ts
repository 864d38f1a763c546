/** Roles of agents, as the memberships hold them. A person's role on their own data is `personne`. */
export const ROLES = ['advisor', 'structure_manager', 'coordinator', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface AdhesionActeur {
  id: string;
  role: Role;
  /** The structure the role is held in (advisor, structure_manager). */
  structureId: string | null;
  /** The region the role covers (coordinator, analyst). */
  territoireCode: string | null;
}

export interface SessionActeur {
  /** sha256 of the cookie's token: identifies the session without being usable as a cookie. */
  empreinte: string;
  methode: string;
  secondFacteur: boolean;
  /**
   * The account has turned TOTP on: a password session then owes the code, whatever its roles
   * (set by resoudreSession; absent where a test builds an actor by hand).
   */
  totpActif?: boolean;
}

/** Who is calling: every service receives one, and every policy decides from it. */
export type Acteur =
  | { type: 'anonyme' }
  | { type: 'agent'; utilisateurId: string; session: SessionActeur; adhesions: AdhesionActeur[] }
  | { type: 'personne'; utilisateurId: string; session: SessionActeur }
  /** The platform itself (loaders, scheduled jobs, test factories): see docs/securite.md. */
  | { type: 'systeme'; motif: string };

export type ActeurConnecte = Extract<Acteur, { type: 'agent' | 'personne' }>;

export const ACTEUR_ANONYME: Acteur = { type: 'anonyme' };

/** The privileged actor, named with its reason so that every use can be listed and reviewed. */
export function asSystem(motif: string): Acteur {
  return { type: 'systeme', motif };
}

export function estConnecte(acteur: Acteur): acteur is ActeurConnecte {
  return acteur.type === 'agent' || acteur.type === 'personne';
}

/** The structures where the agent holds one of the roles (all roles when none is given). */
export function structuresDe(acteur: Acteur, roles?: readonly Role[]): string[] {
  if (acteur.type !== 'agent') return [];
  return acteur.adhesions.flatMap((a) => (a.structureId && (!roles || roles.includes(a.role)) ? [a.structureId] : []));
}

/** The regions an agent coordinates or analyses. */
export function territoiresDe(acteur: Acteur, roles: readonly Role[] = ['coordinator', 'analyst']): string[] {
  if (acteur.type !== 'agent') return [];
  return acteur.adhesions.flatMap((a) => (a.territoireCode && roles.includes(a.role) ? [a.territoireCode] : []));
}

export function estAdministrateur(acteur: Acteur): boolean {
  return acteur.type === 'agent' && acteur.adhesions.some((a) => a.role === 'admin');
}
