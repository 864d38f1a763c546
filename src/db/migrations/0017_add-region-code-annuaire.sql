-- The directory's tenant tables take the shape Citus distributes (docs/distribution-citus.md):
-- region_code, not null, leads every primary key, unique constraint and foreign key, and every
-- row of a structure (places, services, contacts, history, reports, reminders) carries the
-- structure's region_code so that they all live on the structure's node.
--
-- A structure's Region comes from its commune, else its département, else its first place's
-- commune; '00' (no Insee region has that code) holds the structures no known commune places in
-- a Region, such as a service given only at a distance. Ids stay unique on their own (random or
-- derived from the source): an index on id alone serves the lookups that know no Region.

UPDATE annuaire_structure st SET region_code = COALESCE(
  (SELECT c.region_code FROM territoire_commune c WHERE c.code = st.commune_code),
  (SELECT d.region_code FROM territoire_departement d WHERE d.code = st.departement_code),
  (SELECT c.region_code FROM annuaire_site si JOIN territoire_commune c ON c.code = si.commune_code
    WHERE si.structure_id = st.id ORDER BY si.nom, si.id LIMIT 1),
  '00')
WHERE st.region_code IS NULL;
ALTER TABLE annuaire_structure ALTER COLUMN region_code SET NOT NULL;

-- The keys the composite ones replace, children first.
ALTER TABLE annuaire_contact DROP CONSTRAINT annuaire_contact_structure_id_fkey, DROP CONSTRAINT annuaire_contact_site_id_fkey;
ALTER TABLE annuaire_service DROP CONSTRAINT annuaire_service_structure_id_fkey, DROP CONSTRAINT annuaire_service_site_id_fkey;
ALTER TABLE annuaire_site DROP CONSTRAINT annuaire_site_structure_id_fkey;

-- A place's region_code was its own commune's; it becomes its structure's, the Region that holds it.
UPDATE annuaire_site si SET region_code = st.region_code
  FROM annuaire_structure st WHERE st.id = si.structure_id AND si.region_code IS DISTINCT FROM st.region_code;
ALTER TABLE annuaire_site ALTER COLUMN region_code SET NOT NULL;

ALTER TABLE annuaire_service ADD COLUMN region_code text;
UPDATE annuaire_service v SET region_code = st.region_code FROM annuaire_structure st WHERE st.id = v.structure_id;
ALTER TABLE annuaire_service ALTER COLUMN region_code SET NOT NULL;

ALTER TABLE annuaire_contact ADD COLUMN region_code text;
UPDATE annuaire_contact ct SET region_code = st.region_code FROM annuaire_structure st WHERE st.id = ct.structure_id;
ALTER TABLE annuaire_contact ALTER COLUMN region_code SET NOT NULL;

-- History, reports and reminders have no foreign key (they outlive a reload of their source): one
-- whose structure is gone keeps '00'.
ALTER TABLE annuaire_modification ADD COLUMN region_code text;
UPDATE annuaire_modification m SET region_code = COALESCE((SELECT st.region_code FROM annuaire_structure st WHERE st.id = m.structure_id), '00');
ALTER TABLE annuaire_modification ALTER COLUMN region_code SET NOT NULL;

ALTER TABLE annuaire_signalement ADD COLUMN region_code text;
UPDATE annuaire_signalement sg SET region_code = COALESCE((SELECT st.region_code FROM annuaire_structure st WHERE st.id = sg.structure_id), '00');
ALTER TABLE annuaire_signalement ALTER COLUMN region_code SET NOT NULL;

ALTER TABLE annuaire_rappel_confirmation ADD COLUMN region_code text;
UPDATE annuaire_rappel_confirmation r SET region_code = COALESCE((SELECT st.region_code FROM annuaire_structure st WHERE st.id = r.structure_id), '00');
ALTER TABLE annuaire_rappel_confirmation ALTER COLUMN region_code SET NOT NULL;

-- Primary keys, then uniques, each led by region_code.
ALTER TABLE annuaire_structure DROP CONSTRAINT annuaire_structure_pkey;
ALTER TABLE annuaire_structure ADD PRIMARY KEY (region_code, id);
ALTER TABLE annuaire_site DROP CONSTRAINT annuaire_site_pkey;
ALTER TABLE annuaire_site ADD PRIMARY KEY (region_code, id);
ALTER TABLE annuaire_service DROP CONSTRAINT annuaire_service_pkey;
ALTER TABLE annuaire_service ADD PRIMARY KEY (region_code, id);
ALTER TABLE annuaire_contact DROP CONSTRAINT annuaire_contact_pkey;
ALTER TABLE annuaire_contact ADD PRIMARY KEY (region_code, id);
ALTER TABLE annuaire_modification DROP CONSTRAINT annuaire_modification_pkey;
ALTER TABLE annuaire_modification ADD PRIMARY KEY (region_code, id);
ALTER TABLE annuaire_signalement DROP CONSTRAINT annuaire_signalement_pkey;
ALTER TABLE annuaire_signalement ADD PRIMARY KEY (region_code, id);
ALTER TABLE annuaire_rappel_confirmation DROP CONSTRAINT annuaire_rappel_confirmation_pkey;
ALTER TABLE annuaire_rappel_confirmation ADD PRIMARY KEY (region_code, structure_id);

CREATE INDEX annuaire_structure_id ON annuaire_structure (id);
CREATE INDEX annuaire_site_id ON annuaire_site (id);
CREATE INDEX annuaire_service_id ON annuaire_service (id);
CREATE INDEX annuaire_contact_id ON annuaire_contact (id);
CREATE INDEX annuaire_modification_id ON annuaire_modification (id);
CREATE INDEX annuaire_signalement_id ON annuaire_signalement (id);
CREATE INDEX annuaire_rappel_confirmation_structure ON annuaire_rappel_confirmation (structure_id);

-- A source's record is unique within a Region: a national structure imported by two Regions is two rows.
ALTER TABLE annuaire_structure DROP CONSTRAINT annuaire_structure_source_source_id_key, ADD UNIQUE (region_code, source, source_id);
ALTER TABLE annuaire_site DROP CONSTRAINT annuaire_site_source_source_id_key, ADD UNIQUE (region_code, source, source_id);
ALTER TABLE annuaire_service DROP CONSTRAINT annuaire_service_source_source_id_key, ADD UNIQUE (region_code, source, source_id);

-- The same foreign keys, with region_code: a place, service or contact is in its structure's Region.
ALTER TABLE annuaire_site ADD FOREIGN KEY (region_code, structure_id) REFERENCES annuaire_structure (region_code, id) ON DELETE CASCADE;
-- A deleted place empties the service's or contact's place only, never its region_code.
ALTER TABLE annuaire_service
  ADD FOREIGN KEY (region_code, structure_id) REFERENCES annuaire_structure (region_code, id) ON DELETE CASCADE,
  ADD FOREIGN KEY (region_code, site_id) REFERENCES annuaire_site (region_code, id) ON DELETE SET NULL (site_id);
ALTER TABLE annuaire_contact
  ADD FOREIGN KEY (region_code, structure_id) REFERENCES annuaire_structure (region_code, id) ON DELETE CASCADE,
  ADD FOREIGN KEY (region_code, site_id) REFERENCES annuaire_site (region_code, id) ON DELETE CASCADE;

-- The position triggers (migration 0010) find the place within the service's Region: on Citus the
-- statement stays on the node that holds both.
CREATE OR REPLACE FUNCTION annuaire_service_position() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.position := (SELECT si.position FROM annuaire_site si WHERE si.region_code = NEW.region_code AND si.id = NEW.site_id);
  RETURN NEW;
END
$$;

CREATE OR REPLACE FUNCTION annuaire_site_position() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE annuaire_service SET position = NEW.position WHERE region_code = NEW.region_code AND site_id = NEW.id;
  RETURN NULL;
END
$$;
