-- A service carries the position of its site, kept by triggers, so that one GiST index on
-- (position, recherche) walks the services nearest first and checks the words inside the index
-- (tsvector signatures): around a commune, the services that lack a word are mostly never read
-- (docs/adr/0003-recherche-bornee.md).
ALTER TABLE annuaire_service ADD COLUMN position earth;
UPDATE annuaire_service s SET position = si.position FROM annuaire_site si WHERE si.id = s.site_id;

CREATE FUNCTION annuaire_service_position() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.position := (SELECT si.position FROM annuaire_site si WHERE si.id = NEW.site_id);
  RETURN NEW;
END
$$;
-- Also fired when a deleted site sets site_id to null (ON DELETE SET NULL).
CREATE TRIGGER annuaire_service_position BEFORE INSERT OR UPDATE OF site_id ON annuaire_service
  FOR EACH ROW EXECUTE FUNCTION annuaire_service_position();

CREATE FUNCTION annuaire_site_position() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE annuaire_service SET position = NEW.position WHERE site_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER annuaire_site_position AFTER UPDATE OF latitude, longitude ON annuaire_site
  FOR EACH ROW WHEN (OLD.position IS DISTINCT FROM NEW.position) EXECUTE FUNCTION annuaire_site_position();

-- Partial: a search by words alone must not take this index (its signatures are lossy) for the
-- full-text GIN index; only a search that asks for a position (IS NOT NULL) can use it.
CREATE INDEX annuaire_service_position ON annuaire_service USING gist (position, recherche) WHERE position IS NOT NULL;
