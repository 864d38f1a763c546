-- Audit trail: one row per security-relevant event (sign-in, read of personal data, change of a
-- record, refusal), append-only and hash-chained. Written by src/modules/audit (recordAudit).

CREATE TABLE audit_evenement (
  -- Position in the chain. Not an identity column: the writer takes the last id + 1 while holding
  -- the chain lock, so the numbering has no hole (a sequence leaves one at every rollback) and a
  -- missing number can only mean a deleted event; the primary key makes a stale read fail instead
  -- of forking the chain.
  id bigint PRIMARY KEY CHECK (id > 0),
  horodatage timestamptz NOT NULL,
  -- No foreign key: accounts and structures belong to other modules, and the trail must outlive them.
  acteur_utilisateur_id uuid,
  acteur_structure_id text,
  acteur_role text,
  action text NOT NULL,
  cible_type text,
  cible_id text,
  -- Structure that holds the record touched, and person whose data it is: the two listings.
  cible_structure_id text,
  cible_utilisateur_id uuid,
  resultat text NOT NULL CHECK (resultat IN ('succes', 'refus', 'echec')),
  ip text,
  raison text,
  details jsonb NOT NULL DEFAULT '{}',
  hash_precedent text NOT NULL,
  hash text NOT NULL UNIQUE
);
CREATE INDEX audit_evenement_cible_structure ON audit_evenement (cible_structure_id, id DESC)
  WHERE cible_structure_id IS NOT NULL;
CREATE INDEX audit_evenement_cible_utilisateur ON audit_evenement (cible_utilisateur_id, id DESC)
  WHERE cible_utilisateur_id IS NOT NULL;
CREATE INDEX audit_evenement_acteur ON audit_evenement (acteur_utilisateur_id, id DESC)
  WHERE acteur_utilisateur_id IS NOT NULL;

-- Append-only: one statement trigger refuses UPDATE, DELETE and TRUNCATE, even when no row matches.
CREATE FUNCTION audit_evenement_refuser_modification() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'Le journal d''audit est en ajout seul : % refusé sur audit_evenement.', TG_OP
    USING HINT = 'Un événement d''audit ne se modifie ni ne se supprime ; enregistrez un nouvel événement.';
END
$$;
CREATE TRIGGER audit_evenement_ajout_seul
  BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_evenement
  FOR EACH STATEMENT EXECUTE FUNCTION audit_evenement_refuser_modification();

-- Takes the chain lock for the rest of the caller's transaction, then returns the last link.
-- A function because the read must see what the previous lock holder committed: a VOLATILE
-- function takes a fresh snapshot for each of its statements (READ COMMITTED), whereas a CTE in
-- the caller's statement would read with the snapshot taken before waiting for the lock.
CREATE FUNCTION audit_verrouiller_chaine() RETURNS TABLE (dernier_id bigint, dernier_hash text)
  LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('audit_evenement', 0));
  RETURN QUERY SELECT e.id, e.hash FROM audit_evenement e ORDER BY e.id DESC LIMIT 1;
END
$$;
