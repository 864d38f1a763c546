import type { ServiceContext } from '../../../shared/contexte.js';
import { type Decision, autoriser } from '../../../shared/decision.js';
import { pagination } from '../../../shared/pagination.js';
import { accesProtege, journaliserAcces, recordAudit } from '../../audit/index.js';
import { type Acteur, type Destinataire, type Role, listerDestinatairesStructure } from '../../identite/index.js';
import { type DecisionGestion, type FaitsStructure, type FondementGestion, peutGererStructure, perimetreGestion } from '../gestion/gestion.policy.js';
import { findStructure } from '../gestion/gestion.repository.js';
import type { SignalementCorps, SignalementsQuery } from './signalement.contract.js';
import { signalementErrors } from './signalement.errors.js';
import * as repository from './signalement.repository.js';

const OBJETS = { structure: 'la structure', site: 'le lieu', service: 'le service' } as const;
const ROLES = { structure_manager: 'responsable de cette structure', coordinator: 'coordinateur ou coordinatrice de son territoire' } as const;

const acteurId = (ctx: ServiceContext) => (ctx.acteur.type === 'agent' || ctx.acteur.type === 'personne' ? ctx.acteur.utilisateurId : null);

function courrielSignalement(
  d: Destinataire,
  s: { structureId: string; structureNom: string; objet: string; message: string; courriel: string | null },
  urlPublique: string,
) {
  return {
    a: d.email,
    sujet: `Erreur signalée dans l’annuaire : ${s.structureNom}`,
    texte: [
      `Bonjour ${d.prenom},`,
      '',
      `Quelqu’un signale une erreur sur ${s.objet} dans la fiche de « ${s.structureNom} » de l’annuaire :`,
      '',
      ...s.message.split('\n').map((ligne) => `> ${ligne}`),
      '',
      s.courriel ? `Vous pouvez lui répondre à l’adresse ${s.courriel}.` : 'La personne n’a pas laissé d’adresse pour lui répondre.',
      '',
      'Pour corriger la fiche, puis marquer le signalement comme traité :',
      `${urlPublique}/gestion/structures/${s.structureId}?onglet=signalements`,
      '',
      `Vous recevez ce message en tant que ${ROLES[d.role]}.`,
    ].join('\n'),
  };
}

/**
 * Anyone reports an error on a public record. The report is stored (the management view lists
 * it), then mailed to the structure's managers and its region's coordinators. Mail goes out after
 * the commit: a mail server down must not lose the report, which stays listed for them.
 */
export async function signalerErreur(
  ctx: ServiceContext,
  corps: SignalementCorps,
  options: { urlPublique: string },
): Promise<{ id: string; /** Mail that could not be handed over, for the logs. */ echecsEnvoi: unknown[] }> {
  const maintenant = ctx.now();
  const { id, cible } = await ctx.db.transaction(async (tx) => {
    const trouvee = await repository.findCible(tx, corps.structure_id, corps.objet.type, corps.objet.id);
    if (!trouvee) throw signalementErrors.ficheIntrouvable();
    const cree = await repository.insertSignalement(tx, {
      regionCode: trouvee.region_distribution,
      structureId: corps.structure_id,
      objetType: corps.objet.type,
      objetId: corps.objet.id,
      message: corps.message,
      courriel: corps.courriel ?? null,
      creeLe: maintenant,
    });
    await recordAudit(
      tx,
      {
        action: 'annuaire.signalement.creer',
        resultat: 'succes',
        acteurUtilisateurId: acteurId(ctx),
        cibleType: 'signalement',
        cibleId: cree,
        cibleStructureId: corps.structure_id,
        ip: ctx.ip,
        details: { objet: corps.objet, courriel_laisse: corps.courriel !== undefined },
      },
      maintenant,
    );
    return { id: cree, cible: trouvee };
  });
  const destinataires = await listerDestinatairesStructure(ctx.db, cible.structure_id, cible.region_code);
  const contenu = {
    structureId: cible.structure_id,
    structureNom: cible.structure_nom,
    objet: corps.objet.type === 'structure' ? OBJETS.structure : `${OBJETS[corps.objet.type]} « ${cible.objet_nom} »`,
    message: corps.message,
    courriel: corps.courriel ?? null,
  };
  // One message each: recipients do not see each other's addresses.
  const envois = await Promise.allSettled(destinataires.map((d) => ctx.messagerie.envoyer(courrielSignalement(d, contenu, options.urlPublique))));
  return { id, echecsEnvoi: envois.flatMap((e) => (e.status === 'rejected' ? [e.reason] : [])) };
}

/**
 * Who lists the error reports: on one structure, the rule of the managed record (a structure out
 * of reach is refused); on all of them, anyone the route let in, the list being cut to their
 * perimeter ('perimetre').
 */
type DecisionListe = Decision<{ fondement: FondementGestion | 'perimetre'; role: Role | null; structureId: string | null }, 'hors_perimetre'>;

function peutListerSignalements(acteur: Acteur, structure: FaitsStructure | null): DecisionListe {
  return structure ? peutGererStructure(acteur, structure) : autoriser({ fondement: 'perimetre', role: null, structureId: null });
}

/** Reports on the structures the agent manages (or on one of them), newest first. */
export async function listerSignalements(ctx: ServiceContext, query: SignalementsQuery) {
  // The reporters' addresses are personal data: who listed them, and who was refused, is in the trail.
  const lignes = await accesProtege(ctx, {
    async charger(tx) {
      if (!query.structure_id) return null;
      const structure = await findStructure(tx, query.structure_id);
      // An unknown structure is answered as one out of reach, with nothing to record.
      if (!structure) throw signalementErrors.signalementIntrouvable();
      return { id: structure.id, regionCode: structure.region_code };
    },
    decider: (structure) => peutListerSignalements(ctx.acteur, structure),
    tracer: (_structure, decision) => ({
      action: 'annuaire.signalement.lire',
      cibleType: 'signalement',
      cibleStructureId: query.structure_id ?? null,
      ...(decision.autorise ? { acteurRole: decision.role, acteurStructureId: decision.structureId } : {}),
    }),
    refus: () => signalementErrors.signalementIntrouvable(),
    agir: (tx) =>
      repository.listSignalements(tx, {
        perimetre: perimetreGestion(ctx.acteur),
        structureId: query.structure_id ?? null,
        statut: query.statut,
        limite: query.par_page,
        decalage: (query.page - 1) * query.par_page,
      }),
    // The reports whose reporter's address was read; ids only.
    completer: (lues) => ({ details: { signalements: lues.filter((l) => l.courriel !== null).map((l) => l.id) } }),
  });
  return {
    signalements: lignes.map((l) => ({
      id: l.id,
      structure: { id: l.structure_id, nom: l.structure_nom },
      objet: { type: l.objet_type, id: l.objet_id, nom: l.objet_nom },
      message: l.message,
      courriel: l.courriel,
      cree_le: l.cree_le,
      traite_le: l.traite_le,
    })),
    pagination: pagination(query.page, query.par_page, lignes[0]?.total ?? 0),
  };
}

/** Marks a report as handled (once); its reporter's address is erased. */
export async function traiterSignalement(ctx: ServiceContext, id: string): Promise<{ id: string; traite_le: string }> {
  const trace = (signalement: { structure_id: string }, decision: DecisionGestion) => ({
    action: 'annuaire.signalement.traiter',
    cibleType: 'signalement',
    cibleId: id,
    cibleStructureId: signalement.structure_id,
    ...(decision.autorise ? { acteurRole: decision.role, acteurStructureId: decision.structureId } : {}),
  });
  return accesProtege(ctx, {
    async charger(tx) {
      const signalement = await repository.lockSignalement(tx, id);
      if (!signalement) throw signalementErrors.signalementIntrouvable();
      return signalement;
    },
    decider: (signalement) => peutGererStructure(ctx.acteur, { id: signalement.structure_id, regionCode: signalement.region_code }),
    tracer: (signalement, decision) => trace(signalement, decision),
    refus: () => signalementErrors.signalementIntrouvable(),
    // A report already handled is answered as it stands, and changes nothing to record.
    succes: 'travail',
    async agir(tx, signalement, decision) {
      if (signalement.traite_le) return { id, traite_le: signalement.traite_le };
      const maintenant = ctx.now();
      await repository.markTraite(tx, id, maintenant, acteurId(ctx));
      await journaliserAcces(ctx, tx, trace(signalement, decision), 'succes', decision.fondement);
      return { id, traite_le: maintenant.toISOString() };
    },
  });
}
