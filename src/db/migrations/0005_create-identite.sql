-- Identity: accounts (agents and people), memberships, sessions, invitations, external logins.

CREATE TABLE identite_utilisateur (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  type text NOT NULL CHECK (type IN ('agent', 'personne')),
  -- stored lower-cased: one account per address whatever its case
  email text NOT NULL UNIQUE CHECK (email = lower(email)),
  prenom text NOT NULL,
  nom text NOT NULL,
  -- scrypt$log2N$r$p$salt$hash; NULL for accounts that only sign in through an identity provider
  mot_de_passe text,
  statut text NOT NULL DEFAULT 'actif' CHECK (statut IN ('actif', 'suspendu')),
  totp_secret text,
  totp_active boolean NOT NULL DEFAULT false,
  -- last accepted TOTP time step: a code is accepted once
  totp_dernier_pas bigint,
  -- sha256 of the unused recovery codes
  codes_recuperation text[] NOT NULL DEFAULT '{}',
  echecs_connexion integer NOT NULL DEFAULT 0,
  dernier_echec_le timestamptz,
  verrouille_jusqu_au timestamptz,
  demonstration boolean NOT NULL DEFAULT false,
  cree_le timestamptz NOT NULL DEFAULT now(),
  modifie_le timestamptz NOT NULL DEFAULT now()
);

-- Who the account is at an identity provider (ProConnect, FranceConnect): provider × subject.
CREATE TABLE identite_compte_externe (
  fournisseur text NOT NULL,
  sujet text NOT NULL,
  utilisateur_id uuid NOT NULL REFERENCES identite_utilisateur (id) ON DELETE CASCADE,
  cree_le timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (fournisseur, sujet)
);
CREATE INDEX identite_compte_externe_utilisateur ON identite_compte_externe (utilisateur_id);

-- An agent's role in a structure (advisor, structure_manager) or over a territory (coordinator,
-- analyst: territoire_code is a region code), or platform-wide (admin).
CREATE TABLE identite_adhesion (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  utilisateur_id uuid NOT NULL REFERENCES identite_utilisateur (id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('advisor', 'structure_manager', 'coordinator', 'analyst', 'admin')),
  -- a directory structure (annuaire module); no foreign key across modules
  structure_id uuid,
  territoire_code text,
  statut text NOT NULL DEFAULT 'active' CHECK (statut IN ('active', 'suspendue')),
  cree_le timestamptz NOT NULL DEFAULT now(),
  modifie_le timestamptz NOT NULL DEFAULT now(),
  CHECK (
    (role IN ('advisor', 'structure_manager') AND structure_id IS NOT NULL AND territoire_code IS NULL)
    OR (role IN ('coordinator', 'analyst') AND territoire_code IS NOT NULL AND structure_id IS NULL)
    OR (role = 'admin' AND structure_id IS NULL AND territoire_code IS NULL)
  )
);
CREATE UNIQUE INDEX identite_adhesion_unique
  ON identite_adhesion (utilisateur_id, role, coalesce(structure_id::text, ''), coalesce(territoire_code, ''));
CREATE INDEX identite_adhesion_structure ON identite_adhesion (structure_id);

-- Sessions are looked up by the sha256 of the cookie's token: a stolen table gives no usable cookie.
CREATE TABLE identite_session (
  empreinte text PRIMARY KEY,
  utilisateur_id uuid NOT NULL REFERENCES identite_utilisateur (id) ON DELETE CASCADE,
  -- how the person signed in: 'mot_de_passe', 'proconnect', 'franceconnect', ...
  methode text NOT NULL,
  -- second factor done (TOTP) or vouched for by the identity provider (acr)
  second_facteur boolean NOT NULL DEFAULT false,
  cree_le timestamptz NOT NULL,
  derniere_activite timestamptz NOT NULL,
  expire_le timestamptz NOT NULL,
  ip text,
  agent_utilisateur text
);
CREATE INDEX identite_session_utilisateur ON identite_session (utilisateur_id);

CREATE TABLE identite_invitation (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  empreinte_jeton text NOT NULL UNIQUE,
  email text NOT NULL CHECK (email = lower(email)),
  role text NOT NULL CHECK (role IN ('advisor', 'structure_manager')),
  structure_id uuid NOT NULL,
  invite_par uuid REFERENCES identite_utilisateur (id) ON DELETE SET NULL,
  cree_le timestamptz NOT NULL,
  expire_le timestamptz NOT NULL,
  acceptee_le timestamptz,
  annulee_le timestamptz
);
CREATE INDEX identite_invitation_structure ON identite_invitation (structure_id);
