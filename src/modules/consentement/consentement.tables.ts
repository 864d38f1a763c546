import { pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Finalite, ModeRecueil, Portee } from './consentement.contract.js';

const horodatage = (nom: string) => timestamp(nom, { withTimezone: true, mode: 'date' });

/** A person's consents, active or revoked (migration 0011). */
export const consentement = pgTable(
  'consentement',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personneId: uuid('personne_id').notNull(),
    personneUtilisateurId: uuid('personne_utilisateur_id'),
    portee: text('portee').array().$type<Portee[]>().notNull(),
    destinataireType: text('destinataire_type').$type<'structure' | 'reseau'>().notNull(),
    destinataireStructureId: uuid('destinataire_structure_id'),
    finalite: text('finalite').$type<Finalite>().notNull(),
    finalitePrecision: text('finalite_precision'),
    modeRecueil: text('mode_recueil').$type<ModeRecueil>().notNull(),
    texte: text('texte').notNull(),
    recueilliLe: horodatage('recueilli_le').notNull(),
    recueilliParUtilisateurId: uuid('recueilli_par_utilisateur_id').notNull(),
    recueilliParStructureId: uuid('recueilli_par_structure_id').notNull(),
    revoqueLe: horodatage('revoque_le'),
    revoqueParUtilisateurId: uuid('revoque_par_utilisateur_id'),
    revoqueParStructureId: uuid('revoque_par_structure_id'),
    motifRevocation: text('motif_revocation'),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] })],
);
