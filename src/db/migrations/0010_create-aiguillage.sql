-- Routing rules (CEP level 1, src/modules/aiguillage): versioned rule sets, national or regional.
-- A version is never rewritten once stored: a change is a new version, so that an answer given
-- under a version can be explained later by reading that version. Only the status moves, from
-- draft (brouillon) to published (publie).
CREATE TABLE aiguillage_regles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- NULL: the national default, in force wherever a Region has published nothing of its own.
  region_code text,
  version text NOT NULL CHECK (length(version) BETWEEN 1 AND 60),
  date_effet date NOT NULL,
  -- Who wrote it, as shown to coordinators ("Trajectoires — règles nationales par défaut" or an
  -- agent's name); the account, when an agent uploaded it, for the audit trail.
  auteur text NOT NULL,
  auteur_utilisateur_id uuid,
  contenu jsonb NOT NULL,
  -- sha256 of the canonical JSON (RFC 8785) of contenu: equal contents, equal prints.
  empreinte text NOT NULL,
  statut text NOT NULL CHECK (statut IN ('brouillon', 'publie')),
  cree_le timestamptz NOT NULL,
  publie_le timestamptz,
  CHECK ((statut = 'publie') = (publie_le IS NOT NULL))
);

-- One label per perimeter: "2026-1" of Nouvelle-Aquitaine and "2026-1" of the nation may coexist.
CREATE UNIQUE INDEX aiguillage_regles_version ON aiguillage_regles (coalesce(region_code, ''), version);

-- The set in force for a region: its latest published version already in effect, read at every
-- routing request (docs/performance.md, « Aiguillage »).
CREATE INDEX aiguillage_regles_en_vigueur ON aiguillage_regles (region_code, date_effet DESC, publie_le DESC)
  WHERE statut = 'publie';
