import { sql } from 'drizzle-orm';
import { check, date, index, integer, numeric, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

const horodatage = (nom: string) => timestamp(nom, { withTimezone: true, mode: 'date' });

export const alerte = pgTable(
  'vigilance_alerte',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    utilisateurId: uuid('utilisateur_id').notNull(),
    jour: date('jour').notNull(),
    nature: text('nature', { enum: ['volume_inhabituel', 'plafond_depasse'] }).notNull(),
    lectures: integer('lectures').notNull(),
    volumeHabituel: numeric('volume_habituel', { mode: 'number' }).notNull(),
    seuil: numeric('seuil', { mode: 'number' }).notNull(),
    destinataires: text('destinataires').array().notNull(),
    creeLe: horodatage('cree_le').notNull(),
    tenteeLe: horodatage('tentee_le').notNull(),
    envoyeeLe: horodatage('envoyee_le'),
  },
  (t) => [
    uniqueIndex('vigilance_alerte_volume_par_jour')
      .on(t.utilisateurId, t.jour)
      .where(sql`${t.nature} = 'volume_inhabituel'`),
    index('vigilance_alerte_suspensions')
      .on(t.utilisateurId, t.creeLe.desc())
      .where(sql`${t.nature} = 'plafond_depasse'`),
    check('vigilance_alerte_nature_check', sql`${t.nature} IN ('volume_inhabituel', 'plafond_depasse')`),
  ],
);
