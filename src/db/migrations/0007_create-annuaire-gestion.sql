-- Structures keep their own records up to date (docs/adr/0004-fiches-gerees-et-rechargement.md):
-- versions for optimistic concurrency, the history of every edit, error reports, reminders.

-- Every edit names the version it was made on; an edit on an older one is refused (lost update).
ALTER TABLE annuaire_structure ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE annuaire_site ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE annuaire_service ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE annuaire_contact ADD COLUMN version integer NOT NULL DEFAULT 1;

-- No foreign key to annuaire_structure in the three tables below: a reload of a source deletes and
-- rewrites the structures nobody edited, under the same ids (derived from the source), and what
-- the platform knows about a structure beyond its source must survive that, as the audit does.

-- Who changed what and when: one row per record created, changed, deleted or confirmed.
CREATE TABLE annuaire_modification (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  structure_id uuid NOT NULL,
  objet_type text NOT NULL CHECK (objet_type IN ('structure', 'site', 'service', 'contact')),
  objet_id uuid NOT NULL,
  operation text NOT NULL CHECK (operation IN ('creation', 'modification', 'suppression', 'confirmation')),
  -- { "<champ>": { "avant": …, "apres": … } } for each field that changed
  champs jsonb NOT NULL,
  auteur_utilisateur_id uuid,
  auteur_role text,
  le timestamptz NOT NULL
);
CREATE INDEX annuaire_modification_structure ON annuaire_modification (structure_id, le DESC, id);

-- Errors reported by anyone from the public pages, until a manager or coordinator handles them.
CREATE TABLE annuaire_signalement (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  structure_id uuid NOT NULL,
  objet_type text NOT NULL CHECK (objet_type IN ('structure', 'site', 'service')),
  objet_id uuid NOT NULL,
  message text NOT NULL,
  -- optional, to answer the person; erased when the report is handled
  courriel text,
  cree_le timestamptz NOT NULL,
  traite_le timestamptz,
  traite_par uuid
);
CREATE INDEX annuaire_signalement_structure ON annuaire_signalement (structure_id, cree_le DESC);

-- Last reminder sent to a structure's managers to confirm its record: one per period at most.
CREATE TABLE annuaire_rappel_confirmation (
  structure_id uuid PRIMARY KEY,
  envoye_le timestamptz NOT NULL
);
