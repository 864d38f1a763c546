import type { Acteur, Role } from '../../shared/acteur.js';

/**
 * Every permission of the platform, with what it lets one do. A route declares the permission it
 * needs; the service's policy then decides on the record itself (structure, territory, consent).
 */
export const PERMISSIONS = {
  'identite.equipe.lire': 'Voir les agents d’une structure et leurs rôles',
  'identite.equipe.gerer': 'Inviter des agents dans une structure, les suspendre, changer leur rôle',
  'annuaire.structure.modifier': 'Modifier une structure, ses lieux, services, horaires et contacts',
  'annuaire.signalement.lire': 'Lire les signalements d’erreur sur les fiches de l’annuaire',
  'audit.acces_structure.lire': 'Voir les accès aux données des personnes suivies par une structure',
  'audit.mes_acces.lire': 'Voir qui a consulté ses propres données',
  'aiguillage.regles.gerer': 'Voir, tester, comparer et publier les règles d’aiguillage d’une région',
  'dossier.creer': 'Accueillir une personne : lancer l’aiguillage pour elle et lui ouvrir un dossier (CEP niveau 1)',
  'dossier.lire': 'Lire les dossiers que sa structure détient ou qu’un consentement lui partage',
  'dossier.modifier': 'Modifier un dossier que sa structure détient (choix de la personne, note)',
  'consentement.gerer': 'Recueillir et révoquer les consentements des personnes dont sa structure détient le dossier',
} as const;

export type Permission = keyof typeof PERMISSIONS;

export type RoleActeur = Role | 'personne';

interface DefinitionRole {
  libelle: string;
  permissions: readonly Permission[];
  /**
   * The role gives access to personal data: a local sign-in needs a second factor before any
   * permission is usable (the 2024 breach went through advisor accounts with a password only).
   */
  secondFacteurRequis: boolean;
}

/** The role × permission table; docs/securite.md shows it and a test keeps the two in step. */
export const ROLES_PERMISSIONS: Record<RoleActeur, DefinitionRole> = {
  advisor: {
    libelle: 'Conseiller',
    permissions: ['identite.equipe.lire', 'dossier.creer', 'dossier.lire', 'dossier.modifier', 'consentement.gerer'],
    secondFacteurRequis: true,
  },
  structure_manager: {
    libelle: 'Responsable de structure',
    permissions: [
      'identite.equipe.lire',
      'identite.equipe.gerer',
      'annuaire.structure.modifier',
      'annuaire.signalement.lire',
      'audit.acces_structure.lire',
      'dossier.creer',
      'dossier.lire',
      'dossier.modifier',
      'consentement.gerer',
    ],
    secondFacteurRequis: true,
  },
  coordinator: {
    libelle: 'Coordinateur territorial',
    // Reads the teams of the structures of its region: never manages them.
    permissions: ['identite.equipe.lire', 'annuaire.structure.modifier', 'annuaire.signalement.lire', 'aiguillage.regles.gerer'],
    secondFacteurRequis: false,
  },
  analyst: {
    libelle: 'Analyste',
    permissions: [],
    secondFacteurRequis: false,
  },
  admin: {
    libelle: 'Administrateur',
    permissions: [
      'identite.equipe.lire',
      'identite.equipe.gerer',
      'annuaire.structure.modifier',
      'annuaire.signalement.lire',
      'audit.acces_structure.lire',
      'aiguillage.regles.gerer',
    ],
    secondFacteurRequis: true,
  },
  personne: {
    libelle: 'Personne accompagnée',
    permissions: ['audit.mes_acces.lire'],
    secondFacteurRequis: false,
  },
};

function rolesDe(acteur: Acteur): RoleActeur[] {
  if (acteur.type === 'agent') return acteur.adhesions.map((a) => a.role);
  if (acteur.type === 'personne') return ['personne'];
  return [];
}

/** Whether one of the actor's roles grants the permission (anywhere: the policy narrows it). */
export function detientPermission(acteur: Acteur, permission: Permission): boolean {
  if (acteur.type === 'systeme') return true;
  return rolesDe(acteur).some((r) => ROLES_PERMISSIONS[r].permissions.includes(permission));
}

/** Whether the actor must have passed a second factor before using their permissions. */
export function secondFacteurRequis(acteur: Acteur): boolean {
  return secondFacteurRequisPour(rolesDe(acteur));
}

/**
 * Whether this session owes a second factor before using any permission: its roles require one,
 * or the account turned TOTP on and signed in with its password only.
 */
export function secondFacteurAttendu(acteur: Acteur): boolean {
  if (acteur.type !== 'agent' && acteur.type !== 'personne') return false;
  return secondFacteurRequis(acteur) || (acteur.session.totpActif === true && acteur.session.methode === 'mot_de_passe');
}

export function secondFacteurRequisPour(roles: readonly RoleActeur[]): boolean {
  return roles.some((r) => ROLES_PERMISSIONS[r].secondFacteurRequis);
}
