import { PgTransaction } from 'drizzle-orm/pg-core';
import type { Executor, Transaction } from '../../db/client.js';
import { CATALOGUE_EVENEMENTS, type EvenementAPublier, type EvenementDomaine } from './evenements.contract.js';
import * as repository from './evenements.repository.js';

/**
 * Writes a domain event in the transaction of the change it describes: the event commits with the
 * change or disappears with it. The payload is checked against the catalogue; an event outside a
 * transaction, or with a payload the catalogue refuses, is a fault of the caller and throws
 * before anything is written.
 */
export async function publierEvenement(tx: Transaction, evenement: EvenementAPublier): Promise<{ id: string; numero: number }> {
  // The type already refuses a plain Db; this holds for callers that cast their way around it.
  if (!(tx instanceof PgTransaction)) throw new Error(`Événement « ${evenement.type} » publié hors d’une transaction : il ne suivrait pas son changement.`);
  const entree = CATALOGUE_EVENEMENTS[evenement.type];
  const verifie = entree.donnees.safeParse(evenement.donnees);
  if (!verifie.success) {
    // Paths and kinds of error only: the refused values may be just what must not be written anywhere.
    const fautes = verifie.error.issues.map((i) => `${i.path.join('.') || '(racine)'} : ${i.code}${'keys' in i ? ` ${i.keys.join(', ')}` : ''}`);
    throw new Error(`Événement « ${evenement.type} » refusé par le catalogue : ${fautes.join(' ; ')}.`);
  }
  return repository.insertEvenement(tx, {
    regionCode: evenement.regionCode,
    type: evenement.type,
    agregatType: entree.agregat,
    agregatId: evenement.agregatId,
    structureId: evenement.structureId,
    survenuLe: evenement.survenuLe,
    donnees: verifie.data,
  });
}

/**
 * A Region's events numbered after `depuisNumero` (0 for the first), oldest first, at most
 * `limite`: a consumer keeps the last number it has handled and asks for what follows. Numbers
 * are taken at insert, not at commit, so a transaction still open when this reads may later commit
 * an event numbered below what was returned: a consumer that must see every event rereads a margin
 * behind its last number and skips the ids it has already handled.
 */
export function lireEvenements(
  db: Executor,
  { region, depuisNumero, limite }: { region: string; depuisNumero: number; limite: number },
): Promise<EvenementDomaine[]> {
  return repository.listEvenements(db, region, depuisNumero, limite);
}
