-- People search a service by the name of its structure or network ("mission locale", "cap emploi",
-- "cibc") as often as by its need: the structure's name and network label join the search vector.
ALTER TABLE annuaire_service ADD COLUMN structure_texte text NOT NULL DEFAULT '';
DROP INDEX annuaire_service_recherche;
ALTER TABLE annuaire_service DROP COLUMN recherche;
ALTER TABLE annuaire_service ADD COLUMN recherche tsvector GENERATED ALWAYS AS (
  setweight(to_tsvector('fr', nom), 'A')
  || setweight(to_tsvector('fr', structure_texte), 'B')
  || setweight(to_tsvector('fr', annuaire_mots_vocabulaire(thematiques)), 'B')
  || setweight(to_tsvector('fr', description), 'C')
  || setweight(to_tsvector('fr', annuaire_mots_vocabulaire(publics)), 'D')
) STORED;
CREATE INDEX annuaire_service_recherche ON annuaire_service USING gin (recherche);
