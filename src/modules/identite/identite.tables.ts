import { bigint, boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const horodatage = (nom: string) => timestamp(nom, { withTimezone: true, mode: 'date' });

export const utilisateur = pgTable('identite_utilisateur', {
  id: uuid('id').primaryKey().defaultRandom(),
  type: text('type', { enum: ['agent', 'personne'] }).notNull(),
  email: text('email').notNull(),
  prenom: text('prenom').notNull(),
  nom: text('nom').notNull(),
  motDePasse: text('mot_de_passe'),
  statut: text('statut', { enum: ['actif', 'suspendu'] })
    .notNull()
    .default('actif'),
  totpSecret: text('totp_secret'),
  totpActive: boolean('totp_active').notNull().default(false),
  totpDernierPas: bigint('totp_dernier_pas', { mode: 'number' }),
  codesRecuperation: text('codes_recuperation').array().notNull().default([]),
  demonstration: boolean('demonstration').notNull().default(false),
  creeLe: horodatage('cree_le').notNull().defaultNow(),
  modifieLe: horodatage('modifie_le').notNull().defaultNow(),
});

export const compteExterne = pgTable(
  'identite_compte_externe',
  {
    fournisseur: text('fournisseur').notNull(),
    sujet: text('sujet').notNull(),
    utilisateurId: uuid('utilisateur_id').notNull(),
    creeLe: horodatage('cree_le').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.fournisseur, t.sujet] })],
);

export const adhesion = pgTable('identite_adhesion', {
  id: uuid('id').primaryKey().defaultRandom(),
  utilisateurId: uuid('utilisateur_id').notNull(),
  role: text('role', { enum: ['advisor', 'structure_manager', 'coordinator', 'analyst', 'admin'] }).notNull(),
  structureId: uuid('structure_id'),
  territoireCode: text('territoire_code'),
  statut: text('statut', { enum: ['active', 'suspendue'] })
    .notNull()
    .default('active'),
  creeLe: horodatage('cree_le').notNull().defaultNow(),
  modifieLe: horodatage('modifie_le').notNull().defaultNow(),
});

export const session = pgTable('identite_session', {
  empreinte: text('empreinte').primaryKey(),
  utilisateurId: uuid('utilisateur_id').notNull(),
  methode: text('methode').notNull(),
  secondFacteur: boolean('second_facteur').notNull().default(false),
  creeLe: horodatage('cree_le').notNull(),
  derniereActivite: horodatage('derniere_activite').notNull(),
  expireLe: horodatage('expire_le').notNull(),
  ip: text('ip'),
  agentUtilisateur: text('agent_utilisateur'),
});

export const invitation = pgTable('identite_invitation', {
  id: uuid('id').primaryKey().defaultRandom(),
  empreinteJeton: text('empreinte_jeton').notNull(),
  email: text('email').notNull(),
  role: text('role', { enum: ['advisor', 'structure_manager'] }).notNull(),
  structureId: uuid('structure_id').notNull(),
  invitePar: uuid('invite_par'),
  creeLe: horodatage('cree_le').notNull(),
  expireLe: horodatage('expire_le').notNull(),
  accepteeLe: horodatage('acceptee_le'),
  annuleeLe: horodatage('annulee_le'),
});

/** Failed sign-in proofs per address tried, known or not: see migration 0015. */
export const tentativeConnexion = pgTable('identite_tentative_connexion', {
  empreinteAdresse: text('empreinte_adresse').primaryKey(),
  echecs: integer('echecs').notNull(),
  dernierEchecLe: horodatage('dernier_echec_le').notNull(),
  bloqueJusquAu: horodatage('bloque_jusqu_au'),
});
