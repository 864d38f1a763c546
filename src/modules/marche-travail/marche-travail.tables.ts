import { boolean, date, integer, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

export const source = pgTable('marche_source', {
  code: text('code').primaryKey(),
  libelle: text('libelle').notNull(),
  producteur: text('producteur').notNull(),
  licence: text('licence').notNull(),
  periode: text('periode').notNull(),
  dateFichier: date('date_fichier').notNull(),
  avertissement: text('avertissement'),
});

export const fap = pgTable('marche_fap', {
  codeFap341: text('code_fap341').primaryKey(),
  libelleFap341: text('libelle_fap341').notNull(),
  codeFap228: text('code_fap228').notNull(),
  libelleFap228: text('libelle_fap228').notNull(),
  codeFap86: text('code_fap86').notNull(),
  libelleFap86: text('libelle_fap86').notNull(),
  codeFap22: text('code_fap22').notNull(),
  libelleFap22: text('libelle_fap22').notNull(),
  source: text('source').notNull(),
});

export const metierBmo = pgTable('marche_metier_bmo', {
  code: text('code').primaryKey(),
  libelle: text('libelle').notNull(),
  familleCode: text('famille_code').notNull(),
  familleLibelle: text('famille_libelle').notNull(),
  recherche: text('recherche').notNull(),
  source: text('source').notNull(),
});

export const bmoProjet = pgTable(
  'marche_bmo_projet',
  {
    annee: integer('annee').notNull(),
    metierCode: text('metier_code').notNull(),
    bassinCode: text('bassin_code').notNull(),
    departementCode: text('departement_code').notNull(),
    projets: integer('projets'),
    projetsSecret: boolean('projets_secret').notNull(),
    difficiles: integer('difficiles'),
    difficilesSecret: boolean('difficiles_secret').notNull(),
    saisonniers: integer('saisonniers'),
    saisonniersSecret: boolean('saisonniers_secret').notNull(),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.annee, t.bassinCode, t.metierCode, t.departementCode] })],
);

export const tension = pgTable(
  'marche_tension',
  {
    annee: integer('annee').notNull(),
    romeCode: text('rome_code').notNull(),
    romeLibelle: text('rome_libelle').notNull(),
    bassinCode: text('bassin_code').notNull(),
    offres: integer('offres').notNull(),
    demandeurs: integer('demandeurs').notNull(),
    indiceTension: integer('indice_tension').notNull(),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.romeCode, t.bassinCode, t.annee] })],
);

export const tauxChomage = pgTable(
  'marche_taux_chomage',
  {
    zoneEmploiCode: text('zone_emploi_code').notNull(),
    trimestre: text('trimestre').notNull(),
    taux: numeric('taux', { precision: 4, scale: 1 }).notNull(),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.zoneEmploiCode, t.trimestre] })],
);
