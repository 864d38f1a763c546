import { randomBytes } from 'node:crypto';
import type { Db } from '../../src/db/client.js';
import { PERMISSIONS, ROLES_PERMISSIONS, type Role, type RoleActeur } from '../../src/modules/identite/index.js';
import { hacherMotDePasse } from '../../src/modules/identite/identite.motdepasse.js';
import { coutHachage } from '../../src/modules/identite/index.js';
import { configDeTest } from '../harness/config.js';
import * as repository from '../../src/modules/identite/identite.repository.js';

/** A password that passes the policy, shared by the accounts of the tests. */
export const MOT_DE_PASSE_DE_TEST = 'cheval-agrafe-batterie-correct-42';

// At the test configuration's cost (test/harness/config.ts): hashing at the production cost
// (≈ 0.4 s) for every account of every test would slow the suite tenfold.
const hashDeTest = hacherMotDePasse(MOT_DE_PASSE_DE_TEST, { coutReduitHorsProduction: coutHachage(configDeTest()) });

export interface AdhesionDeTest {
  role: Role;
  structureId?: string;
  territoireCode?: string;
}

export interface CompteDeTest {
  id: string;
  email: string;
  motDePasse: string;
}

let compteur = 0;

/** An account (agent when memberships are given, person otherwise) with the test password. */
export async function creerCompte(
  db: Db,
  options: { type?: 'agent' | 'personne'; adhesions?: AdhesionDeTest[]; email?: string; prenom?: string; nom?: string; totpSecret?: string } = {},
): Promise<CompteDeTest> {
  const type = options.type ?? (options.adhesions?.length ? 'agent' : 'personne');
  const email = options.email ?? `compte-${++compteur}-${randomBytes(4).toString('hex')}@exemple.invalid`;
  const id = await repository.insertUtilisateur(db, {
    type,
    email,
    prenom: options.prenom ?? 'Camille',
    nom: options.nom ?? 'Essai',
    motDePasse: await hashDeTest,
    ...(options.totpSecret ? { totpSecret: options.totpSecret, totpActive: true } : {}),
  });
  for (const a of options.adhesions ?? []) {
    await repository.insertAdhesion(db, {
      utilisateurId: id,
      role: a.role,
      structureId: a.structureId ?? null,
      territoireCode: a.territoireCode ?? null,
    });
  }
  return { id, email, motDePasse: MOT_DE_PASSE_DE_TEST };
}

/** The permissions a role grants, in the order the session lists them (the registry's order). */
export function permissionsDuRole(role: RoleActeur): string[] {
  return (Object.keys(PERMISSIONS) as (keyof typeof PERMISSIONS)[]).filter((p) => ROLES_PERMISSIONS[role].permissions.includes(p));
}
