import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Db, Transaction } from '../../db/client.js';
import type { Courriel, Messagerie } from '../../shared/messagerie.js';
import type { FileDeTravaux, Reprises } from '../taches/index.js';
import * as repository from './courriel.repository.js';

/** The queue whose jobs hand the mails to the mail server; a job carries ids only, never an address. */
export const FILE_COURRIELS = 'courriel.envoyer';

/** The Region code of a mail no Region is concerned by (a national account, a structure without a known commune). */
export const HORS_REGION = '00';

// A mail server away for a while: tried again after 1, 2, 4… minutes (pg-boss doubles the delay,
// with some randomness), 8 times, about four hours in all.
export const REPRISES_COURRIEL: Reprises = { reprises: 8, delaiSecondes: 60, progressif: true };

interface TravailCourriel {
  regionCode: string;
  id: string;
}

export interface CourrielAEnvoyer {
  /** The Region the mail is sent for; null for none (HORS_REGION). */
  regionCode: string | null;
  /** Names this mail among every mail of the Region: asked for again with the same key, it is not sent again. */
  cle: string;
  courriel: Courriel;
}

/**
 * Writes the mail and the job that sends it, in the transaction of the change that causes it: both
 * commit with the change, or neither exists. Returns false when a mail with this key already exists
 * (it is neither written nor sent again).
 */
export async function mettreEnFileCourriel(tx: Transaction, file: FileDeTravaux, envoi: CourrielAEnvoyer, maintenant: Date): Promise<boolean> {
  // The type already refuses a plain Db; this holds for callers that cast their way around it.
  if (!(tx instanceof PgTransaction)) throw new Error('Courriel mis en file hors d’une transaction : il ne suivrait pas son changement.');
  const regionCode = envoi.regionCode ?? HORS_REGION;
  const id = await repository.insertEnvoi(tx, { regionCode, cle: envoi.cle, message: envoi.courriel, demandeLe: maintenant });
  if (id === null) return false;
  await file.envoyer(tx, FILE_COURRIELS, { regionCode, id } satisfies TravailCourriel);
  return true;
}

export interface DependancesCourriel {
  db: Db;
  messagerie: Messagerie;
  now: () => Date;
}

/**
 * The job of one mail: sends it unless it was already sent, then records it as sent. A refusal of
 * the mail server throws, and the queue tries again later. pg-boss gives a job to one worker at a
 * time; a job run again (retried, sent twice, expired while the mail server answered) finds the mail
 * recorded and sends nothing. Between the server's acceptance and the record, a stop of the process
 * would send it again on the next try: at least once, never twice otherwise.
 */
export async function envoyerCourrielEnFile(deps: DependancesCourriel, { regionCode, id }: TravailCourriel): Promise<'envoye' | 'deja_envoye'> {
  const envoi = await repository.findEnvoi(deps.db, regionCode, id);
  if (!envoi) throw new Error(`Courriel ${regionCode}/${id} introuvable.`);
  if (envoi.envoyeLe !== null || envoi.message === null) return 'deja_envoye';
  await deps.messagerie.envoyer(envoi.message);
  await repository.marquerEnvoye(deps.db, regionCode, id, deps.now());
  return 'envoye';
}

/** Declares the queue of outgoing mail and its job; before the queue starts. */
export function declarerEnvoiDesCourriels(file: FileDeTravaux, deps: DependancesCourriel, reprises: Reprises = REPRISES_COURRIEL): void {
  file.travail<TravailCourriel>(
    FILE_COURRIELS,
    async (donnees) => {
      await envoyerCourrielEnFile(deps, donnees);
    },
    reprises,
  );
}
