import { and, asc, eq, gt } from 'drizzle-orm';
import type { Executor, Transaction } from '../../db/client.js';
import type { EvenementDomaine, TypeEvenement } from './evenements.contract.js';
import { evenementDomaine } from './evenements.tables.js';

export interface LigneEvenement {
  regionCode: string;
  type: string;
  agregatType: string;
  agregatId: string;
  structureId: string | null;
  survenuLe: Date;
  donnees: Record<string, unknown>;
}

export async function insertEvenement(tx: Transaction, ligne: LigneEvenement): Promise<{ id: string; numero: number }> {
  const [cree] = await tx.insert(evenementDomaine).values(ligne).returning({ id: evenementDomaine.id, numero: evenementDomaine.numero });
  return cree!;
}

/** A Region's events numbered after `depuisNumero`, in number order. */
export async function listEvenements(db: Executor, regionCode: string, depuisNumero: number, limite: number): Promise<EvenementDomaine[]> {
  const lignes = await db
    .select({
      numero: evenementDomaine.numero,
      id: evenementDomaine.id,
      regionCode: evenementDomaine.regionCode,
      type: evenementDomaine.type,
      agregatType: evenementDomaine.agregatType,
      agregatId: evenementDomaine.agregatId,
      structureId: evenementDomaine.structureId,
      survenuLe: evenementDomaine.survenuLe,
      donnees: evenementDomaine.donnees,
    })
    .from(evenementDomaine)
    .where(and(eq(evenementDomaine.regionCode, regionCode), gt(evenementDomaine.numero, depuisNumero)))
    .orderBy(asc(evenementDomaine.numero))
    .limit(limite);
  // Written only through publierEvenement, which accepts only the catalogue's types.
  return lignes.map((l) => ({ ...l, type: l.type as TypeEvenement }));
}
