import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export type ObjetGere = 'structure' | 'site' | 'service' | 'contact';
export type Operation = 'creation' | 'modification' | 'suppression' | 'confirmation';
/** Each changed field with its value before and after. */
export type ChampsModifies = Record<string, { avant: unknown; apres: unknown }>;

// No foreign key to the structure: the history outlives a reload of its source (migration 0007).
export const modification = pgTable(
  'annuaire_modification',
  {
    id: uuid('id').notNull().defaultRandom(),
    structureId: uuid('structure_id').notNull(),
    objetType: text('objet_type').$type<ObjetGere>().notNull(),
    objetId: uuid('objet_id').notNull(),
    operation: text('operation').$type<Operation>().notNull(),
    champs: jsonb('champs').$type<ChampsModifies>().notNull(),
    auteurUtilisateurId: uuid('auteur_utilisateur_id'),
    auteurRole: text('auteur_role'),
    le: timestamp('le', { withTimezone: true }).notNull(),
    // The structure's Region (migration 0017).
    regionCode: text('region_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), index('annuaire_modification_structure').on(t.structureId, t.le.desc(), t.id)],
);
