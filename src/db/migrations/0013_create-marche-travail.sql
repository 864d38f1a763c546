-- Local labour market: BMO 2024 recruitment projects, job offers / job seekers / tension 2020,
-- quarterly unemployment rates by employment area. Reference data, read-only at run time,
-- loaded from ../shared/data by data/marche-travail.loader.ts. Every row names its source.

-- Where each figure comes from, with its period and its caveats (shown next to the figure).
CREATE TABLE marche_source (
  code text PRIMARY KEY,
  libelle text NOT NULL,
  producteur text NOT NULL,
  licence text NOT NULL,
  periode text NOT NULL,
  date_fichier date NOT NULL,
  avertissement text
);

-- FAP 2021 (DARES), at its finest level; BMO occupations are its FAP 228 level.
CREATE TABLE marche_fap (
  code_fap341 text PRIMARY KEY,
  libelle_fap341 text NOT NULL,
  code_fap228 text NOT NULL,
  libelle_fap228 text NOT NULL,
  code_fap86 text NOT NULL,
  libelle_fap86 text NOT NULL,
  code_fap22 text NOT NULL,
  libelle_fap22 text NOT NULL,
  source text NOT NULL REFERENCES marche_source (code)
);
CREATE INDEX marche_fap_fap228 ON marche_fap (code_fap228);

CREATE TABLE marche_metier_bmo (
  code text PRIMARY KEY,
  libelle text NOT NULL,
  famille_code text NOT NULL,
  famille_libelle text NOT NULL,
  -- normaliserTexte of the label and of its FAP 341 labels: accent-blind search on both
  recherche text NOT NULL,
  source text NOT NULL REFERENCES marche_source (code)
);

-- One row per (occupation, BMO area, département) as published: some areas span two départements.
-- A count under statistical secrecy ("*") is NULL with its flag set, never 0.
CREATE TABLE marche_bmo_projet (
  annee integer NOT NULL,
  metier_code text NOT NULL,
  bassin_code text NOT NULL,
  departement_code text NOT NULL,
  projets integer,
  projets_secret boolean NOT NULL,
  difficiles integer,
  difficiles_secret boolean NOT NULL,
  saisonniers integer,
  saisonniers_secret boolean NOT NULL,
  source text NOT NULL REFERENCES marche_source (code),
  PRIMARY KEY (annee, bassin_code, metier_code, departement_code),
  CHECK ((projets IS NULL) = projets_secret),
  CHECK ((difficiles IS NULL) = difficiles_secret),
  CHECK ((saisonniers IS NULL) = saisonniers_secret)
);
CREATE INDEX marche_bmo_projet_metier ON marche_bmo_projet (metier_code, bassin_code);

-- Keyed by ROME v3 code and BMO area of 2019, as in the file.
CREATE TABLE marche_tension (
  annee integer NOT NULL,
  rome_code text NOT NULL,
  rome_libelle text NOT NULL,
  bassin_code text NOT NULL,
  offres integer NOT NULL,
  demandeurs integer NOT NULL,
  indice_tension integer NOT NULL CHECK (indice_tension BETWEEN 1 AND 5),
  source text NOT NULL REFERENCES marche_source (code),
  PRIMARY KEY (rome_code, bassin_code, annee)
);

CREATE TABLE marche_taux_chomage (
  zone_emploi_code text NOT NULL,
  -- "2024-T3"
  trimestre text NOT NULL CHECK (trimestre ~ '^[0-9]{4}-T[1-4]$'),
  taux numeric(4, 1) NOT NULL,
  source text NOT NULL REFERENCES marche_source (code),
  PRIMARY KEY (zone_emploi_code, trimestre)
);
