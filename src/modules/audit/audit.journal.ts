import type { Executor } from '../../db/client.js';
import type { ServiceContext } from '../../shared/contexte.js';
import { decrireUtilisateurs } from '../identite/index.js';
import { type ReglagesVigilance, jugerLectures, lireDonneesPersonnelles } from '../vigilance/index.js';
import { accesProtege } from './audit.acces.js';
import type { AccesQuery, AccesStructureReponse, MesAccesReponse } from './audit.contract.js';
import { auditErrors } from './audit.errors.js';
import { libelleAction, libelleRaison } from './audit.libelles.js';
import { peutLireAccesStructure, personneDesAcces } from './audit.policy.js';
import type * as repository from './audit.repository.js';
import { listerAccesParPersonne, listerAccesParStructure } from './audit.service.js';

// The access journal as its readers see it. It stands above vigilance (every reading of it is
// judged there), while the trail itself (audit.service.ts) stands below: vigilance writes into it.

/** Reading an access list is itself a read of personal data (names of agents and people). */
export const ACTION_LECTURE_ACCES = 'audit.acces.lire';

type Fiches = Awaited<ReturnType<typeof decrireUtilisateurs>>;

function presenterCommun(e: repository.AccesAudit) {
  return {
    id: e.id,
    horodatage: e.horodatage,
    action: e.action,
    action_libelle: libelleAction(e.action),
    cible: { type: e.cible_type, id: e.cible_id },
    resultat: e.resultat,
    raison: e.raison,
    raison_libelle: libelleRaison(e.raison),
  };
}

function acteurDe(e: repository.AccesAudit, fiches: Fiches) {
  if (!e.acteur_utilisateur_id) return { type: 'plateforme' as const, fiche: null, structureId: null };
  const fiche = fiches.get(e.acteur_utilisateur_id) ?? null;
  // The structure the agent acted for, as recorded; else the one they work for now.
  const structureId = e.acteur_structure_id ?? fiche?.structureIds[0] ?? null;
  return { type: fiche ? fiche.type : ('inconnu' as const), fiche, structureId };
}

const acteursDe = (tx: Executor, evenements: repository.AccesAudit[]) =>
  decrireUtilisateurs(
    tx,
    evenements.flatMap((e) => (e.acteur_utilisateur_id ? [e.acteur_utilisateur_id] : [])),
  );

/**
 * The accesses to the records a structure holds, for its managers and administrators (404 for
 * anyone else, as for a structure that does not exist; the refusal is recorded). The reading is
 * recorded and judged by vigilance.
 */
export async function lireAccesDeStructure(
  ctx: ServiceContext,
  structureId: string,
  { page, par_page }: AccesQuery,
  reglages: ReglagesVigilance,
): Promise<AccesStructureReponse> {
  return accesProtege(ctx, {
    // The rule decides from the reader and the id alone.
    charger: async () => null,
    decider: () => peutLireAccesStructure(ctx.acteur, structureId),
    // A refusal is recorded against the structure: its managers see who tried to read their list.
    // A reading allowed is not, or every page viewed would push the list one row further.
    tracer: (_rien, decision) => ({
      action: ACTION_LECTURE_ACCES,
      cibleType: 'journal_acces_structure',
      cibleId: structureId,
      ...(decision.autorise ? { acteurRole: decision.role, acteurStructureId: decision.structureId } : { cibleStructureId: structureId }),
    }),
    refus: () => auditErrors.structureIntrouvable(),
    async agir(tx) {
      const liste = await listerAccesParStructure(tx, structureId, { page, parPage: par_page });
      const fiches = await acteursDe(tx, liste.evenements);
      const acces = liste.evenements.map((e) => {
        const { type, fiche, structureId: structureActeur } = acteurDe(e, fiches);
        return {
          ...presenterCommun(e),
          acteur: { type, id: e.acteur_utilisateur_id, prenom: fiche?.prenom ?? null, nom: fiche?.nom ?? null, structure_id: structureActeur },
        };
      });
      return { acces, pagination: liste.pagination };
    },
    completer: ({ acces }) => ({ details: { page, evenements: acces.length } }),
    lecture: jugerLectures(reglages),
  });
}

/** Who accessed the signed-in person's data: agents by first name and structure, never their address. */
export async function lireMesAcces(ctx: ServiceContext, { page, par_page }: AccesQuery, reglages: ReglagesVigilance): Promise<MesAccesReponse> {
  const personneId = personneDesAcces(ctx.acteur);
  if (!personneId) throw auditErrors.reserveAuxPersonnes();
  return lireDonneesPersonnelles(ctx, reglages, async (tx) => {
    const liste = await listerAccesParPersonne(tx, personneId, { page, parPage: par_page });
    const fiches = await acteursDe(tx, liste.evenements);
    const acces = liste.evenements.map((e) => {
      const { type, fiche, structureId } = acteurDe(e, fiches);
      const vous = e.acteur_utilisateur_id === personneId;
      return {
        ...presenterCommun(e),
        acteur: vous
          ? { type: 'vous' as const, prenom: null, structure_id: null }
          : { type, prenom: type === 'agent' ? (fiche?.prenom ?? null) : null, structure_id: type === 'agent' ? structureId : null },
      };
    });
    return {
      resultat: { acces, pagination: liste.pagination },
      // Not against the person (cible_utilisateur_id): their own list would fill with their visits.
      lecture: {
        action: ACTION_LECTURE_ACCES,
        acteurRole: 'personne',
        cibleType: 'journal_acces_personne',
        cibleId: personneId,
        details: { page, evenements: acces.length },
      },
    };
  });
}
