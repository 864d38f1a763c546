import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// No foreign key to the structure: the date outlives a reload of its source (migration 0007).
// region_code is the structure's (migration 0017).
export const rappelConfirmation = pgTable(
  'annuaire_rappel_confirmation',
  {
    structureId: uuid('structure_id').notNull(),
    envoyeLe: timestamp('envoye_le', { withTimezone: true }).notNull(),
    regionCode: text('region_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.structureId] })],
);
