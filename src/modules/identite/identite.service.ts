import { randomBytes } from 'node:crypto';
import type { Executor, Transaction } from '../../db/client.js';
import type { ServiceContext } from '../../shared/contexte.js';
import { type ResultatAudit, recordAudit } from '../audit/index.js';
import { estConnecte } from '../../shared/acteur.js';
import type { ConnexionCorps, SessionReponse } from './identite.contract.js';
import { compteSuspendu, compteVerrouille, identifiantsInvalides } from './identite.errors.js';
import { PARAMETRES_SCRYPT, verifierMotDePasse } from './identite.motdepasse.js';
import { empreinteAdresse } from './identite.adresse.js';
import { PERMISSIONS, type Permission, ROLES_PERMISSIONS, detientPermission, secondFacteurAttendu, secondFacteurRequisPour } from './identite.permissions.js';
import * as repository from './identite.repository.js';
import { type ReglagesSession, fermerSession, fermerToutesLesSessions, ouvrirSession } from './identite.session.js';

export interface ReglagesConnexion extends ReglagesSession {
  /** Delay in seconds after the 1st, 2nd, … consecutive failure; the last one holds beyond the list. */
  attentesSecondes: readonly number[];
  /** From this many consecutive failures on, each one locks the address for `verrouMinutes`. */
  echecsAvantVerrou: number;
  verrouMinutes: number;
  /** An address without a failure for this long starts again from none. */
  oubliHeures: number;
}

// An address without an account, or whose account signs in only through an identity provider, is
// checked against this hash: a random one with the production parameters, so that a wrong address
// costs one scrypt derivation exactly like a wrong password, and no hash is computed beforehand.
const HASH_SANS_COMPTE = `scrypt$${PARAMETRES_SCRYPT.log2N}$${PARAMETRES_SCRYPT.r}$${PARAMETRES_SCRYPT.p}$${randomBytes(16).toString('base64')}$${randomBytes(32).toString('base64')}`;

/** The delay in seconds imposed after the n-th consecutive failure on an address, read from the settings. */
export function attenteApresEchecs(echecs: number, reglages: Pick<ReglagesConnexion, 'attentesSecondes' | 'echecsAvantVerrou' | 'verrouMinutes'>): number {
  if (echecs >= reglages.echecsAvantVerrou) return reglages.verrouMinutes * 60;
  const { attentesSecondes } = reglages;
  return attentesSecondes[Math.min(echecs, attentesSecondes.length) - 1] ?? 0;
}

export interface ResultatConnexion {
  etape: 'connecte' | 'second_facteur' | 'enrolement_second_facteur';
  jeton: string;
}

/** Action names of the account events in the audit trail. */
export const ACTIONS_COMPTE = {
  connexion: 'identite.connexion',
  verrouillage: 'identite.compte.verrouiller',
} as const;

/**
 * Records an event on an account (sign-in, lock-out, second factor) with the caller's address.
 * `acteurUtilisateurId` is null while nobody has proved who they are (a failed password).
 */
export async function journaliserCompte(
  db: Transaction,
  ctx: ServiceContext,
  evenement: {
    action: string;
    resultat: ResultatAudit;
    utilisateurId: string | null;
    acteurUtilisateurId: string | null;
    raison?: string;
    details?: Record<string, unknown>;
  },
): Promise<void> {
  await recordAudit(
    db,
    {
      action: evenement.action,
      resultat: evenement.resultat,
      acteurUtilisateurId: evenement.acteurUtilisateurId,
      cibleType: evenement.utilisateurId ? 'utilisateur' : null,
      cibleId: evenement.utilisateurId,
      ip: ctx.ip,
      raison: evenement.raison ?? null,
      details: evenement.details ?? {},
    },
    ctx.now(),
  );
}

/** Who proves something on an address: the account, when one has it (null for an unknown address). */
export interface Preuve {
  email: string;
  utilisateurId: string | null;
}

/**
 * Refuses (429 + Retry-After) an address under lock-out or progressive delay, and records the
 * refusal. The same answer whether an account has the address or not.
 */
export async function refuserSiVerrouille(ctx: ServiceContext, preuve: Preuve, action: string): Promise<void> {
  const maintenant = ctx.now();
  const tentative = await repository.findTentative(ctx.db, empreinteAdresse(preuve.email));
  if (!tentative?.bloqueJusquAu || tentative.bloqueJusquAu <= maintenant) return;
  await ctx.db.transaction((tx) =>
    journaliserCompte(tx, ctx, {
      action,
      resultat: 'refus',
      utilisateurId: preuve.utilisateurId,
      acteurUtilisateurId: estConnecte(ctx.acteur) ? ctx.acteur.utilisateurId : null,
      raison: 'compte_verrouille',
    }),
  );
  throw compteVerrouille(Math.ceil((tentative.bloqueJusquAu.getTime() - maintenant.getTime()) / 1000));
}

/**
 * One more failed proof on an address (password, TOTP code, recovery code), with or without an
 * account: all of them count towards the same progressive delay and lock-out, recorded with the
 * failure in one transaction.
 */
export async function compterEchec(
  ctx: ServiceContext,
  preuve: Preuve,
  reglages: ReglagesConnexion,
  echec: { action: string; raison: string; details?: Record<string, unknown> },
): Promise<void> {
  const maintenant = ctx.now();
  const empreinte = empreinteAdresse(preuve.email);
  await ctx.db.transaction(async (tx) => {
    // Addresses quiet for long enough go first, this one included: its count starts again.
    await repository.deleteTentativesOubliees(tx, new Date(maintenant.getTime() - reglages.oubliHeures * 3_600_000), maintenant);
    const echecs = await repository.incrementEchecs(tx, empreinte, maintenant);
    const attente = attenteApresEchecs(echecs, reglages);
    const jusquAu = attente > 0 ? new Date(maintenant.getTime() + attente * 1000) : null;
    await repository.bloquerAdresse(tx, empreinte, jusquAu);
    const acteurUtilisateurId = estConnecte(ctx.acteur) ? ctx.acteur.utilisateurId : null;
    await journaliserCompte(tx, ctx, { ...echec, resultat: 'echec', utilisateurId: preuve.utilisateurId, acteurUtilisateurId });
    if (echecs >= reglages.echecsAvantVerrou) {
      await journaliserCompte(tx, ctx, {
        action: ACTIONS_COMPTE.verrouillage,
        resultat: 'succes',
        utilisateurId: preuve.utilisateurId,
        acteurUtilisateurId: null,
        raison: 'echecs_repetes',
        details: { echecs, verrouille_jusqu_au: jusquAu?.toISOString() ?? null },
      });
    }
  });
}

/** A proof succeeded on the address: its failures are forgotten. */
export async function oublierEchecs(db: Executor, email: string): Promise<void> {
  await repository.deleteTentative(db, empreinteAdresse(email));
}

/**
 * Local sign-in. An address with an account and one without go through the same steps: the
 * delay and lock-out of the address, one scrypt derivation, the failure counted, the same answer.
 */
export async function connecterAvecMotDePasse(ctx: ServiceContext, corps: ConnexionCorps, reglages: ReglagesConnexion): Promise<ResultatConnexion> {
  const action = ACTIONS_COMPTE.connexion;
  const utilisateur = await repository.findUtilisateurParEmail(ctx.db, corps.email);
  const preuve: Preuve = { email: corps.email, utilisateurId: utilisateur?.id ?? null };
  await refuserSiVerrouille(ctx, preuve, action);
  const stocke = utilisateur?.motDePasse;
  const valide = await verifierMotDePasse(corps.mot_de_passe, stocke ?? HASH_SANS_COMPTE);
  // No password matches HASH_SANS_COMPTE (random bytes); the account and its hash are checked all the same.
  if (!utilisateur || !stocke || !valide) {
    await compterEchec(ctx, preuve, reglages, { action, raison: utilisateur ? 'mot_de_passe_invalide' : 'compte_inconnu' });
    throw identifiantsInvalides();
  }
  if (utilisateur.statut !== 'actif') {
    await ctx.db.transaction((tx) =>
      journaliserCompte(tx, ctx, { action, resultat: 'refus', utilisateurId: utilisateur.id, acteurUtilisateurId: null, raison: 'compte_suspendu' }),
    );
    throw compteSuspendu();
  }
  const roles = utilisateur.type === 'agent' ? (await repository.listAdhesionsActives(ctx.db, utilisateur.id)).map((a) => a.role) : [];
  const etape = utilisateur.totpActive ? 'second_facteur' : secondFacteurRequisPour(roles) ? 'enrolement_second_facteur' : 'connecte';
  const jeton = await ctx.db.transaction(async (tx) => {
    await oublierEchecs(tx, utilisateur.email);
    const jeton = await remplacerSession(tx, ctx, { utilisateurId: utilisateur.id, methode: 'mot_de_passe', secondFacteur: false }, reglages);
    await journaliserCompte(tx, ctx, {
      action,
      resultat: 'succes',
      utilisateurId: utilisateur.id,
      acteurUtilisateurId: utilisateur.id,
      details: { methode: 'mot_de_passe', etape },
    });
    return jeton;
  });
  return { etape, jeton };
}

/**
 * Closes the caller's session, if any, and opens a new one: a token known before a sign-in or a
 * second factor is worth nothing after it (session fixation).
 */
export async function remplacerSession(
  db: Executor,
  ctx: ServiceContext,
  ouverture: { utilisateurId: string; methode: string; secondFacteur: boolean },
  reglages: ReglagesSession,
): Promise<string> {
  if (estConnecte(ctx.acteur)) await fermerSession(db, ctx.acteur.session.empreinte);
  return ouvrirSession(db, { ...ouverture, ip: ctx.ip, agentUtilisateur: ctx.agentUtilisateur }, ctx.now(), reglages);
}

export async function deconnecter(ctx: ServiceContext): Promise<number> {
  if (!estConnecte(ctx.acteur)) return 0;
  await fermerSession(ctx.db, ctx.acteur.session.empreinte);
  return 1;
}

export async function deconnecterPartout(ctx: ServiceContext): Promise<number> {
  if (!estConnecte(ctx.acteur)) return 0;
  return fermerToutesLesSessions(ctx.db, ctx.acteur.utilisateurId);
}

/** The signed-in account as the front needs it: who, roles, permissions, second-factor state. */
export async function lireSession(ctx: ServiceContext, jetonCsrf: string): Promise<SessionReponse> {
  const { acteur } = ctx;
  if (!estConnecte(acteur)) return { connecte: false, jeton_csrf: jetonCsrf };
  const utilisateur = await repository.findUtilisateur(ctx.db, acteur.utilisateurId);
  if (!utilisateur) return { connecte: false, jeton_csrf: jetonCsrf };
  const adhesions = acteur.type === 'agent' ? acteur.adhesions : [];
  const requis = secondFacteurAttendu(acteur);
  const valide = acteur.session.secondFacteur;
  return {
    connecte: true,
    jeton_csrf: jetonCsrf,
    utilisateur: {
      id: utilisateur.id,
      type: utilisateur.type,
      prenom: utilisateur.prenom,
      nom: utilisateur.nom,
      email: utilisateur.email,
      demonstration: utilisateur.demonstration,
    },
    adhesions: adhesions.map((a) => ({
      id: a.id,
      role: a.role,
      libelle_role: ROLES_PERMISSIONS[a.role].libelle,
      structure_id: a.structureId,
      territoire_code: a.territoireCode,
    })),
    // Permissions are usable only once the second factor is done when the roles require it.
    permissions: requis && !valide ? [] : (Object.keys(PERMISSIONS) as Permission[]).filter((p) => detientPermission(acteur, p)),
    second_facteur: { requis, valide, configure: utilisateur.totpActive },
    methode: acteur.session.methode,
  };
}
