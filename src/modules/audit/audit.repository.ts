import { type SQL, sql } from 'drizzle-orm';
import { type Db, type Executor, rows } from '../../db/client.js';
import type { ContenuAudit, MaillonAudit } from './audit.chaine.js';
import * as t from './audit.tables.js';

/**
 * Takes the chain lock until the end of the transaction and returns the last link, read after the
 * lock (see audit_verrouiller_chaine in the migration). Must run inside the writer's transaction.
 */
export async function lockChain(tx: Executor): Promise<{ id: number; hash: string } | null> {
  const [dernier] = await rows<{ dernier_id: number | string; dernier_hash: string }>(tx, sql`SELECT dernier_id, dernier_hash FROM audit_verrouiller_chaine()`);
  return dernier ? { id: Number(dernier.dernier_id), hash: dernier.dernier_hash } : null;
}

export async function insertEvenement(tx: Db, contenu: ContenuAudit, hashPrecedent: string, hash: string): Promise<void> {
  await tx.insert(t.evenement).values({
    id: contenu.id,
    horodatage: new Date(contenu.horodatage),
    acteurUtilisateurId: contenu.acteur_utilisateur_id,
    acteurStructureId: contenu.acteur_structure_id,
    acteurRole: contenu.acteur_role,
    action: contenu.action,
    cibleType: contenu.cible_type,
    cibleId: contenu.cible_id,
    cibleStructureId: contenu.cible_structure_id,
    cibleUtilisateurId: contenu.cible_utilisateur_id,
    resultat: contenu.resultat,
    ip: contenu.ip,
    raison: contenu.raison,
    details: contenu.details,
    hashPrecedent,
    hash,
  });
}

type LigneMaillon = Omit<MaillonAudit, 'id' | 'horodatage'> & { id: number | string; horodatage_us: string | null };

// recordAudit writes milliseconds: a finer part can only come from an edit and must not be rounded
// away, so it yields a text no hash was computed on. So does a non-finite time.
function horodatageIso(microsecondes: string | null): string {
  if (microsecondes === null) return 'non fini';
  const us = BigInt(microsecondes);
  return us % 1000n === 0n ? new Date(Number(us / 1000n)).toISOString() : `${microsecondes} µs`;
}

/** Up to `limite` events after `apresId`, in chain order, with everything the hash covers. */
export async function readChain(db: Executor, apresId: number, limite: number): Promise<MaillonAudit[]> {
  const lignes = await rows<LigneMaillon>(
    db,
    sql`SELECT id, CASE WHEN isfinite(horodatage) THEN (extract(epoch FROM horodatage) * 1000000)::bigint::text END AS horodatage_us,
          acteur_utilisateur_id::text AS acteur_utilisateur_id, acteur_structure_id, acteur_role, action, cible_type, cible_id,
          cible_structure_id, cible_utilisateur_id::text AS cible_utilisateur_id, resultat, ip, raison, details, hash_precedent, hash
        FROM audit_evenement WHERE id > ${apresId} ORDER BY id LIMIT ${limite}`,
  );
  return lignes.map(({ horodatage_us, ...ligne }) => ({ ...ligne, id: Number(ligne.id), horodatage: horodatageIso(horodatage_us) }));
}

export async function hashExists(db: Executor, hash: string): Promise<boolean> {
  return (await rows(db, sql`SELECT 1 FROM audit_evenement WHERE hash = ${hash}`)).length > 0;
}

export async function countEvenements(db: Executor): Promise<number> {
  const [ligne] = await rows<{ total: number }>(db, sql`SELECT count(*)::int AS total FROM audit_evenement`);
  return ligne?.total ?? 0;
}

/** An event as the access listings show it: who, what, on what, with what outcome; no hash, no ip, no details. */
export interface AccesAudit {
  id: number;
  horodatage: string;
  acteur_utilisateur_id: string | null;
  acteur_structure_id: string | null;
  acteur_role: string | null;
  action: string;
  cible_type: string | null;
  cible_id: string | null;
  cible_structure_id: string | null;
  cible_utilisateur_id: string | null;
  resultat: 'succes' | 'refus' | 'echec';
  raison: string | null;
}

async function listAcces(db: Executor, condition: SQL, limite: number, decalage: number) {
  const evenements = await rows<AccesAudit>(
    db,
    sql`SELECT id, to_char(horodatage AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS horodatage,
          acteur_utilisateur_id::text AS acteur_utilisateur_id, acteur_structure_id, acteur_role, action, cible_type, cible_id,
          cible_structure_id, cible_utilisateur_id::text AS cible_utilisateur_id, resultat, raison
        FROM audit_evenement WHERE ${condition} ORDER BY id DESC LIMIT ${limite} OFFSET ${decalage}`,
  );
  const [compte] = await rows<{ total: number }>(db, sql`SELECT count(*)::int AS total FROM audit_evenement WHERE ${condition}`);
  return { evenements, total: compte?.total ?? 0 };
}

export function listAccesByStructure(db: Executor, structureId: string, limite: number, decalage: number) {
  return listAcces(db, sql`cible_structure_id = ${structureId}`, limite, decalage);
}

export function listAccesByPersonne(db: Executor, utilisateurId: string, limite: number, decalage: number) {
  return listAcces(db, sql`cible_utilisateur_id = ${utilisateurId}::uuid`, limite, decalage);
}

/** Key of `details` that marks a read of personal data (set by the vigilance module), counted below. */
export const MARQUE_LECTURE_DONNEES_PERSONNELLES = 'lecture_donnees_personnelles';

// Written as a constant, never a parameter, so that the planner matches it against the predicate
// of the partial index audit_evenement_lectures_acteur (migration 0008): counts then read the
// index alone, over the actor's reads of the period, not the actor's whole history.
const estLectureDonneesPersonnelles = sql.raw(`details @> '{"${MARQUE_LECTURE_DONNEES_PERSONNELLES}": true}'::jsonb`);

/** An actor's reads of personal data after `depuis`. */
export async function countLecturesDepuis(db: Executor, utilisateurId: string, depuis: Date): Promise<number> {
  const [ligne] = await rows<{ total: number }>(
    db,
    sql`SELECT count(*)::int AS total FROM audit_evenement
        WHERE acteur_utilisateur_id = ${utilisateurId}::uuid AND ${estLectureDonneesPersonnelles}
          AND horodatage > ${depuis.toISOString()}::timestamptz`,
  );
  return ligne?.total ?? 0;
}

/**
 * An actor's reads of personal data per period of `dureeMs`, counted back from `fin`: period k
 * covers (fin - k × durée, fin - (k - 1) × durée], for k from 1 to `periodes`. Periods without
 * reads are absent.
 */
export async function countLecturesParPeriode(db: Executor, utilisateurId: string, fin: Date, dureeMs: number, periodes: number) {
  const finIso = fin.toISOString();
  const lignes = await rows<{ periode: number; lectures: number }>(
    db,
    sql`SELECT (floor(extract(epoch FROM (${finIso}::timestamptz - horodatage)) * 1000 / ${dureeMs}) + 1)::int AS periode,
          count(*)::int AS lectures
        FROM audit_evenement
        WHERE acteur_utilisateur_id = ${utilisateurId}::uuid AND ${estLectureDonneesPersonnelles}
          AND horodatage > ${finIso}::timestamptz - make_interval(secs => ${(dureeMs * periodes) / 1000})
          AND horodatage <= ${finIso}::timestamptz
        GROUP BY 1`,
  );
  return lignes.map((l) => ({ periode: Number(l.periode), lectures: Number(l.lectures) }));
}
