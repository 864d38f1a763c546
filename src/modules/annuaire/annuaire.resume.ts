import { and, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { regionLue, structure } from './annuaire.tables.js';

/** What other modules need to know of a structure to decide about it: its name and region. */
export interface StructureResume {
  id: string;
  nom: string;
  regionCode: string | null;
}

/** The structure of this id, or null when there is none. */
export async function findStructureResume(db: Executor, id: string): Promise<StructureResume | null> {
  const [ligne] = await db
    .select({ id: structure.id, nom: structure.nom, regionCode: regionLue(structure.regionCode) })
    .from(structure)
    .where(eq(structure.id, id));
  return ligne ?? null;
}

/** The demo territory's structures by their key (`source_id`): the demo accounts are attached to them. */
export async function structuresDeDemonstration(db: Executor): Promise<Map<string, StructureResume>> {
  const lignes = await db
    .select({ cle: structure.sourceId, id: structure.id, nom: structure.nom, regionCode: regionLue(structure.regionCode) })
    .from(structure)
    .where(and(eq(structure.source, 'demonstration'), eq(structure.demonstration, true)));
  return new Map(lignes.map(({ cle, ...resume }) => [cle, resume]));
}
