import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../db/client.js';
import type { Role } from '../../shared/acteur.js';

/** An agent to write to about a structure, and the role they hold for it. */
export interface Destinataire {
  utilisateurId: string;
  email: string;
  prenom: string;
  nom: string;
  role: Extract<Role, 'structure_manager' | 'coordinator'>;
}

/**
 * Who answers for a structure's record: the active managers of the structure and the active
 * coordinators of its region (an agent holding both roles is listed once, as manager).
 */
export async function listerDestinatairesStructure(db: Executor, structureId: string, regionCode: string | null): Promise<Destinataire[]> {
  const lignes = await rows<{ utilisateur_id: string; email: string; prenom: string; nom: string; role: Destinataire['role'] }>(
    db,
    sql`SELECT DISTINCT ON (u.id) u.id AS utilisateur_id, u.email, u.prenom, u.nom, a.role
      FROM identite_adhesion a JOIN identite_utilisateur u ON u.id = a.utilisateur_id
      WHERE a.statut = 'active' AND u.statut = 'actif'
        AND ((a.role = 'structure_manager' AND a.structure_id = ${structureId}::uuid)
          OR (a.role = 'coordinator' AND a.territoire_code = ${regionCode}))
      ORDER BY u.id, a.role DESC`,
  );
  return lignes.map((l) => ({ utilisateurId: l.utilisateur_id, email: l.email, prenom: l.prenom, nom: l.nom, role: l.role }));
}

/** Every active manager with the structure they manage (one line per structure and manager). */
export async function listerResponsablesDeStructures(
  db: Executor,
): Promise<{ structureId: string; utilisateurId: string; email: string; prenom: string; nom: string }[]> {
  const lignes = await rows<{ structure_id: string; utilisateur_id: string; email: string; prenom: string; nom: string }>(
    db,
    sql`SELECT DISTINCT a.structure_id, u.id AS utilisateur_id, u.email, u.prenom, u.nom
      FROM identite_adhesion a JOIN identite_utilisateur u ON u.id = a.utilisateur_id
      WHERE a.statut = 'active' AND u.statut = 'actif' AND a.role = 'structure_manager' AND a.structure_id IS NOT NULL
      ORDER BY a.structure_id, u.email`,
  );
  return lignes.map((l) => ({ structureId: l.structure_id, utilisateurId: l.utilisateur_id, email: l.email, prenom: l.prenom, nom: l.nom }));
}
