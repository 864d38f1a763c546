-- Directory search at national scale (docs/adr/0003-recherche-bornee.md).
-- The earth position of a site is stored once instead of being recomputed from latitude and
-- longitude for every site in a radius; its GiST index answers both "within R of a point" and
-- "nearest first" (the cube <-> operator), on PostgreSQL and PGlite alike.
ALTER TABLE annuaire_site ADD COLUMN position earth GENERATED ALWAYS AS (ll_to_earth(latitude, longitude)) STORED;
DROP INDEX annuaire_site_position;
CREATE INDEX annuaire_site_position ON annuaire_site USING gist (position);

-- Lists without words nor place are in name order: read in index order, they stop at the page.
CREATE INDEX annuaire_service_nom ON annuaire_service (nom, id);
CREATE INDEX annuaire_site_nom ON annuaire_site (nom, id);
