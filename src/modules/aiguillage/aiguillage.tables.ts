import { date, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Versioned routing rule sets (migration 0010): region_code null is the national default. */
export const regles = pgTable('aiguillage_regles', {
  id: uuid('id').primaryKey().defaultRandom(),
  regionCode: text('region_code'),
  version: text('version').notNull(),
  dateEffet: date('date_effet').notNull(),
  auteur: text('auteur').notNull(),
  auteurUtilisateurId: uuid('auteur_utilisateur_id'),
  contenu: jsonb('contenu').$type<unknown>().notNull(),
  empreinte: text('empreinte').notNull(),
  statut: text('statut').$type<'brouillon' | 'publie'>().notNull(),
  creeLe: timestamp('cree_le', { withTimezone: true }).notNull(),
  publieLe: timestamp('publie_le', { withTimezone: true }),
});
