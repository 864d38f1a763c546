-- The shared directory: networks, structures, sites, services, contacts.
-- Text search: French stemming with accents folded (configuration "fr"), trigram lexicon for typos.
CREATE TEXT SEARCH CONFIGURATION fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION fr
  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

-- Vocabulary slugs ("choisir-un-metier--identifier-ses-points-forts-et-ses-competences") as words.
-- array_to_string is only STABLE in general; on text[] it is immutable, which this wrapper declares.
CREATE FUNCTION annuaire_mots_vocabulaire(valeurs text[]) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT translate(array_to_string(valeurs, ' '), '-', ' ') $$;

-- National networks and operator types (France Travail, Apec, Missions locales, CIO...).
CREATE TABLE annuaire_reseau (
  code text PRIMARY KEY,
  libelle text NOT NULL,
  description text NOT NULL,
  -- codes of the data·inclusion vocabularies, when they have one
  reseau_porteur text,
  typologie text,
  -- CEP operator type of ROUTING.md, when the network is one
  operateur_cep text,
  ordre integer NOT NULL
);

CREATE TABLE annuaire_structure (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  source text NOT NULL,
  source_id text NOT NULL,
  reseau_code text REFERENCES annuaire_reseau (code),
  nom text NOT NULL,
  siret text,
  description text,
  telephone text,
  courriel text,
  site_web text,
  commune_code text,
  departement_code text,
  region_code text,
  demonstration boolean NOT NULL DEFAULT false,
  -- date of the data at its source (the file's or the record's), shown with it
  date_donnees date NOT NULL,
  confirme_le timestamptz,
  cree_le timestamptz NOT NULL DEFAULT now(),
  modifie_le timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source, source_id)
);
CREATE INDEX annuaire_structure_region ON annuaire_structure (region_code);
CREATE INDEX annuaire_structure_reseau ON annuaire_structure (reseau_code);

CREATE TABLE annuaire_site (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  structure_id uuid NOT NULL REFERENCES annuaire_structure (id) ON DELETE CASCADE,
  source text NOT NULL,
  source_id text NOT NULL,
  nom text NOT NULL,
  nom_recherche text NOT NULL,
  adresse text,
  code_postal text,
  commune_code text,
  commune_nom text,
  departement_code text,
  region_code text,
  latitude double precision,
  longitude double precision,
  -- true when the point is the commune's centroid, not the address
  position_approximative boolean NOT NULL DEFAULT false,
  -- [{ "jours": [1..7], "plages": [["09:00","12:00"], ...] }], parsed from horaires_texte
  horaires jsonb,
  horaires_texte text,
  accessibilite text,
  canaux text[] NOT NULL DEFAULT '{}',
  telephone text,
  courriel text,
  site_web text,
  prise_rdv text,
  -- false for management sites (France Travail regional and territorial directions)
  accueil_public boolean NOT NULL DEFAULT true,
  demonstration boolean NOT NULL DEFAULT false,
  date_donnees date NOT NULL,
  UNIQUE (source, source_id)
);
CREATE INDEX annuaire_site_structure ON annuaire_site (structure_id);
CREATE INDEX annuaire_site_position ON annuaire_site USING gist (ll_to_earth(latitude, longitude))
  WHERE latitude IS NOT NULL;
CREATE INDEX annuaire_site_nom_trgm ON annuaire_site USING gin (nom_recherche gin_trgm_ops);
CREATE INDEX annuaire_site_commune ON annuaire_site (commune_code);

CREATE TABLE annuaire_service (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  structure_id uuid NOT NULL REFERENCES annuaire_structure (id) ON DELETE CASCADE,
  -- where it is delivered; null for a service delivered only remotely
  site_id uuid REFERENCES annuaire_site (id) ON DELETE SET NULL,
  source text NOT NULL,
  source_id text NOT NULL,
  -- 'producteur' (given by its structure or an import), 'offre_reseau' (the network's general
  -- offer, not confirmed by the structure), 'demonstration'
  origine text NOT NULL CHECK (origine IN ('producteur', 'offre_reseau', 'demonstration')),
  nom text NOT NULL,
  description text NOT NULL,
  type text,
  thematiques text[] NOT NULL DEFAULT '{}',
  publics text[] NOT NULL DEFAULT '{}',
  publics_precisions text,
  conditions_acces text,
  frais text,
  frais_precisions text,
  modes_accueil text[] NOT NULL DEFAULT '{}',
  modes_mobilisation text[] NOT NULL DEFAULT '{}',
  mobilisable_par text[] NOT NULL DEFAULT '{}',
  mobilisation_precisions text,
  lien_mobilisation text,
  zone_eligibilite text[],
  telephone text,
  courriel text,
  demonstration boolean NOT NULL DEFAULT false,
  date_donnees date NOT NULL,
  recherche tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('fr', nom), 'A')
    || setweight(to_tsvector('fr', annuaire_mots_vocabulaire(thematiques)), 'B')
    || setweight(to_tsvector('fr', description), 'C')
    || setweight(to_tsvector('fr', annuaire_mots_vocabulaire(publics)), 'D')
  ) STORED,
  UNIQUE (source, source_id)
);
CREATE INDEX annuaire_service_recherche ON annuaire_service USING gin (recherche);
CREATE INDEX annuaire_service_site ON annuaire_service (site_id);
CREATE INDEX annuaire_service_structure ON annuaire_service (structure_id);
CREATE INDEX annuaire_service_thematiques ON annuaire_service USING gin (thematiques);
CREATE INDEX annuaire_service_publics ON annuaire_service USING gin (publics);

CREATE TABLE annuaire_contact (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  structure_id uuid NOT NULL REFERENCES annuaire_structure (id) ON DELETE CASCADE,
  site_id uuid REFERENCES annuaire_site (id) ON DELETE CASCADE,
  nom text NOT NULL,
  fonction text,
  telephone text,
  courriel text,
  demonstration boolean NOT NULL DEFAULT false
);
CREATE INDEX annuaire_contact_structure ON annuaire_contact (structure_id);

-- Words of the directory (accents folded, unstemmed), to correct typos in queries by trigrams.
-- data·inclusion controlled vocabularies (thematiques, publics, ...), loaded from the schema files.
CREATE TABLE annuaire_vocabulaire (
  vocabulaire text NOT NULL,
  valeur text NOT NULL,
  libelle text NOT NULL,
  description text,
  ordre integer NOT NULL,
  PRIMARY KEY (vocabulaire, valeur)
);

CREATE TABLE annuaire_lexique (
  mot text PRIMARY KEY
);
CREATE INDEX annuaire_lexique_trgm ON annuaire_lexique USING gin (mot gin_trgm_ops);
