-- Vigilance on reads of personal data (src/modules/vigilance, docs/securite.md « Vigilance sur les
-- lectures ») : an account that reads far more than usual is reported to its structure managers
-- and to the security contact; above a hard ceiling it is suspended.

-- Index on the audit trail (a table of the audit module), added here because vigilance is what
-- needs it: every read of personal data counts the actor's reads of the last 24 hours, and some
-- compute the usual volume of the 30 days before. The partial index holds only the events flagged
-- as such reads (details.lecture_donnees_personnelles, set by vigilance), by actor and time, so a
-- count reads the index entries of that actor and period, not the actor's whole history.
CREATE INDEX audit_evenement_lectures_acteur ON audit_evenement (acteur_utilisateur_id, horodatage)
  WHERE details @> '{"lecture_donnees_personnelles": true}'::jsonb;

-- One row per alert about an account: an unusual volume is reported once a day (Europe/Paris) at
-- most, whatever the number of requests racing over the threshold; a suspension at each crossing
-- of the ceiling (an account reactivated the same day is judged on its reads since).
CREATE TABLE vigilance_alerte (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- No foreign key: accounts belong to the identite module.
  utilisateur_id uuid NOT NULL,
  jour date NOT NULL,
  nature text NOT NULL CHECK (nature IN ('volume_inhabituel', 'plafond_depasse')),
  -- What the alert said: reads counted, usual daily volume, threshold crossed.
  lectures integer NOT NULL CHECK (lectures > 0),
  volume_habituel numeric NOT NULL CHECK (volume_habituel >= 0),
  seuil numeric NOT NULL,
  destinataires text[] NOT NULL,
  cree_le timestamptz NOT NULL,
  -- Last attempt to send; envoyee_le stays empty until the mail server accepted the message, and
  -- a later read of the same account tries an unusual-volume alert again after a while.
  tentee_le timestamptz NOT NULL,
  envoyee_le timestamptz
);
CREATE UNIQUE INDEX vigilance_alerte_volume_par_jour ON vigilance_alerte (utilisateur_id, jour)
  WHERE nature = 'volume_inhabituel';
CREATE INDEX vigilance_alerte_suspensions ON vigilance_alerte (utilisateur_id, cree_le DESC)
  WHERE nature = 'plafond_depasse';
