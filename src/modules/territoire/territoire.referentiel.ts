import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { insertBatched } from '../../db/bulk.js';
import { recordLoad } from '../../db/chargements.js';
import { memoireCommunes } from './territoire.service.js';
import * as t from './territoire.tables.js';

/** What the loader of ../shared/data hands to this module, already parsed and checked. */
export interface DonneesTerritoire {
  regions: (typeof t.region.$inferInsert)[];
  departements: (typeof t.departement.$inferInsert)[];
  epci: (typeof t.epci.$inferInsert)[];
  communes: (typeof t.commune.$inferInsert)[];
  zonesEmploi: (typeof t.zoneEmploi.$inferInsert)[];
  zonesEmploiCommunes: (typeof t.zoneEmploiCommune.$inferInsert)[];
  bassinsBmo: (typeof t.bassinBmo.$inferInsert)[];
  bassinsBmoCommunes: (typeof t.bassinBmoCommune.$inferInsert)[];
  contours: (typeof t.contour.$inferInsert)[];
}

export const JEU_TERRITOIRE = 'territoire';

/** Replaces the whole geography in one transaction: readers never see half a referential. */
export async function replaceReferentielTerritoire(db: Db, donnees: DonneesTerritoire, empreinte: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`TRUNCATE territoire_contour, territoire_bassin_bmo_commune, territoire_bassin_bmo,
      territoire_zone_emploi_commune, territoire_zone_emploi, territoire_commune, territoire_epci,
      territoire_departement, territoire_region`);
    await insertBatched(tx, t.region, donnees.regions);
    await insertBatched(tx, t.departement, donnees.departements);
    await insertBatched(tx, t.epci, donnees.epci);
    await insertBatched(tx, t.commune, donnees.communes);
    await insertBatched(tx, t.zoneEmploi, donnees.zonesEmploi);
    await insertBatched(tx, t.zoneEmploiCommune, donnees.zonesEmploiCommunes);
    await insertBatched(tx, t.bassinBmo, donnees.bassinsBmo);
    await insertBatched(tx, t.bassinBmoCommune, donnees.bassinsBmoCommunes);
    // Outlines are large JSON: smaller batches keep each statement's memory modest on PGlite.
    for (let i = 0; i < donnees.contours.length; i += 500) {
      await tx.insert(t.contour).values(donnees.contours.slice(i, i + 500));
    }
    await recordLoad(tx, JEU_TERRITOIRE, empreinte, donnees.communes.length);
  });
  // After the commit: a read during the load would otherwise keep an old commune.
  memoireCommunes.oublier();
}
