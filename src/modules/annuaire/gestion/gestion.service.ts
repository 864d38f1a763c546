import { randomUUID } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { Executor, Transaction } from '../../../db/client.js';
import type { Accord } from '../../../shared/decision.js';
import type { ServiceContext } from '../../../shared/contexte.js';
import { pagination } from '../../../shared/pagination.js';
import { normaliserTexte } from '../../../shared/texte.js';
import { type JugeLecture, type TraceAcces, accesProtege, acteurDe, journaliserAcces } from '../../audit/index.js';
import { publierEvenement } from '../../evenements/index.js';
import { decrireUtilisateurs, detientPermission } from '../../identite/index.js';
import { findCommunes, requireCommune } from '../../territoire/index.js';
import { type ReglagesVigilance, jugerLectures } from '../../vigilance/index.js';
import type {
  ContactCreation,
  ContactModification,
  ListeStructuresQuery,
  ServiceCreation,
  ServiceModification,
  SiteCreation,
  SiteModification,
  StructureGeree,
  StructureModification,
} from './gestion.contract.js';
import { gestionErrors } from './gestion.errors.js';
import { normaliserHoraires, texteHoraires } from './gestion.horaires.js';
import { type DecisionGestion, peutGererStructure, perimetreGestion } from './gestion.policy.js';
import * as repository from './gestion.repository.js';
import type { Lignes, ObjetEnfant, StructureRow, Valeurs } from './gestion.repository.js';
import type { ChampsModifies, ObjetGere, Operation } from './gestion.tables.js';

/** Source of the places, services and contacts a structure adds itself (none of a loaded file). */
export const SOURCE_GESTION = 'trajectoires';

type Autorisation = Accord<DecisionGestion>;

/** What every write of a structure's record works with, inside its transaction. */
interface Ecriture {
  tx: Transaction;
  structure: StructureRow;
  decision: Autorisation;
  maintenant: Date;
}

/** The calendar day in France, which dates the data of an edited record. */
function jourEnFrance(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

const auteurDe = (ctx: ServiceContext) => (ctx.acteur.type === 'agent' ? ctx.acteur.utilisateurId : null);

/**
 * What the trail says of an access to a structure's record: the structure, who acts for which
 * structure in which role (the basis or the reason comes from the decision). Ids only: the
 * record's names and texts stay in the directory.
 */
function traceStructure(action: string, structureId: string, decision: DecisionGestion): TraceAcces {
  return {
    action,
    ...acteurDe(decision),
    cibleType: 'structure',
    cibleId: structureId,
    cibleStructureId: structureId,
  };
}

/**
 * Reads or writes a structure's record on the protected-access path: the structure is loaded
 * (and locked for a write: edits of one structure queue up), the policy decides, the work runs in
 * the same transaction. A refusal is audited, committed, then answered 404 like a missing
 * structure; a structure that does not exist is answered 404 with nothing to record.
 * A write records its own events (consigner: none for an edit that changes nothing); a read is
 * recorded here and judged by vigilance (the record names agents and contacts).
 */
function acceder<T>(
  ctx: ServiceContext,
  structureId: string,
  action: string,
  acces: { lecture: JugeLecture; travail: (e: Ecriture) => Promise<T> } | { lecture?: undefined; travail: (e: Ecriture) => Promise<T> },
): Promise<T> {
  return accesProtege(ctx, {
    async charger(tx) {
      const structure = await repository.findStructure(tx, structureId, { verrouiller: !acces.lecture });
      if (!structure) throw gestionErrors.structureIntrouvable();
      return structure;
    },
    decider: (structure) => peutGererStructure(ctx.acteur, { id: structure.id, regionCode: structure.region_code }),
    tracer: (_structure, decision) => traceStructure(action, structureId, decision),
    refus: () => gestionErrors.structureIntrouvable(),
    agir: (tx, structure, decision) => acces.travail({ tx, structure, decision, maintenant: ctx.now() }),
    ...(acces.lecture ? { lecture: acces.lecture } : { succes: 'travail' as const }),
  });
}

const ecrire = <T>(ctx: ServiceContext, structureId: string, action: string, travail: (e: Ecriture) => Promise<T>) =>
  acceder(ctx, structureId, action, { travail });

/** Each field whose value changes, with its value before and after (arrays and objects compared by content). */
function difference(avant: Record<string, unknown>, apres: Record<string, unknown>): ChampsModifies {
  const champs: ChampsModifies = {};
  for (const [cle, valeur] of Object.entries(apres)) {
    if (valeur === undefined) continue;
    const ancienne = avant[cle] ?? null;
    if (canonicalize(ancienne) !== canonicalize(valeur)) champs[cle] = { avant: ancienne, apres: valeur };
  }
  return champs;
}

const valeursApres = (champs: ChampsModifies) => Object.fromEntries(Object.entries(champs).map(([cle, { apres }]) => [cle, apres]));

/** The history row, the audit event and the structure's "updated on", in the write's transaction. */
async function consigner(
  ctx: ServiceContext,
  e: Ecriture,
  objet: { type: ObjetGere; id: string },
  operation: Operation,
  champs: ChampsModifies,
  action: string,
) {
  await repository.insertModification(e.tx, {
    regionCode: e.structure.region_distribution,
    structureId: e.structure.id,
    objetType: objet.type,
    objetId: objet.id,
    operation,
    champs,
    auteurUtilisateurId: auteurDe(ctx),
    auteurRole: e.decision.role,
    le: e.maintenant,
  });
  await journaliserAcces(
    ctx,
    e.tx,
    {
      ...traceStructure(action, e.structure.id, e.decision),
      cibleType: objet.type,
      cibleId: objet.id,
      // Field names only: the values are in the directory's history, the trail need not copy them.
      details: { operation, champs: Object.keys(champs) },
    },
    'succes',
    e.decision.fondement,
  );
  if (objet.type !== 'structure') await repository.touchStructure(e.tx, e.structure.id, { modifie_le: e.maintenant, date_donnees: jourEnFrance(e.maintenant) });
}

// ── Reading ────────────────────────────────────────────────────────────────

async function vueGeree(ctx: ServiceContext, db: Executor, structureId: string): Promise<StructureGeree> {
  const structure = await repository.findStructure(db, structureId);
  if (!structure) throw gestionErrors.structureIntrouvable();
  const [sites, services, contacts] = await Promise.all([
    repository.listObjets(db, 'site', structureId),
    repository.listObjets(db, 'service', structureId),
    repository.listObjets(db, 'contact', structureId),
  ]);
  return {
    id: structure.id,
    nom: structure.nom,
    siret: structure.siret,
    description: structure.description,
    telephone: structure.telephone,
    courriel: structure.courriel,
    site_web: structure.site_web,
    reseau: structure.reseau_code ? { code: structure.reseau_code, libelle: structure.reseau_libelle ?? structure.reseau_code } : null,
    region_code: structure.region_code,
    demonstration: structure.demonstration,
    source: structure.source,
    date_donnees: structure.date_donnees,
    confirme_le: structure.confirme_le,
    modifie_le: structure.modifie_le,
    version: structure.version,
    sites: sites.map(({ commune_code, commune_nom, ...site }) => ({ ...site, commune: commune_code ? { code: commune_code, nom: commune_nom ?? '' } : null })),
    services,
    contacts,
    droits: { modifier: true, lire_signalements: detientPermission(ctx.acteur, 'annuaire.signalement.lire') },
  };
}

/** A structure's record as its managers edit it: places, services, contacts, each with its version; the read is recorded. */
export async function lireStructureGeree(ctx: ServiceContext, structureId: string, reglages: ReglagesVigilance): Promise<StructureGeree> {
  return acceder(ctx, structureId, 'annuaire.structure.lire', { lecture: jugerLectures(reglages), travail: (e) => vueGeree(ctx, e.tx, structureId) });
}

/** The structures the actor may edit, by name. */
export async function listerStructuresGerees(ctx: ServiceContext, query: ListeStructuresQuery) {
  const perimetre = perimetreGestion(ctx.acteur);
  const lignes = await repository.listStructures(ctx.db, perimetre, query.q || null, query.par_page, (query.page - 1) * query.par_page);
  const communes = new Map((await findCommunes(ctx, [...new Set(lignes.flatMap((l) => (l.commune_code ? [l.commune_code] : [])))])).map((c) => [c.code, c]));
  return {
    structures: lignes.map((l) => {
      const commune = l.commune_code ? communes.get(l.commune_code) : undefined;
      return {
        id: l.id,
        nom: l.nom,
        reseau: l.reseau_code ? { code: l.reseau_code, libelle: l.reseau_libelle ?? l.reseau_code } : null,
        commune: commune ? { code: commune.code, nom: commune.nom } : null,
        demonstration: l.demonstration,
        date_donnees: l.date_donnees,
        confirme_le: l.confirme_le,
        signalements_ouverts: l.signalements_ouverts,
      };
    }),
    pagination: pagination(query.page, query.par_page, lignes[0]?.total ?? 0),
  };
}

/** Who changed what and when, newest first, with the agents' names (management view only); the read is recorded. */
export async function lireHistorique(ctx: ServiceContext, structureId: string, query: { page: number; par_page: number }, reglages: ReglagesVigilance) {
  return acceder(ctx, structureId, 'annuaire.historique.lire', {
    lecture: jugerLectures(reglages),
    async travail({ tx }) {
      const lignes = await repository.listModifications(tx, structureId, query.par_page, (query.page - 1) * query.par_page);
      const noms = await decrireUtilisateurs(
        tx,
        lignes.flatMap((l) => (l.auteur_utilisateur_id ? [l.auteur_utilisateur_id] : [])),
      );
      return {
        modifications: lignes.map((l) => {
          const nom = l.auteur_utilisateur_id ? noms.get(l.auteur_utilisateur_id) : undefined;
          return {
            id: l.id,
            objet_type: l.objet_type,
            objet_id: l.objet_id,
            operation: l.operation,
            champs: l.champs,
            le: l.le,
            auteur: l.auteur_utilisateur_id && nom ? { id: l.auteur_utilisateur_id, prenom: nom.prenom, nom: nom.nom, role: l.auteur_role } : null,
          };
        }),
        pagination: pagination(query.page, query.par_page, lignes[0]?.total ?? 0),
      };
    },
  });
}

// ── The structure itself ───────────────────────────────────────────────────

export async function modifierStructure(ctx: ServiceContext, structureId: string, saisie: StructureModification): Promise<StructureGeree> {
  return ecrire(ctx, structureId, 'annuaire.structure.modifier', async (e) => {
    if (saisie.version !== e.structure.version) throw gestionErrors.versionPerimee();
    const { version: _version, ...champs } = saisie;
    const modifies = difference(e.structure as unknown as Record<string, unknown>, champs);
    if (Object.keys(modifies).length > 0) {
      await repository.updateObjet(e.tx, 'structure', structureId, {
        ...(valeursApres(modifies) as Valeurs<'structure'>),
        modifie_le: e.maintenant,
        date_donnees: jourEnFrance(e.maintenant),
      });
      if (modifies.nom) await repository.refreshRecherche(e.tx, structureId);
      await consigner(ctx, e, { type: 'structure', id: structureId }, 'modification', modifies, 'annuaire.structure.modifier');
    }
    return vueGeree(ctx, e.tx, structureId);
  });
}

/**
 * The structure says its record is right as it stands: the public page shows since when, and the
 * domain event annuaire.structure_confirmee tells the modules that count it. Events belong to a
 * Region: a structure the directory could not place in one (no known commune) is in no Region's
 * count, and its confirmation stays in its history and the audit trail only.
 */
export async function confirmerStructure(ctx: ServiceContext, structureId: string): Promise<StructureGeree> {
  return ecrire(ctx, structureId, 'annuaire.structure.confirmer', async (e) => {
    await repository.touchStructure(e.tx, structureId, { confirme_le: e.maintenant });
    const champs = { confirme_le: { avant: e.structure.confirme_le, apres: e.maintenant.toISOString() } };
    await consigner(ctx, e, { type: 'structure', id: structureId }, 'confirmation', champs, 'annuaire.structure.confirmer');
    if (e.structure.region_code !== null) {
      await publierEvenement(e.tx, {
        type: 'annuaire.structure_confirmee',
        regionCode: e.structure.region_code,
        agregatId: structureId,
        structureId,
        survenuLe: e.maintenant,
        donnees: {
          reseau_code: e.structure.reseau_code,
          demonstration: e.structure.demonstration,
          fondement: e.decision.fondement,
          confirmee_precedemment_le: e.structure.confirme_le,
        },
      });
    }
    return vueGeree(ctx, e.tx, structureId);
  });
}

// ── Places, services, contacts ─────────────────────────────────────────────

/** What a kind of record adds to the values typed: checks, normal forms and derived columns. */
interface RegleObjet<T extends ObjetEnfant> {
  /** Values in their stored form before they are compared (hours grouped by runs of days). */
  normaliser?(valeurs: Record<string, unknown>): Record<string, unknown>;
  /** Checks the changed values and returns the columns that follow from them. */
  deriver(e: Ecriture, modifies: Record<string, unknown>, avant: Lignes[T] | null): Promise<Valeurs<T>>;
  /** Columns of a new record besides the values typed. */
  nouveau(e: Ecriture, id: string): Valeurs<T>;
}

const VOCABULAIRES_SERVICE = {
  type: 'types-de-services',
  thematiques: 'thematiques',
  publics: 'publics',
  frais: 'frais',
  modes_accueil: 'modes-accueil',
  modes_mobilisation: 'modes-mobilisation',
  mobilisable_par: 'personnes-mobilisatrices',
} as const;

async function verifierVocabulaires(e: Ecriture, valeurs: Record<string, unknown>) {
  const utilises = Object.entries(VOCABULAIRES_SERVICE).filter(([champ]) => valeurs[champ] !== undefined && valeurs[champ] !== null);
  if (utilises.length === 0) return;
  const connus = await repository.listVocabulaires(e.tx);
  for (const [champ, vocabulaire] of utilises) {
    const valeur = valeurs[champ] as string | string[];
    const permis = new Set(connus.filter((c) => c.vocabulaire === vocabulaire).map((c) => c.valeur));
    const inconnues = (Array.isArray(valeur) ? valeur : [valeur]).filter((v) => !permis.has(v));
    if (inconnues.length) throw gestionErrors.valeurInconnue(champ, inconnues);
  }
}

async function verifierLieu(e: Ecriture, valeurs: Record<string, unknown>) {
  const siteId = valeurs.site_id;
  if (typeof siteId === 'string' && !(await repository.siteAppartient(e.tx, e.structure.id, siteId))) throw gestionErrors.lieuEtranger('site_id');
}

// A place, service or contact lives in its structure's Region (migration 0017).
const communs = (e: Ecriture, id: string) => ({
  id,
  region_code: e.structure.region_distribution,
  structure_id: e.structure.id,
  demonstration: e.structure.demonstration,
});
const depuisGestion = (e: Ecriture, id: string) => ({ ...communs(e, id), source: SOURCE_GESTION, source_id: id, date_donnees: jourEnFrance(e.maintenant) });

const REGLES: { [T in ObjetEnfant]: RegleObjet<T> } = {
  site: {
    normaliser: (valeurs) => ('horaires' in valeurs ? { ...valeurs, horaires: normaliserHoraires(valeurs.horaires as never) } : valeurs),
    async deriver(e, modifies, avant) {
      const derivees: Valeurs<'site'> = {};
      if (typeof modifies.nom === 'string') derivees.nom_recherche = normaliserTexte(modifies.nom);
      if ('horaires' in modifies) derivees.horaires_texte = texteHoraires(modifies.horaires as never);
      // A new address or commune moves the point to the commune's centre until someone places it:
      // an approximate position is shown as such, a wrong precise one would not be.
      if (!avant || 'commune_code' in modifies || 'adresse' in modifies) {
        const code = (modifies.commune_code as string | undefined) ?? avant?.commune_code;
        // Inside the write's transaction: PGlite runs one at a time, a query beside it would wait forever.
        const commune = code ? await requireCommune({ db: e.tx }, code, 'commune_code') : undefined;
        Object.assign(derivees, {
          commune_nom: commune?.nom ?? null,
          departement_code: commune?.departement.code ?? null,
          latitude: commune?.latitude ?? null,
          longitude: commune?.longitude ?? null,
          position_approximative: true,
        });
      }
      return derivees;
    },
    nouveau: (e, id) => depuisGestion(e, id),
  },
  service: {
    async deriver(e, modifies, avant) {
      await verifierVocabulaires(e, modifies);
      await verifierLieu(e, modifies);
      // Once its structure has edited it, a network's general offer is the structure's own.
      return avant?.origine === 'offre_reseau' ? { origine: 'producteur' } : {};
    },
    nouveau: (e, id) => ({ ...depuisGestion(e, id), origine: e.structure.demonstration ? 'demonstration' : 'producteur' }),
  },
  contact: {
    async deriver(e, modifies) {
      await verifierLieu(e, modifies);
      return {};
    },
    nouveau: (e, id) => communs(e, id),
  },
};

const recherche = (type: ObjetEnfant) => type === 'service';

async function creerObjet<T extends ObjetEnfant>(ctx: ServiceContext, type: T, structureId: string, saisie: Record<string, unknown>): Promise<StructureGeree> {
  return ecrire(ctx, structureId, `annuaire.${type}.creer`, async (e) => {
    const regle = REGLES[type] as RegleObjet<T>;
    const valeurs = regle.normaliser ? regle.normaliser(saisie) : saisie;
    const id = randomUUID();
    const derivees = await regle.deriver(e, valeurs, null);
    await repository.insertObjet(e.tx, type, { ...regle.nouveau(e, id), ...(valeurs as Valeurs<T>), ...derivees });
    if (recherche(type)) await repository.refreshRecherche(e.tx, structureId);
    const champs = difference({}, valeurs);
    await consigner(ctx, e, { type, id }, 'creation', champs, `annuaire.${type}.creer`);
    return vueGeree(ctx, e.tx, structureId);
  });
}

async function modifierObjet<T extends ObjetEnfant>(
  ctx: ServiceContext,
  type: T,
  structureId: string,
  id: string,
  saisie: Record<string, unknown> & { version: number },
): Promise<StructureGeree> {
  return ecrire(ctx, structureId, `annuaire.${type}.modifier`, async (e) => {
    const avant = await repository.lockObjet(e.tx, type, structureId, id);
    if (!avant) throw gestionErrors.objetIntrouvable(type);
    if (avant.version !== saisie.version) throw gestionErrors.versionPerimee();
    const regle = REGLES[type] as RegleObjet<T>;
    const { version: _version, ...champs } = saisie;
    const modifies = difference(avant as unknown as Record<string, unknown>, regle.normaliser ? regle.normaliser(champs) : champs);
    if (Object.keys(modifies).length > 0) {
      const valeurs = valeursApres(modifies);
      const derivees = await regle.deriver(e, valeurs, avant);
      await repository.updateObjet(e.tx, type, id, {
        ...(valeurs as Valeurs<T>),
        ...derivees,
        ...(type === 'contact' ? {} : { date_donnees: jourEnFrance(e.maintenant) }),
      });
      if (recherche(type)) await repository.refreshRecherche(e.tx, structureId);
      const origine = (derivees as Valeurs<'service'>).origine;
      if (origine) modifies.origine = { avant: (avant as Lignes['service']).origine, apres: origine };
      await consigner(ctx, e, { type, id }, 'modification', modifies, `annuaire.${type}.modifier`);
    }
    return vueGeree(ctx, e.tx, structureId);
  });
}

async function supprimerObjet(ctx: ServiceContext, type: ObjetEnfant, structureId: string, id: string, version: number): Promise<StructureGeree> {
  return ecrire(ctx, structureId, `annuaire.${type}.supprimer`, async (e) => {
    const avant = await repository.lockObjet(e.tx, type, structureId, id);
    if (!avant) throw gestionErrors.objetIntrouvable(type);
    if (avant.version !== version) throw gestionErrors.versionPerimee();
    if (type === 'site') {
      // Deleting the place would silently detach its services and delete its contacts (foreign keys).
      const usages = await repository.countUsagesSite(e.tx, id);
      if (usages.services || usages.contacts) throw gestionErrors.lieuUtilise(usages.services, usages.contacts);
    }
    await repository.deleteObjet(e.tx, type, id);
    const { id: _id, version: _v, ...valeurs } = avant as unknown as Record<string, unknown>;
    const champs = Object.fromEntries(Object.entries(valeurs).map(([cle, v]) => [cle, { avant: v, apres: null }]));
    await consigner(ctx, e, { type, id }, 'suppression', champs, `annuaire.${type}.supprimer`);
    return vueGeree(ctx, e.tx, structureId);
  });
}

export const creerSite = (ctx: ServiceContext, structureId: string, saisie: SiteCreation) => creerObjet(ctx, 'site', structureId, saisie);
export const modifierSite = (ctx: ServiceContext, structureId: string, id: string, saisie: SiteModification) =>
  modifierObjet(ctx, 'site', structureId, id, saisie);
export const supprimerSite = (ctx: ServiceContext, structureId: string, id: string, version: number) => supprimerObjet(ctx, 'site', structureId, id, version);

export const creerService = (ctx: ServiceContext, structureId: string, saisie: ServiceCreation) => creerObjet(ctx, 'service', structureId, saisie);
export const modifierService = (ctx: ServiceContext, structureId: string, id: string, saisie: ServiceModification) =>
  modifierObjet(ctx, 'service', structureId, id, saisie);
export const supprimerService = (ctx: ServiceContext, structureId: string, id: string, version: number) =>
  supprimerObjet(ctx, 'service', structureId, id, version);

export const creerContact = (ctx: ServiceContext, structureId: string, saisie: ContactCreation) => creerObjet(ctx, 'contact', structureId, saisie);
export const modifierContact = (ctx: ServiceContext, structureId: string, id: string, saisie: ContactModification) =>
  modifierObjet(ctx, 'contact', structureId, id, saisie);
export const supprimerContact = (ctx: ServiceContext, structureId: string, id: string, version: number) =>
  supprimerObjet(ctx, 'contact', structureId, id, version);
