import { boolean, doublePrecision, integer, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const region = pgTable('territoire_region', {
  code: text('code').primaryKey(),
  nom: text('nom').notNull(),
  chefLieu: text('chef_lieu'),
  zone: text('zone').notNull(),
});

export const departement = pgTable('territoire_departement', {
  code: text('code').primaryKey(),
  nom: text('nom').notNull(),
  regionCode: text('region_code'),
  chefLieu: text('chef_lieu'),
  zone: text('zone').notNull(),
});

export const epci = pgTable('territoire_epci', {
  code: text('code').primaryKey(),
  nom: text('nom').notNull(),
  type: text('type').notNull(),
  population: integer('population'),
});

export const commune = pgTable('territoire_commune', {
  code: text('code').primaryKey(),
  nom: text('nom').notNull(),
  nomRecherche: text('nom_recherche').notNull(),
  departementCode: text('departement_code').notNull(),
  regionCode: text('region_code').notNull(),
  epciCode: text('epci_code'),
  zone: text('zone').notNull(),
  population: integer('population'),
  codesPostaux: text('codes_postaux').array().notNull(),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
});

export const zoneEmploi = pgTable('territoire_zone_emploi', {
  code: text('code').primaryKey(),
  libelle: text('libelle'),
  regionCode: text('region_code'),
});

export const zoneEmploiCommune = pgTable('territoire_zone_emploi_commune', {
  communeCode: text('commune_code').primaryKey(),
  zoneEmploiCode: text('zone_emploi_code').notNull(),
});

export const bassinBmo = pgTable(
  'territoire_bassin_bmo',
  {
    code: text('code').notNull(),
    departementCode: text('departement_code').notNull(),
    libelle: text('libelle').notNull(),
    regionCode: text('region_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.code, t.departementCode] })],
);

export const bassinBmoCommune = pgTable(
  'territoire_bassin_bmo_commune',
  {
    communeCode: text('commune_code').notNull(),
    bassinCode: text('bassin_code').notNull(),
    libelle: text('libelle').notNull(),
  },
  (t) => [primaryKey({ columns: [t.communeCode, t.bassinCode] })],
);

export const contour = pgTable(
  'territoire_contour',
  {
    niveau: text('niveau').$type<'region' | 'departement' | 'commune'>().notNull(),
    code: text('code').notNull(),
    nom: text('nom').notNull(),
    departementCode: text('departement_code'),
    geometrie: jsonb('geometrie').notNull(),
    approximatif: boolean('approximatif').notNull(),
  },
  (t) => [primaryKey({ columns: [t.niveau, t.code] })],
);
