import type { Executor, Transaction } from '../../db/client.js';
import type { ServiceContext } from '../../shared/contexte.js';
import { refuser } from '../../shared/decision.js';
import { findStructureResume } from '../annuaire/index.js';
import { accesProtege, acteurDe, echec, journaliserAcces } from '../audit/index.js';
import { publierEvenement } from '../evenements/index.js';
import { type Role, decrireUtilisateurs, estConnecte } from '../identite/index.js';
import { type ConsentementSaisie, type ConsentementVue, texteConsentement } from './consentement.contract.js';
import { consentementErrors } from './consentement.errors.js';
import { type ConsentementActif, type DecisionRevocation, peutRevoquer, porteePermise } from './consentement.policy.js';
import * as repository from './consentement.repository.js';
import type { ConsentementActifRow, ConsentementRow } from './consentement.repository.js';

function versActif(c: ConsentementActifRow): ConsentementActif {
  return {
    id: c.id,
    portee: c.portee,
    destinataire: c.destinataireType === 'structure' ? { type: 'structure', structureId: c.destinataireStructureId! } : { type: 'reseau' },
  };
}

/** The person's consents in force, read in the caller's transaction: a withdrawal counts from the next request. */
export async function activeConsentsOf(db: Executor, regionCode: string, personneId: string): Promise<ConsentementActif[]> {
  return (await repository.findActifs(db, [{ regionCode, personneId }])).map(versActif);
}

/** The consents in force of several people at once (a page of a list), by person id. */
export async function activeConsentsOfMany(
  db: Executor,
  personnes: readonly { regionCode: string; personneId: string }[],
): Promise<Map<string, ConsentementActif[]>> {
  const parPersonne = new Map<string, ConsentementActif[]>(personnes.map((p) => [p.personneId, []]));
  for (const c of await repository.findActifs(db, personnes)) parPersonne.get(c.personneId)?.push(versActif(c));
  return parPersonne;
}

/** The SQL subquery of the people who share something with these structures: see repository.personnesPartageantAvec. */
export const personnesPartageantAvec = repository.personnesPartageantAvec;

const acteurUtilisateurId = (ctx: ServiceContext) => (estConnecte(ctx.acteur) ? ctx.acteur.utilisateurId : null);

export interface DemandeConsentement {
  regionCode: string;
  personneId: string;
  /** The person's account, when they have one: they see the events on their consents. */
  personneUtilisateurId: string | null;
  /** The structure that holds the file: it collects the consent. */
  detentrice: { id: string; nom: string };
  /** The role the agent collects it in. */
  role: Role;
  saisie: ConsentementSaisie;
  /** Where the consent sits in the request body ('' at its root), for the fields an error names. */
  chemin: string;
}

const champ = (chemin: string, nom: string) => (chemin ? `${chemin}.${nom}` : nom);

/**
 * Records a consent collected by an agent of the holding structure, in the caller's transaction,
 * with its audit event and its domain event (consentement.accorde). The caller has checked that the agent's structure holds the file. The
 * text read to the person is built here and stored word for word.
 */
export async function accorderConsentement(ctx: ServiceContext, tx: Transaction, demande: DemandeConsentement): Promise<string> {
  const { saisie, detentrice, chemin } = demande;
  if (!porteePermise(saisie.portee, saisie.destinataire, detentrice.id)) throw consentementErrors.sensiblesHorsDetentrice(champ(chemin, 'portee'));
  const destinataire = await destinataireDe(tx, demande);
  const utilisateurId = acteurUtilisateurId(ctx);
  if (!utilisateurId) throw new Error('Un consentement est recueilli par un agent connecté.');
  const maintenant = ctx.now();
  const ligne = {
    regionCode: demande.regionCode,
    personneId: demande.personneId,
    personneUtilisateurId: demande.personneUtilisateurId,
    portee: saisie.portee,
    destinataireType: saisie.destinataire.type,
    destinataireStructureId: saisie.destinataire.type === 'structure' ? saisie.destinataire.structure_id : null,
    finalite: saisie.finalite,
    finalitePrecision: saisie.finalite_precision,
    modeRecueil: saisie.mode_recueil,
    texte: texteConsentement({
      portee: saisie.portee,
      detentrice: detentrice.nom,
      destinataire,
      finalite: saisie.finalite,
      finalitePrecision: saisie.finalite_precision,
    }),
    recueilliLe: maintenant,
    recueilliParUtilisateurId: utilisateurId,
    recueilliParStructureId: detentrice.id,
  };
  const id = await repository.insertConsentement(tx, ligne);
  // Written with the path's own writer, in the transaction of the access that collects the consent.
  await journaliserAcces(
    ctx,
    tx,
    {
      action: 'consentement.recueillir',
      acteurStructureId: detentrice.id,
      acteurRole: demande.role,
      cibleType: 'consentement',
      cibleId: id,
      cibleStructureId: detentrice.id,
      cibleUtilisateurId: demande.personneUtilisateurId,
      details: {
        personne_id: demande.personneId,
        portee: saisie.portee,
        destinataire: saisie.destinataire,
        finalite: saisie.finalite,
        mode_recueil: saisie.mode_recueil,
      },
    },
    'succes',
    null,
  );
  await publierEvenement(tx, {
    type: 'consentement.accorde',
    regionCode: demande.regionCode,
    agregatId: id,
    structureId: detentrice.id,
    survenuLe: maintenant,
    donnees: { ...codesDuConsentement(ligne), mode_recueil: ligne.modeRecueil },
  });
  return id;
}

/** What a consent's events tell of it: its reach and purpose, never its text nor the precision typed. */
function codesDuConsentement(c: Pick<ConsentementRow, 'portee' | 'destinataireType' | 'destinataireStructureId' | 'finalite'>) {
  return { portee: c.portee, destinataire_type: c.destinataireType, destinataire_structure_id: c.destinataireStructureId, finalite: c.finalite };
}

async function destinataireDe(tx: Executor, { saisie, detentrice, regionCode, chemin }: DemandeConsentement) {
  const d = saisie.destinataire;
  if (d.type === 'reseau') return { type: 'reseau' as const };
  if (d.structure_id === detentrice.id) return { type: 'detentrice' as const };
  const structure = await findStructureResume(tx, d.structure_id);
  if (!structure) throw consentementErrors.destinataireInconnu(champ(chemin, 'destinataire.structure_id'));
  // Files are a Region's data (ARCHITECTURE.md, Scale): a structure of another Region would read across tenants.
  if (structure.regionCode !== regionCode) throw consentementErrors.destinataireAutreRegion(champ(chemin, 'destinataire.structure_id'));
  return { type: 'structure' as const, nom: structure.nom };
}

/** A person's consents, active and withdrawn, as the holding structure sees them. */
export async function consentementsDe(db: Executor, regionCode: string, personneId: string): Promise<ConsentementVue[]> {
  return presenter(db, await repository.listDePersonne(db, regionCode, personneId));
}

async function presenter(db: Executor, lignes: ConsentementRow[]): Promise<ConsentementVue[]> {
  const agents = await decrireUtilisateurs(
    db,
    lignes.flatMap((c) => [c.recueilliParUtilisateurId, ...(c.revoqueParUtilisateurId ? [c.revoqueParUtilisateurId] : [])]),
  );
  const structureIds = [...new Set(lignes.flatMap((c) => (c.destinataireStructureId ? [c.destinataireStructureId] : [])))];
  const structures = new Map(await Promise.all(structureIds.map(async (id) => [id, (await findStructureResume(db, id))?.nom ?? null] as const)));
  const agent = (utilisateurId: string, structureId: string) => {
    const fiche = agents.get(utilisateurId);
    return { utilisateur_id: utilisateurId, prenom: fiche?.prenom ?? null, nom: fiche?.nom ?? null, structure_id: structureId };
  };
  return lignes.map((c) => ({
    id: c.id,
    portee: c.portee,
    destinataire: {
      type: c.destinataireType,
      structure_id: c.destinataireStructureId,
      structure_nom: c.destinataireStructureId ? (structures.get(c.destinataireStructureId) ?? null) : null,
    },
    finalite: c.finalite,
    finalite_precision: c.finalitePrecision,
    mode_recueil: c.modeRecueil,
    texte: c.texte,
    recueilli_le: c.recueilliLe.toISOString(),
    recueilli_par: agent(c.recueilliParUtilisateurId, c.recueilliParStructureId),
    actif: c.revoqueLe === null,
    revoque_le: c.revoqueLe?.toISOString() ?? null,
    revoque_par: c.revoqueParUtilisateurId && c.revoqueParStructureId ? agent(c.revoqueParUtilisateurId, c.revoqueParStructureId) : null,
    motif_revocation: c.motifRevocation,
  }));
}

/**
 * Records that the person withdrew a consent, with its domain event (consentement.retire). From
 * the next request on, the structures it named no longer see what it shared (every access reads
 * the consents in force). Refusals and a second
 * withdrawal are recorded too, and answered once the transaction has committed.
 */
export async function revoquerConsentement(ctx: ServiceContext, id: string, motif: string): Promise<ConsentementVue> {
  const utilisateurId = acteurUtilisateurId(ctx);
  const maintenant = ctx.now();
  return accesProtege(ctx, {
    charger: (tx) => repository.findConsentement(tx, id),
    decider: (ligne): DecisionRevocation =>
      ligne ? peutRevoquer(ctx.acteur, { recueilliParStructureId: ligne.recueilliParStructureId }) : refuser('inexistant'),
    tracer: (ligne, decision) => ({
      action: 'consentement.revoquer',
      ...acteurDe(decision),
      cibleType: 'consentement',
      cibleId: id,
      cibleStructureId: ligne?.recueilliParStructureId ?? null,
      cibleUtilisateurId: ligne?.personneUtilisateurId ?? null,
      // A withdrawal names no basis in the trail; the reason typed stays on the consent, not here.
      ...(decision.autorise ? { raison: null } : {}),
      details: ligne ? { personne_id: ligne.personneId } : {},
    }),
    refus: () => consentementErrors.introuvable(),
    async agir(tx, ligne, accord) {
      const { regionCode, recueilliParStructureId, recueilliLe } = ligne!;
      const revoque =
        ligne!.revoqueLe === null &&
        (await repository.revokeConsentement(tx, regionCode, id, {
          le: maintenant,
          parUtilisateurId: utilisateurId!,
          parStructureId: accord.structureId,
          motif,
        }));
      if (!revoque) return echec('deja_revoque', consentementErrors.dejaRevoque());
      await publierEvenement(tx, {
        type: 'consentement.retire',
        regionCode,
        agregatId: id,
        structureId: recueilliParStructureId,
        survenuLe: maintenant,
        donnees: { ...codesDuConsentement(ligne!), recueilli_le: recueilliLe.toISOString() },
      });
      const [vue] = await presenter(tx, [(await repository.findConsentement(tx, id))!]);
      return vue!;
    },
  });
}
