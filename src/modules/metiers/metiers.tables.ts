import { boolean, date, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const version = pgTable('metiers_version', {
  numero: integer('numero').primaryKey(),
  libelle: text('libelle').notNull(),
  datePublication: date('date_publication').notNull(),
  dateValidation: date('date_validation'),
  courante: boolean('courante').notNull().default(false),
  chargeeLe: timestamp('chargee_le', { withTimezone: true }).notNull().defaultNow(),
});

export const grandDomaine = pgTable('metiers_grand_domaine', {
  code: text('code').primaryKey(),
  libelle: text('libelle').notNull(),
});

export const domaineProfessionnel = pgTable('metiers_domaine_professionnel', {
  code: text('code').primaryKey(),
  libelle: text('libelle').notNull(),
  grandDomaineCode: text('grand_domaine_code').notNull(),
});

const transitions = {
  transitionEco: text('transition_eco'),
  transitionNum: text('transition_num'),
  transitionDemo: text('transition_demo'),
  emploiReglemente: boolean('emploi_reglemente').notNull(),
  emploiCadre: boolean('emploi_cadre').notNull(),
  codeRomeParent: text('code_rome_parent'),
};

export const fiche = pgTable('metiers_fiche', {
  codeRome: text('code_rome').primaryKey(),
  codeOgr: text('code_ogr').notNull(),
  codeFicheMetier: text('code_fiche_metier').notNull(),
  libelle: text('libelle').notNull(),
  libelleRecherche: text('libelle_recherche').notNull(),
  domaineCode: text('domaine_code').notNull(),
  grandDomaineCode: text('grand_domaine_code').notNull(),
  riasecMajeur: text('riasec_majeur'),
  riasecMineur: text('riasec_mineur'),
  ...transitions,
});

export const appellation = pgTable('metiers_appellation', {
  codeOgr: text('code_ogr').primaryKey(),
  libelle: text('libelle').notNull(),
  libelleCourt: text('libelle_court').notNull(),
  libelleRecherche: text('libelle_recherche').notNull(),
  codeRome: text('code_rome').notNull(),
  classification: text('classification'),
  origine: text('origine'),
  peuUsite: boolean('peu_usite').notNull(),
  ...transitions,
});

export const lexique = pgTable('metiers_lexique', {
  mot: text('mot').primaryKey(),
});

export const competence = pgTable('metiers_competence', {
  codeOgr: text('code_ogr').primaryKey(),
  nature: text('nature').notNull(),
  libelle: text('libelle').notNull(),
  definition: text('definition'),
  macroCodeOgr: text('macro_code_ogr'),
  codeMacro: text('code_macro'),
  categorie: text('categorie').notNull(),
  sousCategorie: text('sous_categorie'),
  transitionEco: text('transition_eco'),
  transitionNum: text('transition_num'),
  heterogeneite: text('heterogeneite'),
  origine: text('origine'),
  riasecMajeur: text('riasec_majeur'),
  riasecMineur: text('riasec_mineur'),
});

export const savoir = pgTable('metiers_savoir', {
  codeOgr: text('code_ogr').primaryKey(),
  libelle: text('libelle').notNull(),
  categorie: text('categorie').notNull(),
  sousCategorie: text('sous_categorie'),
  transitionEco: text('transition_eco'),
  transitionNum: text('transition_num'),
});

export const contexte = pgTable('metiers_contexte', {
  codeOgr: text('code_ogr').primaryKey(),
  libelle: text('libelle').notNull(),
  typeCode: text('type_code').notNull(),
  typeLibelle: text('type_libelle').notNull(),
});

export const item = pgTable('metiers_item', {
  codeOgr: text('code_ogr').primaryKey(),
  libelle: text('libelle').notNull(),
  rubriqueCode: text('rubrique_code'),
});

export const bloc = pgTable('metiers_bloc', {
  code: text('code').primaryKey(),
  libelle: text('libelle').notNull(),
});

export const rubrique = pgTable('metiers_rubrique', {
  code: text('code').primaryKey(),
  blocCode: text('bloc_code').notNull(),
  position: integer('position').notNull(),
  libelle: text('libelle').notNull(),
});

export const lien = pgTable(
  'metiers_lien',
  {
    codeRome: text('code_rome').notNull(),
    codeOgr: text('code_ogr').notNull(),
    blocCode: text('bloc_code').notNull(),
    rubriqueCode: text('rubrique_code'),
    coeurMetier: text('coeur_metier'),
  },
  (t) => [primaryKey({ columns: [t.codeRome, t.codeOgr] })],
);

export const mobilite = pgTable(
  'metiers_mobilite',
  {
    codeRome: text('code_rome').notNull(),
    codeRomeCible: text('code_rome_cible').notNull(),
    numeroOrdre: integer('numero_ordre').notNull(),
  },
  (t) => [primaryKey({ columns: [t.codeRome, t.codeRomeCible] })],
);

export const texte = pgTable(
  'metiers_texte',
  {
    codeRome: text('code_rome').notNull(),
    blocCode: text('bloc_code').notNull(),
    type: text('type').notNull(),
    position: integer('position').notNull(),
    texte: text('texte').notNull(),
  },
  (t) => [primaryKey({ columns: [t.codeRome, t.blocCode, t.position] })],
);

export const centreInteret = pgTable('metiers_centre_interet', {
  code: text('code').primaryKey(),
  libelle: text('libelle').notNull(),
  definition: text('definition'),
});

export const ficheCentreInteret = pgTable(
  'metiers_fiche_centre_interet',
  {
    centreCode: text('centre_code').notNull(),
    codeRome: text('code_rome').notNull(),
    principal: boolean('principal').notNull(),
  },
  (t) => [primaryKey({ columns: [t.centreCode, t.codeRome] })],
);

export const secteur = pgTable('metiers_secteur', {
  code: text('code').primaryKey(),
  libelle: text('libelle').notNull(),
  definition: text('definition'),
});

export const sousSecteur = pgTable('metiers_sous_secteur', {
  code: text('code').primaryKey(),
  libelle: text('libelle').notNull(),
  definition: text('definition'),
  secteurCode: text('secteur_code').notNull(),
});

export const ficheSecteur = pgTable('metiers_fiche_secteur', {
  secteurCode: text('secteur_code').notNull(),
  sousSecteurCode: text('sous_secteur_code'),
  codeRome: text('code_rome').notNull(),
  principal: boolean('principal').notNull(),
});

export const secteurNaf = pgTable('metiers_secteur_naf', {
  code: text('code').primaryKey(),
  codeTechnique: text('code_technique').notNull(),
  libelle: text('libelle').notNull(),
});

export const ficheSecteurNaf = pgTable(
  'metiers_fiche_secteur_naf',
  {
    secteurNafCode: text('secteur_naf_code').notNull(),
    codeRome: text('code_rome').notNull(),
  },
  (t) => [primaryKey({ columns: [t.secteurNafCode, t.codeRome] })],
);

export const theme = pgTable('metiers_theme', {
  code: text('code').primaryKey(),
  libelle: text('libelle').notNull(),
  definition: text('definition'),
});

export const ficheTheme = pgTable(
  'metiers_fiche_theme',
  {
    themeCode: text('theme_code').notNull(),
    codeRome: text('code_rome').notNull(),
  },
  (t) => [primaryKey({ columns: [t.themeCode, t.codeRome] })],
);

export const codeRetire = pgTable(
  'metiers_code_retire',
  {
    nature: text('nature').notNull().$type<'fiche' | 'appellation'>(),
    code: text('code').notNull(),
    libelle: text('libelle').notNull(),
    codeRome: text('code_rome').notNull(),
    derniereVersion: integer('derniere_version').notNull(),
    retireEn: integer('retire_en').notNull(),
  },
  (t) => [primaryKey({ columns: [t.nature, t.code] })],
);
