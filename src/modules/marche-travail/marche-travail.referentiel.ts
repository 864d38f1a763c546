import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { insertBatched } from '../../db/bulk.js';
import { recordLoad } from '../../db/chargements.js';
import * as t from './marche-travail.tables.js';

/** What the loader of ../shared/data hands to this module, already parsed and checked. */
export interface DonneesMarcheTravail {
  sources: (typeof t.source.$inferInsert)[];
  fap: (typeof t.fap.$inferInsert)[];
  metiersBmo: (typeof t.metierBmo.$inferInsert)[];
  projetsBmo: (typeof t.bmoProjet.$inferInsert)[];
  tensions: (typeof t.tension.$inferInsert)[];
  tauxChomage: (typeof t.tauxChomage.$inferInsert)[];
}

export const JEU_MARCHE_TRAVAIL = 'marche-travail';

/** Replaces every labour-market table in one transaction: readers never see half a data set. */
export async function replaceReferentielMarcheTravail(db: Db, donnees: DonneesMarcheTravail, empreinte: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`TRUNCATE marche_taux_chomage, marche_tension, marche_bmo_projet, marche_metier_bmo, marche_fap, marche_source`);
    await insertBatched(tx, t.source, donnees.sources);
    await insertBatched(tx, t.fap, donnees.fap);
    await insertBatched(tx, t.metierBmo, donnees.metiersBmo);
    await insertBatched(tx, t.bmoProjet, donnees.projetsBmo);
    await insertBatched(tx, t.tension, donnees.tensions);
    await insertBatched(tx, t.tauxChomage, donnees.tauxChomage);
    await recordLoad(tx, JEU_MARCHE_TRAVAIL, empreinte, donnees.projetsBmo.length);
  });
}
