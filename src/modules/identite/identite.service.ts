import type { Db, Executor } from '../../db/client.js';
import type { ServiceContext } from '../../shared/contexte.js';
import { type ResultatAudit, recordAudit } from '../audit/index.js';
import { estConnecte } from '../../shared/acteur.js';
import type { ConnexionCorps, SessionReponse } from './identite.contract.js';
import { compteSuspendu, compteVerrouille, identifiantsInvalides } from './identite.errors.js';
import { type ParametresScrypt, hacherMotDePasse, verifierMotDePasse } from './identite.motdepasse.js';
import { PERMISSIONS, type Permission, ROLES_PERMISSIONS, detientPermission, secondFacteurAttendu, secondFacteurRequisPour } from './identite.permissions.js';
import * as repository from './identite.repository.js';
import { type ReglagesSession, fermerSession, fermerToutesLesSessions, ouvrirSession } from './identite.session.js';

export interface ReglagesConnexion extends ReglagesSession {
  echecsAvantVerrou: number;
  verrouMinutes: number;
  /** Cost of the passwords hashed under this configuration (see identite.config.ts). */
  coutHachage: ParametresScrypt;
}

// Unknown addresses are checked against a hash of the configured cost, so that they take as long
// as known ones; one per cost, made at the first unknown address.
const hashesFactices = new Map<string, Promise<string>>();
async function verifierSansCompte(motDePasse: string, cout: ParametresScrypt): Promise<void> {
  const cle = `${cout.log2N}$${cout.r}$${cout.p}`;
  const hash = hashesFactices.get(cle) ?? hacherMotDePasse('compte-inexistant', { coutReduitHorsProduction: cout });
  hashesFactices.set(cle, hash);
  await verifierMotDePasse(motDePasse, await hash);
}

/**
 * Delay imposed after the n-th consecutive failure: none for the first two, then 1 s, 2 s, 4 s…
 * and a lock of `verrouMinutes` from `echecsAvantVerrou` failures on.
 */
export function attenteApresEchecs(echecs: number, reglages: Pick<ReglagesConnexion, 'echecsAvantVerrou' | 'verrouMinutes'>): number {
  if (echecs >= reglages.echecsAvantVerrou) return reglages.verrouMinutes * 60;
  if (echecs < 3) return 0;
  return 2 ** (echecs - 3);
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
  db: Db,
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

interface CompteVerrouillable {
  id: string;
  verrouilleJusquAu: Date | null;
}

/** Refuses (429 + Retry-After) an account under lock-out or progressive delay, and records the refusal. */
export async function refuserSiVerrouille(ctx: ServiceContext, compte: CompteVerrouillable, action: string): Promise<void> {
  const maintenant = ctx.now();
  if (!compte.verrouilleJusquAu || compte.verrouilleJusquAu <= maintenant) return;
  await journaliserCompte(ctx.db, ctx, {
    action,
    resultat: 'refus',
    utilisateurId: compte.id,
    acteurUtilisateurId: estConnecte(ctx.acteur) ? ctx.acteur.utilisateurId : null,
    raison: 'compte_verrouille',
  });
  throw compteVerrouille(Math.ceil((compte.verrouilleJusquAu.getTime() - maintenant.getTime()) / 1000));
}

/**
 * One more failed proof on the account (password, TOTP code, recovery code): all of them count
 * towards the same progressive delay and lock-out, recorded with the failure in one transaction.
 */
export async function compterEchec(
  ctx: ServiceContext,
  compte: { id: string },
  reglages: ReglagesConnexion,
  echec: { action: string; raison: string; details?: Record<string, unknown> },
): Promise<void> {
  const maintenant = ctx.now();
  await ctx.db.transaction(async (tx) => {
    // Incremented in the database: parallel attempts each count, none reads a stale number.
    const echecs = await repository.incrementEchecsConnexion(tx, compte.id, maintenant);
    const attente = attenteApresEchecs(echecs, reglages);
    const jusquAu = attente > 0 ? new Date(maintenant.getTime() + attente * 1000) : null;
    await repository.updateUtilisateur(tx, compte.id, { verrouilleJusquAu: jusquAu });
    const acteurUtilisateurId = estConnecte(ctx.acteur) ? ctx.acteur.utilisateurId : null;
    await journaliserCompte(tx, ctx, { ...echec, resultat: 'echec', utilisateurId: compte.id, acteurUtilisateurId });
    if (echecs >= reglages.echecsAvantVerrou) {
      await journaliserCompte(tx, ctx, {
        action: ACTIONS_COMPTE.verrouillage,
        resultat: 'succes',
        utilisateurId: compte.id,
        acteurUtilisateurId: null,
        raison: 'echecs_repetes',
        details: { echecs, verrouille_jusqu_au: jusquAu?.toISOString() ?? null },
      });
    }
  });
}

/** Local sign-in: lock-out and progressive delay per account, then a fresh session. */
export async function connecterAvecMotDePasse(ctx: ServiceContext, corps: ConnexionCorps, reglages: ReglagesConnexion): Promise<ResultatConnexion> {
  const action = ACTIONS_COMPTE.connexion;
  const utilisateur = await repository.findUtilisateurParEmail(ctx.db, corps.email);
  if (!utilisateur?.motDePasse) {
    await verifierSansCompte(corps.mot_de_passe, reglages.coutHachage);
    await journaliserCompte(ctx.db, ctx, { action, resultat: 'echec', utilisateurId: null, acteurUtilisateurId: null, raison: 'compte_inconnu' });
    throw identifiantsInvalides();
  }
  await refuserSiVerrouille(ctx, utilisateur, action);
  if (!(await verifierMotDePasse(corps.mot_de_passe, utilisateur.motDePasse))) {
    await compterEchec(ctx, utilisateur, reglages, { action, raison: 'mot_de_passe_invalide' });
    throw identifiantsInvalides();
  }
  if (utilisateur.statut !== 'actif') {
    await journaliserCompte(ctx.db, ctx, { action, resultat: 'refus', utilisateurId: utilisateur.id, acteurUtilisateurId: null, raison: 'compte_suspendu' });
    throw compteSuspendu();
  }
  const roles = utilisateur.type === 'agent' ? (await repository.listAdhesionsActives(ctx.db, utilisateur.id)).map((a) => a.role) : [];
  const etape = utilisateur.totpActive ? 'second_facteur' : secondFacteurRequisPour(roles) ? 'enrolement_second_facteur' : 'connecte';
  const jeton = await ctx.db.transaction(async (tx) => {
    await repository.updateUtilisateur(tx, utilisateur.id, { echecsConnexion: 0, verrouilleJusquAu: null });
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
