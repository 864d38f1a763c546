-- Outgoing mail (src/modules/courriel): a row is written in the transaction of the change that
-- causes the mail, with the job that sends it (pg-boss, schema pgboss); the job hands the message to
-- the mail server, then records it as sent, so that a job run again never sends it twice.
-- Tenant data: region_code (the Region the mail is sent for; '00' when none is, such as a national
-- account or a structure the directory could not place) leads the primary key and the unique index.
CREATE TABLE courriel_envoi (
  region_code text NOT NULL CHECK (region_code ~ '^[0-9]{2}$'),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- The caller's idempotency key (e.g. 'annuaire.rappel_confirmation:<structure>:<date>:<account>'):
  -- the same mail asked for twice is written, and sent, once.
  cle text NOT NULL CHECK (length(cle) BETWEEN 1 AND 300),
  -- Recipients, subject and bodies; erased once the mail server has accepted the message, so that
  -- the table keeps no personal data past delivery.
  message jsonb CHECK (jsonb_typeof(message) = 'object'),
  demande_le timestamptz NOT NULL,
  envoye_le timestamptz,
  CHECK ((envoye_le IS NULL) = (message IS NOT NULL)),
  PRIMARY KEY (region_code, id)
);
CREATE UNIQUE INDEX courriel_envoi_cle ON courriel_envoi (region_code, cle);
