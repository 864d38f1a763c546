import { type SQL, sql } from 'drizzle-orm';
import { type AnyPgColumn, boolean, date, doublePrecision, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Horaires } from './annuaire.contract.js';

/**
 * The region_code of a structure no known commune places in a Region (a service given only at a
 * distance): every row of the directory belongs to one Region (migration 0017,
 * docs/distribution-citus.md), and no Insee region has this code. Read back as no Region.
 */
export const REGION_NON_RATTACHEE = '00';

/** A structure's region_code as the services read it: null for a structure in no Region. */
export const regionLue = (colonne: SQL | AnyPgColumn): SQL<string | null> => sql<string | null>`NULLIF(${colonne}, ${REGION_NON_RATTACHEE})`;

export const reseau = pgTable('annuaire_reseau', {
  code: text('code').primaryKey(),
  libelle: text('libelle').notNull(),
  description: text('description').notNull(),
  reseauPorteur: text('reseau_porteur'),
  typologie: text('typologie'),
  operateurCep: text('operateur_cep'),
  ordre: integer('ordre').notNull(),
});

// Tenant data: region_code leads every key (migration 0017); ids stay unique on their own.
export const structure = pgTable(
  'annuaire_structure',
  {
    id: uuid('id').notNull().defaultRandom(),
    source: text('source').notNull(),
    sourceId: text('source_id').notNull(),
    reseauCode: text('reseau_code'),
    nom: text('nom').notNull(),
    siret: text('siret'),
    description: text('description'),
    telephone: text('telephone'),
    courriel: text('courriel'),
    siteWeb: text('site_web'),
    communeCode: text('commune_code'),
    departementCode: text('departement_code'),
    regionCode: text('region_code').notNull(),
    demonstration: boolean('demonstration').notNull().default(false),
    dateDonnees: date('date_donnees').notNull(),
    confirmeLe: timestamp('confirme_le', { withTimezone: true }),
    creeLe: timestamp('cree_le', { withTimezone: true }).notNull().defaultNow(),
    modifieLe: timestamp('modifie_le', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] })],
);

export const site = pgTable(
  'annuaire_site',
  {
    id: uuid('id').notNull().defaultRandom(),
    structureId: uuid('structure_id').notNull(),
    source: text('source').notNull(),
    sourceId: text('source_id').notNull(),
    nom: text('nom').notNull(),
    nomRecherche: text('nom_recherche').notNull(),
    adresse: text('adresse'),
    codePostal: text('code_postal'),
    communeCode: text('commune_code'),
    communeNom: text('commune_nom'),
    departementCode: text('departement_code'),
    // The Region of the structure that holds the place, not of the place's own commune.
    regionCode: text('region_code').notNull(),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    positionApproximative: boolean('position_approximative').notNull().default(false),
    horaires: jsonb('horaires').$type<Horaires | null>(),
    horairesTexte: text('horaires_texte'),
    accessibilite: text('accessibilite'),
    canaux: text('canaux').array().notNull().default([]),
    telephone: text('telephone'),
    courriel: text('courriel'),
    siteWeb: text('site_web'),
    priseRdv: text('prise_rdv'),
    accueilPublic: boolean('accueil_public').notNull().default(true),
    demonstration: boolean('demonstration').notNull().default(false),
    dateDonnees: date('date_donnees').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] })],
);

export const service = pgTable(
  'annuaire_service',
  {
    id: uuid('id').notNull().defaultRandom(),
    structureId: uuid('structure_id').notNull(),
    siteId: uuid('site_id'),
    source: text('source').notNull(),
    sourceId: text('source_id').notNull(),
    origine: text('origine').$type<'producteur' | 'offre_reseau' | 'demonstration'>().notNull(),
    // the structure's name and network label, part of the search vector (set by insertStructures)
    structureTexte: text('structure_texte').notNull().default(''),
    nom: text('nom').notNull(),
    description: text('description').notNull(),
    type: text('type'),
    thematiques: text('thematiques').array().notNull().default([]),
    publics: text('publics').array().notNull().default([]),
    publicsPrecisions: text('publics_precisions'),
    conditionsAcces: text('conditions_acces'),
    frais: text('frais'),
    fraisPrecisions: text('frais_precisions'),
    modesAccueil: text('modes_accueil').array().notNull().default([]),
    modesMobilisation: text('modes_mobilisation').array().notNull().default([]),
    mobilisablePar: text('mobilisable_par').array().notNull().default([]),
    mobilisationPrecisions: text('mobilisation_precisions'),
    lienMobilisation: text('lien_mobilisation'),
    zoneEligibilite: text('zone_eligibilite').array(),
    telephone: text('telephone'),
    courriel: text('courriel'),
    demonstration: boolean('demonstration').notNull().default(false),
    dateDonnees: date('date_donnees').notNull(),
    version: integer('version').notNull().default(1),
    regionCode: text('region_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] })],
);

export const contact = pgTable(
  'annuaire_contact',
  {
    id: uuid('id').notNull().defaultRandom(),
    structureId: uuid('structure_id').notNull(),
    siteId: uuid('site_id'),
    nom: text('nom').notNull(),
    fonction: text('fonction'),
    telephone: text('telephone'),
    courriel: text('courriel'),
    demonstration: boolean('demonstration').notNull().default(false),
    version: integer('version').notNull().default(1),
    regionCode: text('region_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.id] })],
);

export const vocabulaire = pgTable(
  'annuaire_vocabulaire',
  {
    vocabulaire: text('vocabulaire').notNull(),
    valeur: text('valeur').notNull(),
    libelle: text('libelle').notNull(),
    description: text('description'),
    ordre: integer('ordre').notNull(),
  },
  (t) => [primaryKey({ columns: [t.vocabulaire, t.valeur] })],
);

export const lexique = pgTable('annuaire_lexique', {
  mot: text('mot').primaryKey(),
});
