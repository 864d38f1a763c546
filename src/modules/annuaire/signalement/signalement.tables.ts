import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type ObjetSignale = 'structure' | 'site' | 'service';

// No foreign key to the structure: a report outlives a reload of its source (migration 0007).
export const signalement = pgTable(
  'annuaire_signalement',
  {
    id: uuid('id').notNull().defaultRandom(),
    structureId: uuid('structure_id').notNull(),
    objetType: text('objet_type').$type<ObjetSignale>().notNull(),
    objetId: uuid('objet_id').notNull(),
    message: text('message').notNull(),
    courriel: text('courriel'),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull(),
    traiteLe: timestamp('traite_le', { withTimezone: true }),
    traitePar: uuid('traite_par'),
    // The structure's Region (migration 0017).
    regionCode: text('region_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('annuaire_signalement_structure').on(t.structureId, t.creeLe.desc())],
);
