-- Reception by an agent (CEP level 1): the person received, their case file, and their consents.
-- Tenant data: region_code (the holding structure's region) leads every primary and foreign key.
-- The actor carries no region, so records are also indexed by id alone: a lookup by id finds the
-- row, and its region_code is then used by every following statement.

-- ── consentement (src/modules/consentement) ───────────────────────────────

-- What a person agreed to: which parts of their file (portee), shared with whom (destinataire), for
-- what purpose, when and how it was collected, by whom; revoked_le once withdrawn. A row is never
-- deleted: a revoked consent stays as the record of what was allowed until when.
CREATE TABLE consentement (
  region_code text NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- The person of a case file (dossier_personne.id); no foreign key across modules.
  personne_id uuid NOT NULL,
  -- The person's own account, when they have one: they see the events on their consents.
  personne_utilisateur_id uuid,
  portee text[] NOT NULL CHECK (
    cardinality(portee) BETWEEN 1 AND 4
    AND portee <@ ARRAY['identite', 'situation', 'orientation', 'donnees_sensibles']::text[]
  ),
  -- 'structure': one structure of the directory; 'reseau': any structure of the network that later
  -- receives the person through an orientation (grants nothing by itself until then).
  destinataire_type text NOT NULL CHECK (destinataire_type IN ('structure', 'reseau')),
  destinataire_structure_id uuid,
  finalite text NOT NULL CHECK (finalite IN ('accompagnement', 'orientation', 'autre')),
  finalite_precision text CHECK (length(finalite_precision) <= 300),
  mode_recueil text NOT NULL CHECK (mode_recueil IN ('oral_au_guichet', 'telephone', 'ecrit', 'en_ligne')),
  -- The plain-French text read or shown to the person, kept as it was: the proof of what was agreed.
  texte text NOT NULL,
  recueilli_le timestamptz NOT NULL,
  recueilli_par_utilisateur_id uuid NOT NULL,
  recueilli_par_structure_id uuid NOT NULL,
  revoque_le timestamptz,
  revoque_par_utilisateur_id uuid,
  revoque_par_structure_id uuid,
  motif_revocation text CHECK (length(motif_revocation) <= 500),
  PRIMARY KEY (region_code, id),
  CHECK ((destinataire_type = 'structure') = (destinataire_structure_id IS NOT NULL)),
  CHECK ((finalite = 'autre') <= (finalite_precision IS NOT NULL)),
  CHECK ((revoque_le IS NULL) = (revoque_par_utilisateur_id IS NULL)),
  CHECK ((revoque_le IS NULL) = (revoque_par_structure_id IS NULL))
);
CREATE INDEX consentement_id ON consentement (id);
-- The active consents of a person, read at every access to their file.
CREATE INDEX consentement_personne_actifs ON consentement (region_code, personne_id) WHERE revoque_le IS NULL;
-- The people who share something with a structure: the list of files an agent may see.
CREATE INDEX consentement_destinataire_actifs ON consentement (destinataire_structure_id, personne_id) WHERE revoque_le IS NULL;

-- ── dossier (src/modules/dossier) ──────────────────────────────────────────

-- The person received: only what the file needs (no social security number, no date of birth).
CREATE TABLE dossier_personne (
  region_code text NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  prenom text NOT NULL CHECK (length(prenom) BETWEEN 1 AND 100),
  nom text NOT NULL CHECK (length(nom) BETWEEN 1 AND 100),
  commune_code text NOT NULL,
  commune_nom text NOT NULL,
  telephone text CHECK (length(telephone) <= 30),
  courriel text CHECK (length(courriel) <= 254),
  -- The person's account (identite module), when they have one; no foreign key across modules.
  utilisateur_id uuid,
  cree_le timestamptz NOT NULL,
  PRIMARY KEY (region_code, id)
);
CREATE INDEX dossier_personne_id ON dossier_personne (id);

-- The CEP level-1 case file: who holds it, the facts the routing used, the answer it gave (with the
-- version of the rules, so that it can be explained later) and what the person chose.
CREATE TABLE dossier (
  region_code text NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  personne_id uuid NOT NULL,
  -- The holding structure (annuaire) and the referent agent (identite); no foreign key across modules.
  detentrice_id uuid NOT NULL,
  referent_id uuid NOT NULL,
  niveau_cep smallint NOT NULL DEFAULT 1 CHECK (niveau_cep = 1),
  phase text NOT NULL CHECK (phase IN ('accueil', 'orientation')),
  -- The situation: the facts the rules read. No age nor date of birth: the rules needed the age on
  -- the day of the routing, and the answer below keeps what it decided.
  situation text NOT NULL,
  cadre boolean NOT NULL,
  niveau_diplome smallint NOT NULL CHECK (niveau_diplome BETWEEN 1 AND 8),
  -- Sensitive facts (health, disability): stored only with the person's consent, shown only to
  -- the holding structure while that consent stands. All NULL when the person declared none.
  handicap_reconnu boolean,
  emploi_menace_sante boolean,
  note_sensible text CHECK (length(note_sensible) <= 1000),
  -- The routing answer as given (aiguillage module's answer) and the version of the rules used.
  aiguillage jsonb NOT NULL,
  version_regles text NOT NULL,
  choix_operateur text,
  choix_site_id uuid,
  choix_note text CHECK (length(choix_note) <= 1000),
  cree_le timestamptz NOT NULL,
  modifie_le timestamptz NOT NULL,
  -- Optimistic locking: a change names the version it was made on, a stale one is refused (412).
  version integer NOT NULL DEFAULT 1,
  PRIMARY KEY (region_code, id),
  FOREIGN KEY (region_code, personne_id) REFERENCES dossier_personne (region_code, id),
  CHECK ((choix_operateur IS NULL) <= (choix_site_id IS NULL AND choix_note IS NULL)),
  CHECK ((phase = 'orientation') = (choix_operateur IS NOT NULL)),
  CHECK ((handicap_reconnu IS NULL) = (emploi_menace_sante IS NULL)),
  CHECK ((handicap_reconnu IS NULL) <= (note_sensible IS NULL))
);
CREATE INDEX dossier_id ON dossier (id);
CREATE INDEX dossier_personne_idx ON dossier (region_code, personne_id);
-- The files a structure holds, most recently changed first.
CREATE INDEX dossier_detentrice ON dossier (detentrice_id, modifie_le DESC, id);
