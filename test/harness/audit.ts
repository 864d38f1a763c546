import type { Db } from '../../src/db/client.js';
import { type EvenementAudit, recordAudit } from '../../src/modules/audit/index.js';

/** Fills the trail by hand, one event in a transaction of its own, as a service's access would write it. */
export const consignerAudit = (db: Db, evenement: EvenementAudit, horodatage: Date) => db.transaction((tx) => recordAudit(tx, evenement, horodatage));
