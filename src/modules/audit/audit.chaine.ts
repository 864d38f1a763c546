import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** hash_precedent of the first event of the chain. */
export const HASH_INITIAL = '0'.repeat(64);

export type ResultatAudit = 'succes' | 'refus' | 'echec';

/** What a caller records; absent fields are stored as NULL. */
export interface EvenementAudit {
  /** Dotted name of what was done: 'identite.connexion', 'annuaire.structure.modifier', 'dossier.lire'. */
  action: string;
  resultat: ResultatAudit;
  acteurUtilisateurId?: string | null;
  /** Structure the actor acts for. */
  acteurStructureId?: string | null;
  acteurRole?: string | null;
  cibleType?: string | null;
  cibleId?: string | null;
  /** Structure that holds the record touched: its managers can list the accesses to its records. */
  cibleStructureId?: string | null;
  /** Person whose data was touched: they can list who accessed it. */
  cibleUtilisateurId?: string | null;
  ip?: string | null;
  /** Why it was refused or failed, or on what basis it was allowed. */
  raison?: string | null;
  details?: Record<string, unknown>;
}

/** The hashed content of one event: the stored columns, by their names, hashes aside. */
export interface ContenuAudit {
  id: number;
  /** ISO 8601 in UTC with milliseconds, as Date.toISOString() writes it. */
  horodatage: string;
  acteur_utilisateur_id: string | null;
  acteur_structure_id: string | null;
  acteur_role: string | null;
  action: string;
  cible_type: string | null;
  cible_id: string | null;
  cible_structure_id: string | null;
  cible_utilisateur_id: string | null;
  resultat: string;
  ip: string | null;
  raison: string | null;
  details: unknown;
}

const formeUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// PostgreSQL prints a uuid in lower case whatever was sent: hashing what was sent would not match
// what the verifier reads back.
function uuidOuNull(champ: string, valeur: string | null | undefined): string | null {
  if (valeur == null) return null;
  if (!formeUuid.test(valeur)) throw new Error(`Audit : ${champ} doit être un uuid (reçu « ${valeur} »).`);
  return valeur.toLowerCase();
}

/**
 * The content as it will read back from the database: uuids in lower case, details through JSON
 * (jsonb keeps what JSON keeps: no undefined, no Date object), time in milliseconds.
 */
export function contenuAudit(id: number, horodatage: Date, evenement: EvenementAudit): ContenuAudit {
  if (Number.isNaN(horodatage.getTime())) throw new Error('Audit : horodatage invalide.');
  return {
    id,
    horodatage: horodatage.toISOString(),
    acteur_utilisateur_id: uuidOuNull('acteurUtilisateurId', evenement.acteurUtilisateurId),
    acteur_structure_id: evenement.acteurStructureId ?? null,
    acteur_role: evenement.acteurRole ?? null,
    action: evenement.action,
    cible_type: evenement.cibleType ?? null,
    cible_id: evenement.cibleId ?? null,
    cible_structure_id: evenement.cibleStructureId ?? null,
    cible_utilisateur_id: uuidOuNull('cibleUtilisateurId', evenement.cibleUtilisateurId),
    resultat: evenement.resultat,
    ip: evenement.ip ?? null,
    raison: evenement.raison ?? null,
    details: JSON.parse(JSON.stringify(evenement.details ?? {})) as unknown,
  };
}

/** RFC 8785 (JCS) text of the content: same content, same text, whatever the key order. */
export function formeCanonique(contenu: ContenuAudit): string {
  const texte = canonicalize(contenu);
  if (texte === undefined) throw new Error('Audit : contenu impossible à mettre en forme canonique.');
  return texte;
}

/** sha256 (hex) of the previous hash followed by the canonical content: each event seals the one before. */
export function calculerHash(hashPrecedent: string, contenu: ContenuAudit): string {
  return createHash('sha256')
    .update(hashPrecedent + formeCanonique(contenu), 'utf8')
    .digest('hex');
}

/** One stored event, as the verifier reads it. */
export interface MaillonAudit extends ContenuAudit {
  hash_precedent: string;
  hash: string;
}

export type RaisonInvalidite = 'modifie' | 'supprime' | 'insere' | 'reordonne';

export interface Anomalie {
  premierEvenementInvalide: number;
  raison: RaisonInvalidite;
}

/** The last event found valid, or the start of the chain (id 0, no event). */
export interface Precedent {
  id: number;
  hash: string;
  hashPrecedent: string | null;
}

export const DEBUT_DE_CHAINE: Precedent = { id: 0, hash: HASH_INITIAL, hashPrecedent: null };

/**
 * Checks one event against the last valid one and, when it does not follow, says what was most
 * likely done and to which event. Ids are dense (the writer takes last + 1 under the chain lock), so
 * a hole is a deletion; each hash seals its own id, so a moved event no longer matches its content.
 * `hashConnu` asks whether a hash is stored anywhere in the trail (asked only on an anomaly).
 */
export async function examinerMaillon(precedent: Precedent, maillon: MaillonAudit, hashConnu: (hash: string) => Promise<boolean>): Promise<Anomalie | null> {
  const { hash_precedent: hashPrecedent, hash, ...contenu } = maillon;
  const idAttendu = precedent.id + 1;
  const intact = calculerHash(hashPrecedent, contenu) === hash;
  const relie = hashPrecedent === precedent.hash;
  if (maillon.id !== idAttendu) {
    // A well-formed event under a number the writer never gives is a forgery, not a deletion.
    return intact && relie ? { premierEvenementInvalide: maillon.id, raison: 'insere' } : { premierEvenementInvalide: idAttendu, raison: 'supprime' };
  }
  if (intact && relie) return null;
  // Its content, or only its link, was changed in place.
  if (!intact && (relie || calculerHash(precedent.hash, contenu) === hash)) {
    return { premierEvenementInvalide: maillon.id, raison: 'modifie' };
  }
  // Two events claim the same predecessor: the first of them was slipped in.
  if (precedent.hashPrecedent !== null && hashPrecedent === precedent.hashPrecedent) {
    return { premierEvenementInvalide: precedent.id, raison: 'insere' };
  }
  // It follows an event that exists, elsewhere in the order.
  if (await hashConnu(hashPrecedent)) return { premierEvenementInvalide: maillon.id, raison: 'reordonne' };
  // It follows an event that no longer exists under its hash: the one before it was rewritten,
  // hash included; or this one was.
  return { premierEvenementInvalide: intact && precedent.id > 0 ? precedent.id : maillon.id, raison: 'modifie' };
}
