-- ROME 4.0 (France Travail): occupations, job titles, skills, knowledge, work contexts, close
-- occupations, RIASEC codes, texts and browsing trees. Reference data, replaced whole by the loader
-- in one transaction; the codes a newer version drops are kept in metiers_code_retire.

CREATE TABLE metiers_version (
  numero integer PRIMARY KEY,
  libelle text NOT NULL,
  date_publication date NOT NULL,
  date_validation date,
  -- only the loaded version is current; the others stay as the history of loads
  courante boolean NOT NULL DEFAULT false,
  chargee_le timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX metiers_version_courante ON metiers_version (courante) WHERE courante;

CREATE TABLE metiers_grand_domaine (
  code text PRIMARY KEY,
  libelle text NOT NULL
);

CREATE TABLE metiers_domaine_professionnel (
  code text PRIMARY KEY,
  libelle text NOT NULL,
  grand_domaine_code text NOT NULL
);

CREATE TABLE metiers_fiche (
  code_rome text PRIMARY KEY,
  code_ogr text NOT NULL,
  code_fiche_metier text NOT NULL,
  libelle text NOT NULL,
  libelle_recherche text NOT NULL,
  domaine_code text NOT NULL,
  grand_domaine_code text NOT NULL,
  riasec_majeur text,
  riasec_mineur text,
  transition_eco text,
  transition_num text,
  transition_demo text,
  emploi_reglemente boolean NOT NULL,
  emploi_cadre boolean NOT NULL,
  code_rome_parent text
);
CREATE INDEX metiers_fiche_domaine ON metiers_fiche (domaine_code);

CREATE TABLE metiers_appellation (
  code_ogr text PRIMARY KEY,
  libelle text NOT NULL,
  libelle_court text NOT NULL,
  libelle_recherche text NOT NULL,
  code_rome text NOT NULL,
  classification text,
  origine text,
  peu_usite boolean NOT NULL,
  transition_eco text,
  transition_num text,
  transition_demo text,
  emploi_reglemente boolean NOT NULL,
  emploi_cadre boolean NOT NULL,
  code_rome_parent text
);
CREATE INDEX metiers_appellation_fiche ON metiers_appellation (code_rome);

-- Words of the job titles and fiche labels (3 letters or more): typed words are corrected against it.
CREATE TABLE metiers_lexique (
  mot text PRIMARY KEY
);

-- Savoir-faire and savoir-être, macro-competences included (nature 'Macro-compétence').
CREATE TABLE metiers_competence (
  code_ogr text PRIMARY KEY,
  nature text NOT NULL,
  libelle text NOT NULL,
  definition text,
  macro_code_ogr text,
  code_macro text,
  categorie text NOT NULL,
  sous_categorie text,
  transition_eco text,
  transition_num text,
  heterogeneite text,
  origine text,
  -- RIASEC of macro-competences (unix_referentiel_macro_competence_riasec)
  riasec_majeur text,
  riasec_mineur text
);

CREATE TABLE metiers_savoir (
  code_ogr text PRIMARY KEY,
  libelle text NOT NULL,
  categorie text NOT NULL,
  sous_categorie text,
  transition_eco text,
  transition_num text
);

CREATE TABLE metiers_contexte (
  code_ogr text PRIMARY KEY,
  libelle text NOT NULL,
  type_code text NOT NULL,
  type_libelle text NOT NULL
);

-- The label of every item (competence, savoir, contexte) and its rubrique.
CREATE TABLE metiers_item (
  code_ogr text PRIMARY KEY,
  libelle text NOT NULL,
  rubrique_code text
);

CREATE TABLE metiers_bloc (
  code text PRIMARY KEY,
  libelle text NOT NULL
);

CREATE TABLE metiers_rubrique (
  code text PRIMARY KEY,
  bloc_code text NOT NULL,
  position integer NOT NULL,
  libelle text NOT NULL
);

-- A fiche's links to its ROME code, job titles, skills, knowledge and work contexts, with the
-- coeur_metier flag of unix_coherence_item ('Principale', 'Émergente', or null).
CREATE TABLE metiers_lien (
  code_rome text NOT NULL,
  code_ogr text NOT NULL,
  bloc_code text NOT NULL,
  rubrique_code text,
  coeur_metier text,
  PRIMARY KEY (code_rome, code_ogr)
);

CREATE TABLE metiers_mobilite (
  code_rome text NOT NULL,
  code_rome_cible text NOT NULL,
  numero_ordre integer NOT NULL,
  PRIMARY KEY (code_rome, code_rome_cible)
);

-- Sentences of the definition (bloc 3) and access (bloc 4) texts, as published (apostrophes doubled).
CREATE TABLE metiers_texte (
  code_rome text NOT NULL,
  bloc_code text NOT NULL,
  type text NOT NULL,
  position integer NOT NULL,
  texte text NOT NULL,
  PRIMARY KEY (code_rome, bloc_code, position)
);

CREATE TABLE metiers_centre_interet (
  code text PRIMARY KEY,
  libelle text NOT NULL,
  definition text
);

CREATE TABLE metiers_fiche_centre_interet (
  centre_code text NOT NULL,
  code_rome text NOT NULL,
  principal boolean NOT NULL,
  PRIMARY KEY (centre_code, code_rome)
);
CREATE INDEX metiers_fiche_centre_interet_fiche ON metiers_fiche_centre_interet (code_rome);

CREATE TABLE metiers_secteur (
  code text PRIMARY KEY,
  libelle text NOT NULL,
  definition text
);

CREATE TABLE metiers_sous_secteur (
  code text PRIMARY KEY,
  libelle text NOT NULL,
  definition text,
  secteur_code text NOT NULL
);

-- A fiche sits under a sector, directly or through one of its sub-sectors.
CREATE TABLE metiers_fiche_secteur (
  secteur_code text NOT NULL,
  sous_secteur_code text,
  code_rome text NOT NULL,
  principal boolean NOT NULL
);
CREATE INDEX metiers_fiche_secteur_fiche ON metiers_fiche_secteur (code_rome);

CREATE TABLE metiers_secteur_naf (
  code text PRIMARY KEY,
  code_technique text NOT NULL,
  libelle text NOT NULL
);

CREATE TABLE metiers_fiche_secteur_naf (
  secteur_naf_code text NOT NULL,
  code_rome text NOT NULL,
  PRIMARY KEY (secteur_naf_code, code_rome)
);
CREATE INDEX metiers_fiche_secteur_naf_fiche ON metiers_fiche_secteur_naf (code_rome);

CREATE TABLE metiers_theme (
  code text PRIMARY KEY,
  libelle text NOT NULL,
  definition text
);

CREATE TABLE metiers_fiche_theme (
  theme_code text NOT NULL,
  code_rome text NOT NULL,
  PRIMARY KEY (theme_code, code_rome)
);
CREATE INDEX metiers_fiche_theme_fiche ON metiers_fiche_theme (code_rome);

-- Fiches and job titles that a later version no longer has: links and searches made with them
-- keep an answer that says so.
CREATE TABLE metiers_code_retire (
  nature text NOT NULL CHECK (nature IN ('fiche', 'appellation')),
  code text NOT NULL,
  libelle text NOT NULL,
  -- the fiche the code belonged to (appellations) or itself (fiches), in the last version that had it
  code_rome text NOT NULL,
  derniere_version integer NOT NULL,
  retire_en integer NOT NULL,
  PRIMARY KEY (nature, code)
);
