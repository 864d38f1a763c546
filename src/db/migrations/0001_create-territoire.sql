-- Reference geography (COG 2026), employment areas and BMO labour-market areas.
-- Read-only at run time; loaded from ../shared/data by data/territoire.loader.ts.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS cube;
CREATE EXTENSION IF NOT EXISTS earthdistance;

CREATE TABLE territoire_region (
  code text PRIMARY KEY,
  nom text NOT NULL,
  chef_lieu text,
  zone text NOT NULL
);

CREATE TABLE territoire_departement (
  code text PRIMARY KEY,
  nom text NOT NULL,
  region_code text REFERENCES territoire_region (code),
  chef_lieu text,
  zone text NOT NULL
);

CREATE TABLE territoire_epci (
  code text PRIMARY KEY,
  nom text NOT NULL,
  type text NOT NULL,
  population integer
);

CREATE TABLE territoire_commune (
  code text PRIMARY KEY,
  nom text NOT NULL,
  -- normaliserTexte(nom): lower case, no accents, hyphens as spaces, "st" as "saint"
  nom_recherche text NOT NULL,
  departement_code text NOT NULL,
  region_code text NOT NULL,
  epci_code text,
  zone text NOT NULL,
  population integer,
  codes_postaux text[] NOT NULL DEFAULT '{}',
  latitude double precision,
  longitude double precision
);
CREATE INDEX territoire_commune_nom_trgm ON territoire_commune USING gin (nom_recherche gin_trgm_ops);
CREATE INDEX territoire_commune_codes_postaux ON territoire_commune USING gin (codes_postaux);
CREATE INDEX territoire_commune_departement ON territoire_commune (departement_code);
CREATE INDEX territoire_commune_region ON territoire_commune (region_code);

CREATE TABLE territoire_zone_emploi (
  code text PRIMARY KEY,
  libelle text,
  region_code text
);

-- Composition of the 2020 employment areas (COG 2023 commune codes, as published).
CREATE TABLE territoire_zone_emploi_commune (
  commune_code text PRIMARY KEY,
  zone_emploi_code text NOT NULL
);

-- BMO 2024 areas: a few span two départements, hence one row per (area, département).
CREATE TABLE territoire_bassin_bmo (
  code text NOT NULL,
  departement_code text NOT NULL,
  libelle text NOT NULL,
  region_code text NOT NULL,
  PRIMARY KEY (code, departement_code)
);

-- Communes (and some former communes) to BMO areas.
CREATE TABLE territoire_bassin_bmo_commune (
  commune_code text NOT NULL,
  bassin_code text NOT NULL,
  libelle text NOT NULL,
  PRIMARY KEY (commune_code, bassin_code)
);

-- Simplified outlines for maps, as GeoJSON geometries; bbox for picking what a map shows.
CREATE TABLE territoire_contour (
  niveau text NOT NULL CHECK (niveau IN ('region', 'departement', 'commune')),
  code text NOT NULL,
  nom text NOT NULL,
  departement_code text,
  geometrie jsonb NOT NULL,
  approximatif boolean NOT NULL DEFAULT false,
  PRIMARY KEY (niveau, code)
);
CREATE INDEX territoire_contour_departement ON territoire_contour (niveau, departement_code);

-- What was loaded from which file, so a restart does not load twice and a check can compare.
CREATE TABLE reference_chargement (
  jeu text PRIMARY KEY,
  fichier_sha256 text NOT NULL,
  lignes integer NOT NULL,
  charge_le timestamptz NOT NULL DEFAULT now()
);
