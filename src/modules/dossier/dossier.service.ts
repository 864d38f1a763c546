import type { Executor, Transaction } from '../../db/client.js';
import { type Accord, type Decision, autoriser, refuser } from '../../shared/decision.js';
import { AppError } from '../../shared/erreurs.js';
import type { ServiceContext } from '../../shared/contexte.js';
import { pagination } from '../../shared/pagination.js';
import { type Profil, type ReponseAiguillage, aiguiller, codesDeLaReponse } from '../aiguillage/index.js';
import { findStructureResume } from '../annuaire/index.js';
import { type TraceAcces, accesProtege, acteurDe, echec, journaliserAcces } from '../audit/index.js';
import {
  type ConsentementActif,
  type ConsentementSaisie,
  type ConsentementVue,
  ROLES_ACCUEIL,
  accorderConsentement,
  activeConsentsOf,
  activeConsentsOfMany,
  consentementsDe,
  personnesPartageantAvec,
  roleAccueilDans,
} from '../consentement/index.js';
import { publierEvenement } from '../evenements/index.js';
import { type Role, decrireUtilisateurs, estConnecte, structuresDe } from '../identite/index.js';
import { type ReglagesVigilance, jugerLectures, lireDonneesPersonnelles } from '../vigilance/index.js';
import type { ChoixSaisie, DossierVue, DossiersQuery, DossiersReponse, ModificationDossier, OuvertureDossier } from './dossier.contract.js';
import { dossierErrors } from './dossier.errors.js';
import { type DecisionDossier, type RefusDossier, aiguillageVisible, dossierScope, peutLireDossier, peutModifierDossier } from './dossier.policy.js';
import * as repository from './dossier.repository.js';
import type { DossierRow, FaitsDossierRow } from './dossier.repository.js';

const utilisateurDe = (ctx: ServiceContext) => (estConnecte(ctx.acteur) ? ctx.acteur.utilisateurId : null);

// ── Audit ──────────────────────────────────────────────────────────────────

/**
 * What the trail says of an access to a file: the file (and its holder, its person's account), or
 * only the id asked for when there is none; the acting structure and the consents it rests on.
 */
function traceDossier(action: string, id: string, charge: Charge | null, decision: DecisionDossier, details: Record<string, unknown> = {}): TraceAcces {
  return {
    action,
    ...acteurDe(decision),
    cibleType: 'dossier',
    cibleId: id,
    // The holder's managers see in their access list every attempt on the files it holds.
    cibleStructureId: charge?.faits.detentriceId ?? null,
    cibleUtilisateurId: charge?.faits.personneUtilisateurId ?? null,
    details: { ...(decision.autorise && decision.consentementIds.length ? { consentements: decision.consentementIds } : {}), ...details },
  };
}

// ── Loading and showing a file ─────────────────────────────────────────────

interface Charge {
  faits: FaitsDossierRow;
  consentements: ConsentementActif[];
}

/** The file's facts and its person's consents in force, read in the caller's transaction. */
async function charger(tx: Executor, id: string): Promise<Charge | null> {
  const faits = await repository.findFaits(tx, id);
  if (!faits) return null;
  return { faits, consentements: await activeConsentsOf(tx, faits.regionCode, faits.personneId) };
}

function decider(ctx: ServiceContext, charge: Charge | null, regle: typeof peutLireDossier): DecisionDossier {
  return charge ? regle(ctx.acteur, { detentriceId: charge.faits.detentriceId, consentements: charge.consentements }) : refuser('inexistant');
}

/** The entry of the answer the person chose (an operator or another orientation), if it is one. */
function entreeDeLaReponse(reponse: ReponseAiguillage, code: string) {
  return reponse.operateurs.find((o) => o.type === code) ?? reponse.autres_orientations.find((o) => o.code === code) ?? null;
}

/** Checks the choice against the answer the person was given: an entry of it, and one of its places. */
function choixDansReponse(reponse: ReponseAiguillage, choix: ChoixSaisie) {
  const entree = entreeDeLaReponse(reponse, choix.operateur);
  if (!entree) throw dossierErrors.choixHorsReponse();
  if (choix.site_id !== null && !entree.sites.some((s) => s.id === choix.site_id)) throw dossierErrors.lieuHorsReponse();
  return { choixOperateur: choix.operateur, choixSiteId: choix.site_id, choixNote: choix.note };
}

function choixVue(d: DossierRow['dossier']): NonNullable<DossierVue['orientation']>['choix'] {
  if (!d.choixOperateur) return null;
  const entree = entreeDeLaReponse(d.aiguillage, d.choixOperateur);
  const site = entree?.sites.find((s) => s.id === d.choixSiteId);
  return {
    operateur: d.choixOperateur,
    libelle: entree?.libelle ?? d.choixOperateur,
    site: site ? { id: site.id, nom: site.nom, structure: site.structure } : null,
    note: d.choixNote,
  };
}

const nomDeStructure = async (db: Executor, id: string) => (await findStructureResume(db, id))?.nom ?? null;

/** The file as this decision lets its reader see it: each part not covered is null. */
async function vueDe(tx: Executor, faits: FaitsDossierRow, decision: Accord<DecisionDossier>): Promise<DossierVue> {
  const ligne = (await repository.findDossier(tx, faits.regionCode, faits.id))!;
  const { dossier: d, personne: p } = ligne;
  const detentrice = decision.fondement === 'detentrice';
  const [agents, nomDetentrice, consentements] = await Promise.all([
    decrireUtilisateurs(tx, [d.referentId]),
    nomDeStructure(tx, d.detentriceId),
    detentrice ? consentementsDe(tx, faits.regionCode, faits.personneId) : Promise.resolve<ConsentementVue[] | null>(null),
  ]);
  const referent = agents.get(d.referentId);
  const parties = new Set(decision.parties);
  // Sensitive facts are stored only when the person declared one (and consented): see ouvrirDossier.
  const sensible = d.handicapReconnu !== null;
  return {
    id: d.id,
    version: d.version,
    niveau_cep: 1,
    phase: d.phase,
    detentrice: { id: d.detentriceId, nom: nomDetentrice },
    referent: { id: d.referentId, prenom: referent?.prenom ?? null, nom: referent?.nom ?? null },
    cree_le: d.creeLe.toISOString(),
    modifie_le: d.modifieLe.toISOString(),
    acces: { fondement: decision.fondement, parties: decision.parties, modifier: detentrice, gerer_consentements: detentrice },
    personne: parties.has('identite')
      ? { prenom: p.prenom, nom: p.nom, commune: { code: p.communeCode, nom: p.communeNom }, telephone: p.telephone, courriel: p.courriel }
      : null,
    situation: parties.has('situation') ? { situation: d.situation, cadre: d.cadre, niveau_diplome: d.niveauDiplome } : null,
    donnees_sensibles:
      parties.has('donnees_sensibles') && sensible
        ? { handicap_reconnu: d.handicapReconnu!, emploi_menace_sante: d.emploiMenaceSante!, note: d.noteSensible }
        : null,
    orientation: parties.has('orientation')
      ? { version_regles: d.versionRegles, aiguillage: aiguillageVisible(decision, sensible) ? d.aiguillage : null, choix: choixVue(d) }
      : null,
    consentements,
  };
}

// ── Opening a file ─────────────────────────────────────────────────────────

/** The parts the holder's consent must cover for the file to be opened at all. */
const PARTIES_OUVERTURE = ['identite', 'situation', 'orientation'] as const;

const pourLaDetentrice = (c: ConsentementSaisie, detentriceId: string) => c.destinataire.type === 'structure' && c.destinataire.structure_id === detentriceId;

/** Which sensitive field the profile or the note fills, if any: the path an error names. */
function champSensible(saisie: OuvertureDossier): string | null {
  if (saisie.profil.handicap_reconnu) return 'profil.handicap_reconnu';
  if (saisie.profil.emploi_menace_sante) return 'profil.emploi_menace_sante';
  return saisie.note_sensible !== null ? 'note_sensible' : null;
}

/** The routing errors name the fields of the profile, which sits under `profil` here. */
async function aiguillerLeProfil(ctx: Pick<ServiceContext, 'db' | 'now'>, profil: Profil): Promise<ReponseAiguillage> {
  try {
    return await aiguiller(ctx, profil);
  } catch (e) {
    if (e instanceof AppError && e.champs)
      throw new AppError(
        e.code,
        e.statusCode,
        e.message,
        e.champs.map((c) => ({ ...c, chemin: `profil.${c.chemin}` })),
      );
    throw e;
  }
}

/** The structure that will hold the file, named or the agent's only one, and the agent's role there. */
type DecisionOuverture = Decision<{ fondement: 'detentrice'; structureId: string; role: Role }, 'hors_perimetre'>;

function detentriceDemandee(ctx: ServiceContext, saisie: OuvertureDossier): { id: string; role: Role | null } {
  const siennes = [...new Set(structuresDe(ctx.acteur, ROLES_ACCUEIL))];
  const id = saisie.structure_id ?? (siennes.length === 1 ? siennes[0]! : null);
  if (!id) throw dossierErrors.structureAPreciser();
  return { id, role: roleAccueilDans(ctx.acteur, id) };
}

/**
 * Opens a CEP level-1 file for a person received by the agent, for a structure it receives for
 * (403 otherwise, the refusal recorded against that structure): the routing is run again here on
 * the profile (an answer sent by the browser is not trusted), then the person, the file, each
 * consent and the audit events are written in one transaction: all or nothing.
 * The file opens only with the person's consent to the holding structure keeping it; health and
 * disability facts are kept only with their consent to sensitive data, and only when declared.
 */
export async function ouvrirDossier(ctx: ServiceContext, saisie: OuvertureDossier): Promise<DossierVue> {
  return accesProtege(ctx, {
    charger: async () => detentriceDemandee(ctx, saisie),
    decider: ({ id, role }): DecisionOuverture => (role ? autoriser({ fondement: 'detentrice', structureId: id, role }) : refuser('hors_perimetre')),
    tracer: ({ id }, decision) => ({
      action: 'dossier.creer',
      acteurStructureId: decision.autorise ? id : null,
      acteurRole: decision.autorise ? decision.role : null,
      cibleType: 'dossier',
      cibleStructureId: id,
    }),
    refus: () => dossierErrors.structureRefusee(),
    // The file's event is written with its id, before the consents' own events.
    succes: 'travail',
    agir: (tx, _demande, accord) => ouvrir(ctx, tx, saisie, accord),
  });
}

async function ouvrir(ctx: ServiceContext, tx: Transaction, saisie: OuvertureDossier, accord: Accord<DecisionOuverture>): Promise<DossierVue> {
  const structure = await findStructureResume(tx, accord.structureId);
  if (!structure?.regionCode) throw dossierErrors.structureSansRegion();
  const detentrice = { id: accord.structureId, nom: structure.nom, regionCode: structure.regionCode, role: accord.role };
  const aLaDetentrice = saisie.consentements.filter((c) => pourLaDetentrice(c, detentrice.id));
  if (!PARTIES_OUVERTURE.every((p) => aLaDetentrice.some((c) => c.portee.includes(p)))) throw dossierErrors.consentementDetentriceManquant();
  const champ = champSensible(saisie);
  if (champ && !aLaDetentrice.some((c) => c.portee.includes('donnees_sensibles'))) throw dossierErrors.consentementSensibleManquant(champ);

  // Inside the transaction: PGlite runs one at a time, a query beside it would wait forever.
  const reponse = await aiguillerLeProfil({ db: tx, now: ctx.now }, saisie.profil);
  const choix = saisie.choix ? choixDansReponse(reponse, saisie.choix) : null;
  const phase = choix ? 'orientation' : 'accueil';
  const referentId = utilisateurDe(ctx)!;
  const maintenant = ctx.now();
  const personneId = await repository.insertPersonne(tx, {
    regionCode: detentrice.regionCode,
    prenom: saisie.personne.prenom,
    nom: saisie.personne.nom,
    communeCode: reponse.commune.code,
    communeNom: reponse.commune.nom,
    telephone: saisie.personne.telephone,
    courriel: saisie.personne.courriel,
    creeLe: maintenant,
  });
  const id = await repository.insertDossier(tx, {
    regionCode: detentrice.regionCode,
    personneId,
    detentriceId: detentrice.id,
    referentId,
    phase,
    situation: saisie.profil.situation,
    cadre: saisie.profil.cadre,
    niveauDiplome: saisie.profil.niveau_diplome,
    ...(champ
      ? { handicapReconnu: saisie.profil.handicap_reconnu, emploiMenaceSante: saisie.profil.emploi_menace_sante, noteSensible: saisie.note_sensible }
      : {}),
    aiguillage: reponse,
    versionRegles: reponse.version_regles,
    ...choix,
    creeLe: maintenant,
    modifieLe: maintenant,
  });
  const faits: FaitsDossierRow = { regionCode: detentrice.regionCode, id, personneId, detentriceId: detentrice.id, personneUtilisateurId: null };
  const ecriture: Accord<DecisionDossier> = {
    autorise: true,
    fondement: 'detentrice',
    structureId: detentrice.id,
    role: detentrice.role,
    parties: [],
    consentementIds: [],
  };
  await journaliserAcces(
    ctx,
    tx,
    traceDossier('dossier.creer', id, { faits, consentements: [] }, ecriture, {
      personne_id: personneId,
      version_regles: reponse.version_regles,
      choix: choix?.choixOperateur ?? null,
      consentements: saisie.consentements.length,
    }),
    'succes',
    ecriture.fondement,
  );
  await publierEvenement(tx, {
    type: 'dossier.ouvert',
    regionCode: detentrice.regionCode,
    agregatId: id,
    structureId: detentrice.id,
    survenuLe: maintenant,
    donnees: {
      niveau_cep: 1,
      phase,
      ...codesDeLaReponse(reponse, saisie.profil.situation),
      choix_operateur: choix?.choixOperateur ?? null,
      consentements: saisie.consentements.length,
    },
  });
  for (const [rang, consentement] of saisie.consentements.entries()) {
    await accorderConsentement(ctx, tx, {
      regionCode: detentrice.regionCode,
      personneId,
      personneUtilisateurId: null,
      detentrice,
      role: detentrice.role,
      saisie: consentement,
      chemin: `consentements.${rang}`,
    });
  }
  const decision = peutLireDossier(ctx.acteur, { detentriceId: detentrice.id, consentements: await activeConsentsOf(tx, detentrice.regionCode, personneId) });
  if (!decision.autorise) throw new Error('L’agent qui ouvre un dossier pour sa structure doit pouvoir le lire.');
  return vueDe(tx, faits, decision);
}

// ── Reading ────────────────────────────────────────────────────────────────

/**
 * One file, as the reader may see it; the read is recorded (with the consents it rests on) and
 * judged by vigilance. A file the reader may not see answers exactly like a missing one, and the
 * attempt is recorded against the holding structure before the refusal is thrown.
 */
export async function lireDossier(ctx: ServiceContext, id: string, reglages: ReglagesVigilance): Promise<DossierVue> {
  return accesProtege(ctx, {
    charger: (tx) => charger(tx, id),
    decider: (charge) => decider(ctx, charge, peutLireDossier),
    tracer: (charge, decision) => traceDossier('dossier.lire', id, charge, decision, decision.autorise ? { parties: decision.parties } : {}),
    refus: () => dossierErrors.introuvable(),
    agir: (tx, charge, accord) => vueDe(tx, charge!.faits, accord),
    lecture: jugerLectures(reglages),
  });
}

/**
 * A page of the files the agent may see: held by its structures or shared with them by an active
 * consent. The database applies the policy's condition (dossierScope); each row then shows what
 * the policy lets this reader see of it. The page is one read of personal data, recorded with
 * the ids of the files it shows.
 */
export async function listerDossiers(ctx: ServiceContext, { page, par_page }: DossiersQuery, reglages: ReglagesVigilance): Promise<DossiersReponse> {
  return lireDonneesPersonnelles(ctx, reglages, async (tx) => {
    const { lignes, total } = await repository.listDossiers(tx, dossierScope(ctx.acteur, personnesPartageantAvec), par_page, (page - 1) * par_page);
    const consentements = await activeConsentsOfMany(tx, lignes);
    const [agents, structures] = await Promise.all([
      decrireUtilisateurs(
        tx,
        lignes.map((l) => l.referentId),
      ),
      Promise.all([...new Set(lignes.map((l) => l.detentriceId))].map(async (id) => [id, await nomDeStructure(tx, id)] as const)).then((n) => new Map(n)),
    ]);
    const dossiers = lignes.flatMap((l) => {
      const decision = peutLireDossier(ctx.acteur, { detentriceId: l.detentriceId, consentements: consentements.get(l.personneId) ?? [] });
      // A consent withdrawn between the page's query and this one: the row shows nothing.
      if (!decision.autorise) return [];
      const parties = new Set(decision.parties);
      const referent = agents.get(l.referentId);
      return [
        {
          id: l.id,
          phase: l.phase,
          detentrice: { id: l.detentriceId, nom: structures.get(l.detentriceId) ?? null },
          referent: { id: l.referentId, prenom: referent?.prenom ?? null, nom: referent?.nom ?? null },
          modifie_le: l.modifieLe.toISOString(),
          fondement: decision.fondement,
          personne: parties.has('identite') ? { prenom: l.prenom, nom: l.nom, commune: l.communeNom } : null,
          choix: parties.has('orientation') && l.choixOperateur ? { operateur: l.choixOperateur, libelle: l.choixLibelle ?? l.choixOperateur } : null,
        },
      ];
    });
    const seule = [...new Set(structuresDe(ctx.acteur, ROLES_ACCUEIL))];
    return {
      resultat: { dossiers, pagination: pagination(page, par_page, total) },
      lecture: {
        action: 'dossier.lister',
        // Acting for its only structure; an agent of several reads them all at once.
        acteurStructureId: seule.length === 1 ? seule[0]! : null,
        acteurRole: seule.length === 1 ? roleAccueilDans(ctx.acteur, seule[0]!) : null,
        cibleType: 'dossier',
        details: { page, dossiers: dossiers.map((d) => d.id) },
      },
    };
  });
}

// ── Changing ───────────────────────────────────────────────────────────────

const erreurDeRefus: Record<RefusDossier, () => AppError> = {
  inexistant: dossierErrors.introuvable,
  hors_perimetre: dossierErrors.introuvable,
  lecture_seule: dossierErrors.lectureSeule,
};

/**
 * Records the person's choice (or clears it) on a file the agent's structure holds, if the file
 * is still at the version the agent read (412 otherwise: no lost update). Refusals and stale
 * writes are recorded, then answered once the transaction has committed.
 */
export async function modifierDossier(ctx: ServiceContext, id: string, saisie: ModificationDossier): Promise<DossierVue> {
  const details = { version_lue: saisie.version, choix: saisie.choix?.operateur ?? null };
  return accesProtege(ctx, {
    charger: (tx) => charger(tx, id),
    decider: (charge) => decider(ctx, charge, peutModifierDossier),
    tracer: (charge, decision) => traceDossier('dossier.modifier', id, charge, decision, decision.autorise ? details : {}),
    refus: (raison) => erreurDeRefus[raison](),
    async agir(tx, charge, accord) {
      const { faits } = charge!;
      const choix = saisie.choix ? choixDansReponse((await repository.findAiguillage(tx, faits.regionCode, id))!, saisie.choix) : null;
      const version = await repository.updateChoix(tx, faits.regionCode, id, saisie.version, {
        choixOperateur: choix?.choixOperateur ?? null,
        choixSiteId: choix?.choixSiteId ?? null,
        choixNote: choix?.choixNote ?? null,
        phase: choix ? 'orientation' : 'accueil',
        modifieLe: ctx.now(),
      });
      if (version === null) return echec('version_perimee', dossierErrors.versionPerimee());
      return vueDe(tx, faits, accord);
    },
    completer: (vue) => ({ details: { version: vue.version } }),
  });
}

/**
 * Records a new consent of the person whose file the agent's structure holds (to share a part
 * of it with another structure, or to keep sensitive data). A structure the file is shared with
 * cannot: 403; anyone else gets the answer of a missing file. Refusals are recorded.
 */
export async function ajouterConsentement(ctx: ServiceContext, id: string, saisie: ConsentementSaisie): Promise<ConsentementVue> {
  return accesProtege(ctx, {
    charger: (tx) => charger(tx, id),
    decider: (charge) => decider(ctx, charge, peutModifierDossier),
    tracer: (charge, decision) => traceDossier('consentement.recueillir', id, charge, decision),
    refus: (raison) => erreurDeRefus[raison](),
    // The consent's own event, written by accorderConsentement, is the success's.
    succes: 'travail',
    async agir(tx, charge, accord) {
      const { faits } = charge!;
      const consentementId = await accorderConsentement(ctx, tx, {
        regionCode: faits.regionCode,
        personneId: faits.personneId,
        personneUtilisateurId: faits.personneUtilisateurId,
        detentrice: { id: faits.detentriceId, nom: (await nomDeStructure(tx, faits.detentriceId)) ?? '' },
        role: accord.role,
        saisie,
        chemin: '',
      });
      return (await consentementsDe(tx, faits.regionCode, faits.personneId)).find((c) => c.id === consentementId)!;
    },
  });
}
