import { pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';

// No foreign key to the structure: the date outlives a reload of its source (migration 0007).
export const rappelConfirmation = pgTable('annuaire_rappel_confirmation', {
  structureId: uuid('structure_id').primaryKey(),
  envoyeLe: timestamp('envoye_le', { withTimezone: true }).notNull(),
});
