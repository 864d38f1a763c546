import { randomUUID } from 'node:crypto';
import type { Db, Transaction } from '../../../db/client.js';
import type { AppError } from '../../../shared/erreurs.js';
import type { ServiceContext } from '../../../shared/contexte.js';
import { type Decision, autoriser, refuser } from '../../../shared/decision.js';
import { type StructureResume, findStructureResume } from '../../annuaire/index.js';
import { type TraceAcces, accesProtege, journaliserAcces, recordAudit } from '../../audit/index.js';
import { type Acteur, estConnecte } from '../../../shared/acteur.js';
import { type ParametresScrypt, evaluerMotDePasse, hacherMotDePasse } from '../identite.motdepasse.js';
import { ROLES_PERMISSIONS } from '../identite.permissions.js';
import * as identiteRepository from '../identite.repository.js';
import { empreinteJeton, nouveauJeton } from '../identite.session.js';
import { suspendreCompte } from '../identite.suspension.js';
import type {
  AcceptationCorps,
  AcceptationReponse,
  EquipeReponse,
  InvitationCorps,
  InvitationEquipe,
  InvitationPublique,
  RoleEquipeContrat,
} from './equipe.contract.js';
import { courrielInvitation } from './equipe.courriel.js';
import { equipeErrors, invitationErrors } from './equipe.errors.js';
import {
  type DecisionEquipe,
  type DroitEquipe,
  type FaitsStructure,
  type RefusEquipe,
  actionsSurAdhesion,
  droitSurEquipe,
  peutAccepterInvitation,
  peutChangerRole,
  peutGererEquipe,
  peutReactiver,
  peutSuspendre,
} from './equipe.policy.js';
import * as repository from './equipe.repository.js';

export interface ReglagesInvitation {
  /** Base of the link sent (config URL_PUBLIQUE). */
  urlPublique: string;
  validiteJours: number;
  /** Name of the service, as the e-mail calls it. */
  service: string;
}

/** Action names of team management in the audit trail. */
export const ACTIONS_EQUIPE = {
  lire: 'identite.equipe.lire',
  inviter: 'identite.invitation.envoyer',
  annulerInvitation: 'identite.invitation.annuler',
  accepterInvitation: 'identite.invitation.accepter',
  changerRole: 'identite.adhesion.role.modifier',
  suspendre: 'identite.adhesion.suspendre',
  reactiver: 'identite.adhesion.reactiver',
} as const;

const ERREURS_REFUS: Record<RefusEquipe, () => AppError> = {
  hors_perimetre: equipeErrors.structureIntrouvable,
  lecture_seule: equipeErrors.gestionRefusee,
  suspension_de_soi: equipeErrors.suspensionDeSoi,
  dernier_responsable: equipeErrors.dernierResponsable,
};

const libelleRole = (role: RoleEquipeContrat) => ROLES_PERMISSIONS[role].libelle;

interface CibleAudit {
  type: 'adhesion' | 'invitation';
  id: string;
  utilisateurId?: string;
}

/** What the trail says of an access to a team: the structure, or the membership or invitation touched in it; who acts in which role. */
function traceEquipe(
  structureId: string,
  action: string,
  droit: DroitEquipe | null,
  cible: CibleAudit | null,
  details: Record<string, unknown> = {},
): TraceAcces {
  return {
    action,
    acteurRole: droit?.role ?? null,
    acteurStructureId: droit?.structureId ?? null,
    cibleType: cible?.type ?? 'structure',
    cibleId: cible?.id ?? structureId,
    cibleStructureId: structureId,
    cibleUtilisateurId: cible?.utilisateurId ?? null,
    details,
  };
}

/** What every rule on a team starts from: the structure (null for an unknown id) and what the actor may do on its team. */
interface FaitsEquipe {
  structure: StructureResume | null;
  droit: DroitEquipe | null;
}

async function chargerEquipe(ctx: ServiceContext, tx: Transaction, structureId: string): Promise<FaitsEquipe> {
  const structure = await findStructureResume(tx, structureId);
  return { structure, droit: structure ? droitSurEquipe(ctx.acteur, structure) : null };
}

/**
 * The structure, if the actor manages its team; otherwise the refusal is recorded and committed,
 * then answered (404 like a missing structure outside the actor's scope, 403 to a reader). The
 * work follows in a transaction of its own (an invitation is mailed before it is written), which
 * records its success.
 */
function structureGeree(ctx: ServiceContext, structureId: string, action: string): Promise<{ structure: StructureResume; droit: DroitEquipe }> {
  return accesProtege(ctx, {
    charger: (tx) => chargerEquipe(ctx, tx, structureId),
    decider: ({ structure }): DecisionEquipe => (structure ? peutGererEquipe(ctx.acteur, structure) : refuser('hors_perimetre')),
    tracer: ({ droit }, decision) => traceEquipe(structureId, action, decision.autorise ? decision.droit : droit, null),
    refus: (raison) => ERREURS_REFUS[raison](),
    succes: 'travail',
    agir: async (_tx, { structure }, { droit }) => ({ structure: structure!, droit }),
  });
}

function vueInvitation(invitation: repository.InvitationRow, maintenant: Date): InvitationEquipe {
  return {
    id: invitation.id,
    email: invitation.email,
    role: invitation.role,
    libelle_role: libelleRole(invitation.role),
    envoyee_le: invitation.creeLe.toISOString(),
    expire_le: invitation.expireLe.toISOString(),
    expiree: invitation.expireLe <= maintenant,
  };
}

async function vueEquipe(db: Db, acteur: Acteur, structure: StructureResume, maintenant: Date): Promise<EquipeReponse> {
  const membres = await repository.listMembres(db, structure.id);
  const invitations = await repository.listInvitationsEnAttente(db, structure.id);
  const responsablesActifs = membres.filter((m) => m.role === 'structure_manager' && m.statut === 'active' && m.compteStatut === 'actif').length;
  const moi = estConnecte(acteur) ? acteur.utilisateurId : null;
  return {
    structure: { id: structure.id, nom: structure.nom },
    gerer: droitSurEquipe(acteur, structure)?.niveau === 'gestion',
    agents: membres.map((m) => ({
      adhesion_id: m.adhesionId,
      utilisateur_id: m.utilisateurId,
      prenom: m.prenom,
      nom: m.nom,
      email: m.email,
      role: m.role,
      libelle_role: libelleRole(m.role),
      statut: m.statut,
      compte_suspendu: m.compteStatut === 'suspendu',
      moi: m.utilisateurId === moi,
      actions: actionsSurAdhesion(acteur, structure, m, responsablesActifs),
    })),
    invitations: invitations.map((i) => vueInvitation(i, maintenant)),
  };
}

/**
 * The team of a structure: its agents with what the actor may do on each, and the pending
 * invitations. Names and addresses of agents are personal data: their reading is recorded like
 * any other; a structure outside the actor's scope answers like a missing one, the refusal recorded.
 */
export function lireEquipe(ctx: ServiceContext, structureId: string): Promise<EquipeReponse> {
  return accesProtege(ctx, {
    charger: (tx) => chargerEquipe(ctx, tx, structureId),
    decider: ({ structure, droit }): Decision<{ fondement: DroitEquipe['niveau']; droit: DroitEquipe }, 'hors_perimetre'> =>
      structure && droit ? autoriser({ fondement: droit.niveau, droit }) : refuser('hors_perimetre'),
    tracer: (_faits, decision) => traceEquipe(structureId, ACTIONS_EQUIPE.lire, decision.autorise ? decision.droit : null, null),
    refus: () => equipeErrors.structureIntrouvable(),
    agir: (tx, { structure }) => vueEquipe(tx, ctx.acteur, structure!, ctx.now()),
  });
}

/**
 * Invites someone into the team by e-mail: a 256-bit token whose digest only is stored, valid
 * `validiteJours` days. Inviting an address that has a pending invitation renews it (new link,
 * new expiry, the old link dies).
 */
export async function inviter(
  ctx: ServiceContext,
  structureId: string,
  corps: InvitationCorps,
  reglages: ReglagesInvitation,
): Promise<{ invitation: InvitationEquipe; renouvelee: boolean }> {
  const action = ACTIONS_EQUIPE.inviter;
  const { structure, droit } = await structureGeree(ctx, structureId, action);
  const compte = await identiteRepository.findUtilisateurParEmail(ctx.db, corps.email);
  if (compte && (await repository.existeAdhesionDansStructure(ctx.db, compte.id, structure.id))) throw equipeErrors.dejaMembre();

  const maintenant = ctx.now();
  const expireLe = new Date(maintenant.getTime() + reglages.validiteJours * 86_400_000);
  const { jeton, empreinte } = nouveauJeton();
  const invitantId = estConnecte(ctx.acteur) ? ctx.acteur.utilisateurId : null;
  const invitant = invitantId ? await identiteRepository.findUtilisateur(ctx.db, invitantId) : undefined;
  // Sent before anything is written: an invitation recorded as sent has reached the mail server,
  // and a failed sending leaves a pending invitation, if any, with its previous link.
  try {
    await ctx.messagerie.envoyer(
      courrielInvitation({
        email: corps.email,
        structureNom: structure.nom,
        libelleRole: libelleRole(corps.role),
        invitant: invitant ? `${invitant.prenom} ${invitant.nom}` : null,
        lien: `${reglages.urlPublique}/invitation/${jeton}`,
        expireLe,
        service: reglages.service,
      }),
    );
  } catch (erreur) {
    // The kind of failure only: a mail server's message may quote the address it refused.
    const details = { role: corps.role, erreur: erreur instanceof Error ? erreur.name : typeof erreur };
    await ctx.db.transaction((tx) => journaliserAcces(ctx, tx, traceEquipe(structure.id, action, droit, null, details), 'echec', 'envoi_impossible'));
    throw equipeErrors.envoiImpossible();
  }

  return ctx.db.transaction(async (tx) => {
    const existante = await repository.findInvitationEnAttente(tx, structure.id, corps.email);
    const valeurs = { empreinteJeton: empreinte, role: corps.role, invitePar: invitantId, creeLe: maintenant, expireLe };
    const id = existante?.id ?? randomUUID();
    if (existante) await repository.renouvelerInvitation(tx, id, valeurs);
    else await repository.insertInvitation(tx, { id, email: corps.email, structureId: structure.id, ...valeurs });
    const renouvelee = existante !== undefined;
    await journaliserAcces(ctx, tx, traceEquipe(structure.id, action, droit, { type: 'invitation', id }, { role: corps.role, renouvelee }), 'succes', null);
    const invitation = { id, email: corps.email, role: corps.role, structureId: structure.id, creeLe: maintenant, expireLe };
    return { invitation: vueInvitation(invitation, maintenant), renouvelee };
  });
}

/** Cancels a pending invitation: its link stops working at once. */
export async function annulerInvitation(ctx: ServiceContext, structureId: string, invitationId: string): Promise<void> {
  const action = ACTIONS_EQUIPE.annulerInvitation;
  const { structure, droit } = await structureGeree(ctx, structureId, action);
  const maintenant = ctx.now();
  await ctx.db.transaction(async (tx) => {
    const annulee = await repository.annulerInvitation(tx, structure.id, invitationId, maintenant);
    if (!annulee) throw equipeErrors.invitationIntrouvable();
    await journaliserAcces(ctx, tx, traceEquipe(structure.id, action, droit, { type: 'invitation', id: annulee.id }, { role: annulee.role }), 'succes', null);
  });
}

type Changement = { details: Record<string, unknown> } | 'inchange';

const cibleDe = (membre: repository.MembreRow | null): CibleAudit | null =>
  membre ? { type: 'adhesion', id: membre.adhesionId, utilisateurId: membre.utilisateurId } : null;

/**
 * The frame of every change to a membership, on the protected-access path: the structure's
 * managers are locked before the membership (always in this order, so that two changes never
 * wait on each other), the policy decides on what was read under lock, the change and its audit
 * event commit together (none for a change that changes nothing), and a refusal is recorded and
 * committed before it is thrown. Answers the team as it now stands.
 */
async function modifierAdhesion(
  ctx: ServiceContext,
  structureId: string,
  adhesionId: string,
  action: string,
  decider: (structure: FaitsStructure, membre: repository.MembreRow, responsablesActifs: number) => DecisionEquipe,
  appliquer: (tx: Transaction, membre: repository.MembreRow, maintenant: Date) => Promise<Changement>,
): Promise<EquipeReponse> {
  const { structure, cible } = await accesProtege(ctx, {
    async charger(tx) {
      const faits = await chargerEquipe(ctx, tx, structureId);
      if (!faits.structure || !faits.droit) return { ...faits, membre: null, responsablesActifs: 0 };
      const responsablesActifs = await repository.lockResponsablesActifs(tx, faits.structure.id);
      const membre = await repository.findMembrePourMaj(tx, faits.structure.id, adhesionId);
      if (!membre) throw equipeErrors.adhesionIntrouvable();
      return { ...faits, membre, responsablesActifs };
    },
    decider: (f): DecisionEquipe => (f.structure && f.membre ? decider(f.structure, f.membre, f.responsablesActifs) : refuser('hors_perimetre')),
    // A refusal names the right the actor has on the team (none outside its scope).
    tracer: (f, decision) => traceEquipe(structureId, action, decision.autorise ? decision.droit : f.droit, cibleDe(f.membre)),
    refus: (raison) => ERREURS_REFUS[raison](),
    succes: 'travail',
    async agir(tx, f, { droit }) {
      const changement = await appliquer(tx, f.membre!, ctx.now());
      if (changement !== 'inchange')
        await journaliserAcces(ctx, tx, traceEquipe(structureId, action, droit, cibleDe(f.membre), changement.details), 'succes', null);
      return { structure: f.structure!, cible: cibleDe(f.membre) };
    },
  });
  return vueEquipe(ctx.db, await acteurAJour(ctx, cible?.utilisateurId), structure, ctx.now());
}

// An agent who changed their own membership sees the team with the rights they now have.
async function acteurAJour(ctx: ServiceContext, cibleUtilisateurId: string | undefined): Promise<Acteur> {
  const { acteur } = ctx;
  if (acteur.type !== 'agent' || acteur.utilisateurId !== cibleUtilisateurId) return acteur;
  return { ...acteur, adhesions: await identiteRepository.listAdhesionsActives(ctx.db, acteur.utilisateurId) };
}

/** Gives a member of the team another role; the audit event keeps the old and the new one. */
export function changerRole(ctx: ServiceContext, structureId: string, adhesionId: string, role: RoleEquipeContrat): Promise<EquipeReponse> {
  return modifierAdhesion(
    ctx,
    structureId,
    adhesionId,
    ACTIONS_EQUIPE.changerRole,
    (structure, membre, responsables) => peutChangerRole(ctx.acteur, structure, membre, role, responsables),
    async (tx, membre, maintenant) => {
      if (membre.role === role) return 'inchange';
      const doublon = await repository.existeAutreAdhesion(tx, { adhesionId: membre.adhesionId, utilisateurId: membre.utilisateurId, structureId, role });
      if (doublon) throw equipeErrors.roleDejaDetenu();
      await repository.updateAdhesion(tx, membre.adhesionId, { role, modifieLe: maintenant });
      return { details: { ancien_role: membre.role, nouveau_role: role } };
    },
  );
}

/**
 * Suspends a membership. When it was the agent's last active one, the account is suspended too
 * and every session it has is closed at once: a cookie in use stops working on its next request.
 */
export function suspendre(ctx: ServiceContext, structureId: string, adhesionId: string): Promise<EquipeReponse> {
  return modifierAdhesion(
    ctx,
    structureId,
    adhesionId,
    ACTIONS_EQUIPE.suspendre,
    (structure, membre, responsables) => peutSuspendre(ctx.acteur, structure, membre, responsables),
    async (tx, membre, maintenant) => {
      if (membre.statut === 'suspendue') return 'inchange';
      await repository.updateAdhesion(tx, membre.adhesionId, { statut: 'suspendue', modifieLe: maintenant });
      const derniere = (await repository.countAdhesionsActives(tx, membre.utilisateurId)) === 0;
      const compte = derniere
        ? await suspendreCompte(tx, membre.utilisateurId, 'derniere_adhesion_suspendue', {
            par: ctx.acteur,
            horodatage: maintenant,
            ip: ctx.ip,
            details: { structure_id: structureId, adhesion_id: membre.adhesionId },
          })
        : { suspendu: false, sessionsFermees: 0 };
      return { details: { role: membre.role, compte_suspendu: compte.suspendu, sessions_fermees: compte.sessionsFermees } };
    },
  );
}

/** Gives a suspended membership back its access, and its account if the suspension had closed it. */
export function reactiver(ctx: ServiceContext, structureId: string, adhesionId: string): Promise<EquipeReponse> {
  return modifierAdhesion(
    ctx,
    structureId,
    adhesionId,
    ACTIONS_EQUIPE.reactiver,
    (structure) => peutReactiver(ctx.acteur, structure),
    async (tx, membre, maintenant) => {
      if (membre.statut === 'active' && membre.compteStatut === 'actif') return 'inchange';
      await repository.updateAdhesion(tx, membre.adhesionId, { statut: 'active', modifieLe: maintenant });
      const compteReactive = membre.compteStatut === 'suspendu';
      if (compteReactive) await identiteRepository.updateUtilisateur(tx, membre.utilisateurId, { statut: 'actif', modifieLe: maintenant });
      return { details: { role: membre.role, compte_reactive: compteReactive } };
    },
  );
}

async function invitationValide(ctx: ServiceContext, jeton: string) {
  const invitation = await repository.findInvitationValide(ctx.db, empreinteJeton(jeton), ctx.now());
  const structure = invitation ? await findStructureResume(ctx.db, invitation.structureId) : null;
  if (!invitation || !structure) throw invitationErrors.introuvable();
  return { invitation, structure };
}

/** What the link's page shows: the structure's name, the role and the address invited, nothing else. */
export async function lireInvitation(ctx: ServiceContext, jeton: string): Promise<InvitationPublique> {
  const { invitation, structure } = await invitationValide(ctx, jeton);
  return { structure: { nom: structure.nom }, role: invitation.role, libelle_role: libelleRole(invitation.role), email: invitation.email };
}

/**
 * Accepts an invitation, once. A new address gets an agent account with the chosen password;
 * an address that already has an account must be signed in as that account, and gains the
 * membership. The person then signs in as usual.
 */
export async function accepterInvitation(
  ctx: ServiceContext,
  jeton: string,
  corps: AcceptationCorps,
  coutHachage: ParametresScrypt,
): Promise<AcceptationReponse> {
  const invitation = await invitationAcceptable(ctx, jeton);
  const compte = await identiteRepository.findUtilisateurParEmail(ctx.db, invitation.email);
  if (compte) {
    if (compte.type !== 'agent') throw invitationErrors.comptePersonne();
    if (!estConnecte(ctx.acteur) || ctx.acteur.utilisateurId !== compte.id) {
      // The account may be the one a simultaneous acceptance of this very link has just created
      // (it commits the account and the used invitation together): the link is then used up, 404.
      await invitationAcceptable(ctx, jeton);
      throw invitationErrors.connexionRequise();
    }
    await enregistrerAcceptation(ctx, jeton, async (tx) => {
      if (await repository.existeAdhesionDansStructure(tx, compte.id, invitation.structureId)) throw invitationErrors.dejaMembre();
      return { utilisateurId: compte.id, compte: 'existant' };
    });
    return { compte: 'existant', email: invitation.email };
  }

  const { prenom, nom, mot_de_passe: motDePasse } = corps;
  if (!prenom || !nom || !motDePasse) {
    throw invitationErrors.champsManquants([
      ...(prenom ? [] : [{ chemin: 'prenom', message: 'saisissez votre prénom' }]),
      ...(nom ? [] : [{ chemin: 'nom', message: 'saisissez votre nom' }]),
      ...(motDePasse ? [] : [{ chemin: 'mot_de_passe', message: 'choisissez un mot de passe' }]),
    ]);
  }
  const problemes = evaluerMotDePasse(motDePasse, { administrateur: false, contexte: [invitation.email, nom, prenom] });
  if (problemes.length > 0) throw invitationErrors.motDePasseRefuse(problemes);
  // Hashed before the transaction: scrypt takes a few hundred milliseconds, locks must not.
  const hash = await hacherMotDePasse(motDePasse, { coutReduitHorsProduction: coutHachage });
  await enregistrerAcceptation(ctx, jeton, async (tx) => {
    const utilisateurId = await identiteRepository.insertUtilisateur(tx, { type: 'agent', email: invitation.email, prenom, nom, motDePasse: hash });
    return { utilisateurId, compte: 'cree' };
  });
  return { compte: 'cree', email: invitation.email };
}

/**
 * An acceptance of the invitation on the protected-access path: the link is loaded (locked when
 * the acceptance is written), the rule decides, and a link already used, cancelled or expired is
 * recorded as a refusal, committed, then answered 404 like an unknown one (which has nothing to
 * record). Without `ecrire`, only the link is checked: the password is hashed before the
 * transaction that writes, scrypt taking a few hundred milliseconds that locks must not.
 */
function accesInvitation<T>(
  ctx: ServiceContext,
  jeton: string,
  ecrire: (tx: Transaction, invitation: repository.InvitationEtat, maintenant: Date) => Promise<T>,
  options: { verrouiller: boolean },
): Promise<T> {
  const maintenant = ctx.now();
  return accesProtege(ctx, {
    async charger(tx) {
      const invitation = await repository.findInvitationParJeton(tx, empreinteJeton(jeton), options);
      if (!invitation) throw invitationErrors.introuvable();
      return invitation;
    },
    decider: (invitation) => peutAccepterInvitation(invitation, maintenant),
    tracer: (invitation) => ({
      action: ACTIONS_EQUIPE.accepterInvitation,
      cibleType: 'invitation',
      cibleId: invitation.id,
      cibleStructureId: invitation.structureId,
      details: { role: invitation.role },
    }),
    refus: () => invitationErrors.introuvable(),
    // The acceptance records its own event, whose actor is the account that gains the membership.
    succes: 'travail',
    agir: (tx, invitation) => ecrire(tx, invitation, maintenant),
  });
}

/** The invitation, if its link can still be accepted; a refusal is recorded and answered 404. */
const invitationAcceptable = (ctx: ServiceContext, jeton: string) => accesInvitation(ctx, jeton, async (_tx, invitation) => invitation, { verrouiller: false });

/**
 * Uses the invitation up, then adds the membership to the account `preparer` gives, with its
 * audit event, in one transaction: of two acceptances at once, the second finds it used (404).
 */
async function enregistrerAcceptation(
  ctx: ServiceContext,
  jeton: string,
  preparer: (tx: Transaction) => Promise<{ utilisateurId: string; compte: AcceptationReponse['compte'] }>,
): Promise<void> {
  await accesInvitation(
    ctx,
    jeton,
    async (tx, invitation, maintenant) => {
      await repository.marquerAcceptee(tx, invitation.id, maintenant);
      const { utilisateurId, compte } = await preparer(tx);
      const adhesionId = await identiteRepository.insertAdhesion(tx, { utilisateurId, role: invitation.role, structureId: invitation.structureId });
      await recordAudit(
        tx,
        {
          action: ACTIONS_EQUIPE.accepterInvitation,
          resultat: 'succes',
          acteurUtilisateurId: utilisateurId,
          cibleType: 'adhesion',
          cibleId: adhesionId,
          cibleStructureId: invitation.structureId,
          cibleUtilisateurId: utilisateurId,
          ip: ctx.ip,
          details: { invitation_id: invitation.id, role: invitation.role, compte },
        },
        maintenant,
      );
    },
    { verrouiller: true },
  );
}
