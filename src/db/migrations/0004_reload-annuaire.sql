-- Data step of 0003: forget the directory load so that the next start reloads it, filling
-- structure_texte and the typo lexicon from the same code path as a first load.
DELETE FROM reference_chargement WHERE jeu = 'annuaire';
