import { boolean, foreignKey, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ReponseAiguillage, Situation } from '../aiguillage/index.js';
import type { Phase } from './dossier.contract.js';

const horodatage = (nom: string) => timestamp(nom, { withTimezone: true, mode: 'date' });

/** The person received (migration 0011): only what the file needs. */
export const personne = pgTable(
  'dossier_personne',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    prenom: text('prenom').notNull(),
    nom: text('nom').notNull(),
    communeCode: text('commune_code').notNull(),
    communeNom: text('commune_nom').notNull(),
    telephone: text('telephone'),
    courriel: text('courriel'),
    utilisateurId: uuid('utilisateur_id'),
    creeLe: horodatage('cree_le').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] })],
);

/** The CEP level-1 case file (migration 0011). */
export const dossier = pgTable(
  'dossier',
  {
    regionCode: text('region_code').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personneId: uuid('personne_id').notNull(),
    detentriceId: uuid('detentrice_id').notNull(),
    referentId: uuid('referent_id').notNull(),
    niveauCep: smallint('niveau_cep').notNull().default(1),
    phase: text('phase').$type<Phase>().notNull(),
    situation: text('situation').$type<Situation>().notNull(),
    cadre: boolean('cadre').notNull(),
    niveauDiplome: smallint('niveau_diplome').notNull(),
    handicapReconnu: boolean('handicap_reconnu'),
    emploiMenaceSante: boolean('emploi_menace_sante'),
    noteSensible: text('note_sensible'),
    aiguillage: jsonb('aiguillage').$type<ReponseAiguillage>().notNull(),
    versionRegles: text('version_regles').notNull(),
    choixOperateur: text('choix_operateur'),
    choixSiteId: uuid('choix_site_id'),
    choixNote: text('choix_note'),
    creeLe: horodatage('cree_le').notNull(),
    modifieLe: horodatage('modifie_le').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    foreignKey({ columns: [t.regionCode, t.personneId], foreignColumns: [personne.regionCode, personne.id] }),
  ],
);
