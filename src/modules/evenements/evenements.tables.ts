import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * The outbox of domain events (migration 0014): one row per change another module may want to
 * hear of, written in the change's own transaction by publierEvenement. Consumers read it in
 * `numero` order, never the tables of the module that wrote it.
 */
export const evenementDomaine = pgTable(
  'evenement_domaine',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    numero: bigint('numero', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    type: text('type').notNull(),
    agregatType: text('agregat_type').notNull(),
    agregatId: uuid('agregat_id').notNull(),
    structureId: uuid('structure_id'),
    survenuLe: timestamp('survenu_le', { withTimezone: true, mode: 'date' }).notNull(),
    donnees: jsonb('donnees').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('evenement_domaine_numero').on(t.regionCode, t.numero)],
);
