-- Domain events (src/modules/evenements): the outbox other modules subscribe to instead of reading
-- the tables of the module that changed. A row is written by publierEvenement in the transaction of
-- the change it describes, so both commit or roll back together.
-- Tenant data: region_code (the Region the change belongs to) leads the primary key.
CREATE TABLE evenement_domaine (
  region_code text NOT NULL,
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- One order for every consumer, across Regions. Numbers are taken at insert, not at commit: a
  -- transaction still open may hold a smaller number than one already committed.
  numero bigint GENERATED ALWAYS AS IDENTITY,
  -- The event's name in the catalogue (evenements.contract.ts), e.g. 'dossier.ouvert'.
  type text NOT NULL CHECK (type ~ '^[a-z_]+\.[a-z_]+$'),
  -- The record the change happened to, in its own module; no foreign key across modules.
  agregat_type text NOT NULL,
  agregat_id uuid NOT NULL,
  -- The structure the change is counted for, when there is one.
  structure_id uuid,
  survenu_le timestamptz NOT NULL,
  -- The catalogue's payload for the type: codes, ids, numbers, booleans, dates; never a name or free text.
  donnees jsonb NOT NULL CHECK (jsonb_typeof(donnees) = 'object'),
  PRIMARY KEY (region_code, id)
);
-- A consumer reads a Region's events after the last number it has seen.
CREATE INDEX evenement_domaine_numero ON evenement_domaine (region_code, numero);
