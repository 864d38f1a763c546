import { jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Courriel } from '../../shared/messagerie.js';

/** Mail to send, then sent (migration 0016): the message is erased once the mail server has accepted it. */
export const courrielEnvoi = pgTable(
  'courriel_envoi',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    cle: text('cle').notNull(),
    message: jsonb('message').$type<Courriel>(),
    demandeLe: timestamp('demande_le', { withTimezone: true, mode: 'date' }).notNull(),
    envoyeLe: timestamp('envoye_le', { withTimezone: true, mode: 'date' }),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] }), uniqueIndex('courriel_envoi_cle').on(t.regionCode, t.cle)],
);
