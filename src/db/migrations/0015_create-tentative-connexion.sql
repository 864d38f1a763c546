-- Failed sign-in proofs (password, second factor) counted per address tried, whether or not an
-- account has it: the progressive delay and the lock-out fall alike on every address, so that the
-- answers never tell which addresses have an account. Until now the count lived on the account row,
-- and an unknown address was never slowed down nor locked.
-- The address is kept only as the sha256 of 'identite.tentative:' and its normalised form (trimmed,
-- lower-cased): no address typed by mistake is stored in clear. A row is deleted at the next
-- success on its address, or once its last failure is older than CONNEXION_OUBLI_HEURES.
-- Accounts may be national: the table is not keyed by region_code, like identite_utilisateur.
CREATE TABLE identite_tentative_connexion (
  empreinte_adresse text PRIMARY KEY,
  echecs integer NOT NULL CHECK (echecs > 0),
  dernier_echec_le timestamptz NOT NULL,
  -- end of the progressive delay or of the lock-out; NULL while no delay applies
  bloque_jusqu_au timestamptz
);
CREATE INDEX identite_tentative_connexion_dernier_echec ON identite_tentative_connexion (dernier_echec_le);

-- The counts and locks in force move to the address of their account (stored lower-cased and trimmed).
INSERT INTO identite_tentative_connexion (empreinte_adresse, echecs, dernier_echec_le, bloque_jusqu_au)
SELECT encode(sha256(convert_to('identite.tentative:' || email, 'UTF8')), 'hex'), echecs_connexion,
       coalesce(dernier_echec_le, now()), verrouille_jusqu_au
  FROM identite_utilisateur
 WHERE echecs_connexion > 0;

ALTER TABLE identite_utilisateur
  DROP COLUMN echecs_connexion,
  DROP COLUMN dernier_echec_le,
  DROP COLUMN verrouille_jusqu_au;
