import type { ServiceContext } from '../../shared/contexte.js';
import { estConnecte } from './identite.acteur.js';
import type { ConnexionCorps, SessionReponse } from './identite.contract.js';
import { compteSuspendu, compteVerrouille, identifiantsInvalides } from './identite.errors.js';
import { hacherMotDePasse, verifierMotDePasse } from './identite.motdepasse.js';
import { PERMISSIONS, type Permission, ROLES_PERMISSIONS, detientPermission, secondFacteurRequis, secondFacteurRequisPour } from './identite.permissions.js';
import * as repository from './identite.repository.js';
import { type ReglagesSession, fermerSession, fermerToutesLesSessions, ouvrirSession } from './identite.session.js';

export interface ReglagesConnexion extends ReglagesSession {
  echecsAvantVerrou: number;
  verrouMinutes: number;
}

// Unknown addresses are checked against this hash so that they take as long as known ones.
let hashFactice: Promise<string> | undefined;
async function verifierSansCompte(motDePasse: string): Promise<void> {
  hashFactice ??= hacherMotDePasse('compte-inexistant');
  await verifierMotDePasse(motDePasse, await hashFactice);
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

/** Local sign-in: lock-out and progressive delay per account, then a fresh session. */
export async function connecterAvecMotDePasse(ctx: ServiceContext, corps: ConnexionCorps, reglages: ReglagesConnexion): Promise<ResultatConnexion> {
  const maintenant = ctx.now();
  const utilisateur = await repository.findUtilisateurParEmail(ctx.db, corps.email);
  if (!utilisateur?.motDePasse) {
    await verifierSansCompte(corps.mot_de_passe);
    throw identifiantsInvalides();
  }
  if (utilisateur.verrouilleJusquAu && utilisateur.verrouilleJusquAu > maintenant) {
    throw compteVerrouille(Math.ceil((utilisateur.verrouilleJusquAu.getTime() - maintenant.getTime()) / 1000));
  }
  if (!(await verifierMotDePasse(corps.mot_de_passe, utilisateur.motDePasse))) {
    const echecs = utilisateur.echecsConnexion + 1;
    const attente = attenteApresEchecs(echecs, reglages);
    await repository.updateUtilisateur(ctx.db, utilisateur.id, {
      echecsConnexion: echecs,
      dernierEchecLe: maintenant,
      verrouilleJusquAu: attente > 0 ? new Date(maintenant.getTime() + attente * 1000) : null,
    });
    throw identifiantsInvalides();
  }
  if (utilisateur.statut !== 'actif') throw compteSuspendu();
  await repository.updateUtilisateur(ctx.db, utilisateur.id, { echecsConnexion: 0, verrouilleJusquAu: null });
  // A new session at every sign-in: a session fixed before sign-in is worth nothing after it.
  if (estConnecte(ctx.acteur)) await fermerSession(ctx.db, ctx.acteur.session.empreinte);
  const jeton = await ouvrirSession(
    ctx.db,
    { utilisateurId: utilisateur.id, methode: 'mot_de_passe', secondFacteur: false, ip: ctx.ip, agentUtilisateur: ctx.agentUtilisateur },
    maintenant,
    reglages,
  );
  const roles = utilisateur.type === 'agent' ? (await repository.listAdhesionsActives(ctx.db, utilisateur.id)).map((a) => a.role) : [];
  const etape = utilisateur.totpActive ? 'second_facteur' : secondFacteurRequisPour(roles) ? 'enrolement_second_facteur' : 'connecte';
  return { etape, jeton };
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
  const requis = secondFacteurRequis(acteur);
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
