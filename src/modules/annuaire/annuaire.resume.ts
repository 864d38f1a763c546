import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { structure } from './annuaire.tables.js';

/** What other modules need to know of a structure to decide about it: its name and region. */
export interface StructureResume {
  id: string;
  nom: string;
  regionCode: string | null;
}

/** The structure of this id, or null when there is none. */
export async function findStructureResume(db: Executor, id: string): Promise<StructureResume | null> {
  const [ligne] = await db.select({ id: structure.id, nom: structure.nom, regionCode: structure.regionCode }).from(structure).where(eq(structure.id, id));
  return ligne ?? null;
}
