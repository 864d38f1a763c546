import { sql } from 'drizzle-orm';
import { bigint, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Written only through recordAudit: the id is the position in the chain (last + 1, no sequence).
export const evenement = pgTable(
  'audit_evenement',
  {
    id: bigint('id', { mode: 'number' }).primaryKey(),
    horodatage: timestamp('horodatage', { withTimezone: true }).notNull(),
    acteurUtilisateurId: uuid('acteur_utilisateur_id'),
    acteurStructureId: text('acteur_structure_id'),
    acteurRole: text('acteur_role'),
    action: text('action').notNull(),
    cibleType: text('cible_type'),
    cibleId: text('cible_id'),
    cibleStructureId: text('cible_structure_id'),
    cibleUtilisateurId: uuid('cible_utilisateur_id'),
    resultat: text('resultat').notNull(),
    ip: text('ip'),
    raison: text('raison'),
    details: jsonb('details').notNull().default({}),
    hashPrecedent: text('hash_precedent').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [
    check('audit_evenement_id_check', sql`${t.id} > 0`),
    check('audit_evenement_resultat_check', sql`${t.resultat} IN ('succes', 'refus', 'echec')`),
    index('audit_evenement_cible_structure')
      .on(t.cibleStructureId, t.id.desc())
      .where(sql`${t.cibleStructureId} IS NOT NULL`),
    index('audit_evenement_cible_utilisateur')
      .on(t.cibleUtilisateurId, t.id.desc())
      .where(sql`${t.cibleUtilisateurId} IS NOT NULL`),
    index('audit_evenement_acteur')
      .on(t.acteurUtilisateurId, t.id.desc())
      .where(sql`${t.acteurUtilisateurId} IS NOT NULL`),
    // Added by migration 0008 for the vigilance module's counts (see audit.repository.ts).
    index('audit_evenement_lectures_acteur')
      .on(t.acteurUtilisateurId, t.horodatage)
      .where(sql`${t.details} @> '{"lecture_donnees_personnelles": true}'::jsonb`),
  ],
);
