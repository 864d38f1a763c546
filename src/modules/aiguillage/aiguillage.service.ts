import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import canonicalize from 'canonicalize';
import type { Db, Executor } from '../../db/client.js';
import { projectRoot } from '../../shared/config.js';
import type { ServiceContext } from '../../shared/contexte.js';
import { type GroupeDeReseaux, type LieuProche, findNearestReceptionSites } from '../annuaire/index.js';
import { type TraceAcces, accesProtege, echec, recordAudit } from '../audit/index.js';
import { publierEvenement } from '../evenements/index.js';
import { decrireUtilisateurs } from '../identite/index.js';
import { requireCommune } from '../territoire/index.js';
import {
  type ContenuRegles,
  type CreationRegles,
  type Profil,
  type ProfilDeTest,
  type ReponseAiguillage,
  type Situation,
  contenuReglesSchema,
  type fichierReglesSchema,
  profilsDeTestFichier,
} from './aiguillage.contract.js';
import { aiguillageErrors } from './aiguillage.errors.js';
import { versSiteProche } from './aiguillage.lieux.js';
import { type DecisionRegles, peutGererRegles, peutLireRegles } from './aiguillage.policy.js';
import { type JeuCompile, ageLe, compilerRegles, evaluer, jourEnFrance, memeDecision, resumerDecision } from './aiguillage.regles.js';
import * as repository from './aiguillage.repository.js';
import type { VersionRow } from './aiguillage.repository.js';

/** How many nearest places are shown for each operator and orientation. */
export const LIEUX_PAR_OPERATEUR = 3;
const AGE_MAX = 120;

// ── Compiled rule sets ─────────────────────────────────────────────────────

// Compiled sets by version id. A stored version never changes (a change is a new version), so an
// entry never goes stale: what changes is which version is in force, and every request asks the
// database (one indexed query) which one answers for its region today. A publication in another
// process, or a date of effect reached at midnight, is therefore seen by the next request, with
// no message between processes and no expiry to tune. The bound only keeps memory flat.
const CACHE_MAX = 64;
const compiles = new Map<string, JeuCompile>();

async function jeuCompile(db: Executor, id: string): Promise<JeuCompile> {
  const trouve = compiles.get(id);
  if (trouve) return trouve;
  const jeu = compilerRegles(contenuReglesSchema.parse(await repository.findContenu(db, id)));
  if (compiles.size >= CACHE_MAX) compiles.delete(compiles.keys().next().value!);
  compiles.set(id, jeu);
  return jeu;
}

const empreinteDe = (contenu: ContenuRegles) => createHash('sha256').update(canonicalize(contenu)!).digest('hex');

// ── Public routing ─────────────────────────────────────────────────────────

function ageDuProfil(profil: Profil, jour: string): number {
  if (profil.age !== undefined) return profil.age;
  const age = ageLe(profil.date_naissance!, jour);
  if (age < 0) throw aiguillageErrors.dateNaissanceFuture();
  if (age > AGE_MAX) throw aiguillageErrors.dateNaissanceTropAncienne();
  return age;
}

/** Among the versions in force (one per perimeter), the one that answers for a region: its own, else the national one. */
function enVigueurPour(enVigueur: VersionRow[], regionCode: string | null): VersionRow | undefined {
  return enVigueur.find((v) => v.region_code === regionCode) ?? enVigueur.find((v) => v.region_code === null);
}

const nomDeVersion = (v: VersionRow) => `${v.region_code ? `region-${v.region_code}` : 'national'}/${v.version}`;

/**
 * The routing decision for a profile, without the places: the commune, the rule set in force in
 * its region today, the competent operators with their reasons and the other orientations.
 */
export async function decider(ctx: Pick<ServiceContext, 'db' | 'now'>, profil: Profil) {
  const maintenant = ctx.now();
  const jour = jourEnFrance(maintenant);
  const age = ageDuProfil(profil, jour);
  // Both reads at once (in parallel on a PostgreSQL pool): the versions in force are few.
  const [commune, enVigueur] = await Promise.all([requireCommune(ctx, profil.commune, 'commune'), repository.listEnVigueur(ctx.db, jour)]);
  const version = enVigueurPour(enVigueur, commune.region.code);
  if (!version) throw aiguillageErrors.reglesAbsentes();
  const jeu = await jeuCompile(ctx.db, version.id);
  const decision = evaluer(jeu, {
    age,
    situation: profil.situation,
    cadre: profil.cadre,
    niveau_diplome: profil.niveau_diplome,
    handicap_reconnu: profil.handicap_reconnu,
    emploi_menace_sante: profil.emploi_menace_sante,
  });
  return { decision, commune, version, maintenant };
}

/**
 * Routes a person from a short profile: the competent operators with the reasons, the one that
 * fits best, the nearest places of each, the other orientations. Computed, never stored: nothing
 * of the profile is written anywhere (no audit event, no log of the body).
 */
export async function aiguiller(ctx: Pick<ServiceContext, 'db' | 'now'>, profil: Profil): Promise<ReponseAiguillage> {
  return (await repondre(ctx, profil)).reponse;
}

/**
 * The public routing: the answer of `aiguiller`, counted by an anonymous domain event
 * (aiguillage.repondu) that holds what was decided and where, and nothing else of the profile
 * than the person's situation: no age, no date of birth, no health or disability fact.
 */
export async function repondreAuProfil(ctx: Pick<ServiceContext, 'db' | 'now'>, profil: Profil): Promise<ReponseAiguillage> {
  const { reponse, departementCode, maintenant } = await repondre(ctx, profil);
  await ctx.db.transaction((tx) =>
    publierEvenement(tx, {
      type: 'aiguillage.repondu',
      regionCode: reponse.commune.region_code,
      agregatId: reponse.regles.id,
      structureId: null,
      survenuLe: maintenant,
      donnees: { ...codesDeLaReponse(reponse, profil.situation), departement_code: departementCode },
    }),
  );
  return reponse;
}

/** The codes of an answer that a domain event carries: what was decided for which public, and where. */
export function codesDeLaReponse(reponse: ReponseAiguillage, situation: Situation) {
  return {
    version_regles: reponse.version_regles,
    commune_code: reponse.commune.code,
    situation,
    operateurs: reponse.operateurs.map((o) => o.type),
    operateur_recommande: reponse.operateurs.find((o) => o.recommande)?.type ?? null,
    autres_orientations: reponse.autres_orientations.map((o) => o.code),
  };
}

async function repondre(ctx: Pick<ServiceContext, 'db' | 'now'>, profil: Profil) {
  const { decision, commune, version, maintenant } = await decider(ctx, profil);
  const groupes: GroupeDeReseaux[] = [
    ...decision.operateurs.map((o) => ({ cle: o.type, operateurCep: o.type })),
    ...decision.autres_orientations.map((o) => ({ cle: `orientation:${o.code}`, reseaux: o.reseaux_annuaire })),
  ];
  const position = commune.latitude !== null && commune.longitude !== null ? { latitude: commune.latitude, longitude: commune.longitude } : null;
  const lieux = position ? await findNearestReceptionSites(ctx.db, position, groupes, LIEUX_PAR_OPERATEUR) : new Map<string, LieuProche[]>();
  const sitesDe = (cle: string) => (lieux.get(cle) ?? []).map((l) => versSiteProche(l, maintenant));

  const reponse: ReponseAiguillage = {
    operateurs: decision.operateurs.map((o) => ({ ...o, sites: sitesDe(o.type) })),
    autres_orientations: decision.autres_orientations.map(({ reseaux_annuaire: _reseaux, ...o }) => ({ ...o, sites: sitesDe(`orientation:${o.code}`) })),
    version_regles: nomDeVersion(version),
    regles: { id: version.id, region_code: version.region_code, date_effet: version.date_effet },
    commune: { code: commune.code, nom: commune.nom, region_code: commune.region.code },
  };
  return { reponse, departementCode: commune.departement.code, maintenant };
}

// ── Rule sets, for coordinators ────────────────────────────────────────────

const agentDe = (ctx: ServiceContext) => (ctx.acteur.type === 'agent' ? ctx.acteur.utilisateurId : null);

/** What the trail says of an access to a rule set: the version (when there is one), its region, the role acted in. */
function traceRegles(
  action: string,
  decision: DecisionRegles,
  cible: { id: string | null; regionCode: string | null; version?: string },
  details = {},
): TraceAcces {
  return {
    action,
    acteurRole: decision.autorise ? decision.role : null,
    cibleType: 'regles_aiguillage',
    cibleId: cible.id,
    details: { region_code: cible.regionCode, ...(cible.version ? { version: cible.version } : {}), ...details },
  };
}

async function versionVue(db: Executor, v: VersionRow, jour: string) {
  const enVigueur = enVigueurPour(await repository.listEnVigueur(db, jour), v.region_code);
  // A regional version is in force only as its region's own, never through the national fallback.
  return { ...v, en_vigueur: enVigueur?.id === v.id };
}

/**
 * Loads a version the actor may read, auditing the access (refusals included, committed before
 * the 404 that answers them exactly like a missing version; a missing one has nothing to record).
 */
function versionLisible(ctx: ServiceContext, id: string, action: string, details: Record<string, unknown> = {}) {
  return accesProtege(ctx, {
    async charger(tx) {
      const version = await repository.findVersion(tx, id);
      if (!version) throw aiguillageErrors.reglesIntrouvables();
      return version;
    },
    decider: (version) => peutLireRegles(ctx.acteur, { regionCode: version.region_code }),
    tracer: (version, decision) => traceRegles(action, decision, { id, regionCode: version.region_code, version: version.version }, details),
    refus: () => aiguillageErrors.reglesIntrouvables(),
    agir: async (_tx, version) => version,
  });
}

/** The versions of a region and the national ones, each saying whether it is the one in force. */
export async function listerVersions(ctx: ServiceContext, regionCode: string) {
  const jour = jourEnFrance(ctx.now());
  return accesProtege(ctx, {
    charger: async () => null,
    decider: () => peutLireRegles(ctx.acteur, { regionCode }),
    tracer: (_rien, decision) => traceRegles('aiguillage.regles.lister', decision, { id: null, regionCode }),
    refus: () => aiguillageErrors.reglesIntrouvables(),
    async agir(tx) {
      const [versions, enVigueurs] = [await repository.listVersions(tx, regionCode), await repository.listEnVigueur(tx, jour)];
      const enVigueur = enVigueurPour(enVigueurs, regionCode);
      const nationale = enVigueurPour(enVigueurs, null);
      // The national version in force is marked too: it is the reference a Region compares with.
      return { region_code: regionCode, versions: versions.map((v) => ({ ...v, en_vigueur: v.id === enVigueur?.id || v.id === nationale?.id })) };
    },
  });
}

/** A version with its content and whether it is in force. */
async function detailDe(ctx: ServiceContext, version: VersionRow) {
  const contenu = contenuReglesSchema.parse(await repository.findContenu(ctx.db, version.id));
  return { ...(await versionVue(ctx.db, version, jourEnFrance(ctx.now()))), contenu };
}

export async function lireVersion(ctx: ServiceContext, id: string) {
  return detailDe(ctx, await versionLisible(ctx, id, 'aiguillage.regles.consulter'));
}

async function nomDeLAuteur(ctx: ServiceContext): Promise<string> {
  const id = agentDe(ctx);
  const fiche = id ? (await decrireUtilisateurs(ctx.db, [id])).get(id) : undefined;
  return fiche ? `${fiche.prenom} ${fiche.nom}`.trim() : 'Trajectoires';
}

/** Stores a new version as a draft: validated (by the route's schema), never in force until published. */
export async function deposerVersion(ctx: ServiceContext, depot: CreationRegles) {
  const auteur = await nomDeLAuteur(ctx);
  const cible = { id: null, regionCode: depot.region_code, version: depot.version };
  const id = await accesProtege(ctx, {
    charger: async () => null,
    decider: () => peutGererRegles(ctx.acteur, { regionCode: depot.region_code }),
    tracer: (_rien, decision) => traceRegles('aiguillage.regles.deposer', decision, cible),
    refus: () => aiguillageErrors.perimetreRefuse(depot.region_code),
    async agir(tx) {
      const cree = await repository.insertVersion(tx, {
        regionCode: depot.region_code,
        version: depot.version,
        dateEffet: depot.date_effet,
        auteur,
        auteurUtilisateurId: agentDe(ctx),
        contenu: depot.contenu,
        empreinte: empreinteDe(depot.contenu),
        statut: 'brouillon',
        le: ctx.now(),
      });
      return cree ?? echec('version_existante', aiguillageErrors.versionExistante(depot.version));
    },
    completer: (cree) => ({ cibleId: cree }),
  });
  return detailDe(ctx, (await repository.findVersion(ctx.db, id))!);
}

/** Publishes a draft: from its date of effect, it answers for its perimeter. */
export async function publierVersion(ctx: ServiceContext, id: string) {
  await accesProtege(ctx, {
    async charger(tx) {
      // Locked: two publications of one draft queue up, the second finds it published.
      const version = await repository.findVersion(tx, id, { verrouiller: true });
      if (!version) throw aiguillageErrors.reglesIntrouvables();
      return version;
    },
    decider: (version) => peutGererRegles(ctx.acteur, { regionCode: version.region_code }),
    tracer: (version, decision) => traceRegles('aiguillage.regles.publier', decision, { id, regionCode: version.region_code, version: version.version }),
    // The national default is visible to every coordinator: refused as such; anything else is hidden.
    refus: (_raison, version) =>
      peutLireRegles(ctx.acteur, { regionCode: version.region_code }).autorise
        ? aiguillageErrors.perimetreRefuse(version.region_code)
        : aiguillageErrors.reglesIntrouvables(),
    async agir(tx, version) {
      if (version.statut === 'publie') return echec('deja_publiee', aiguillageErrors.dejaPubliee());
      await repository.publishVersion(tx, id, ctx.now());
      return version;
    },
  });
  return detailDe(ctx, (await repository.findVersion(ctx.db, id))!);
}

let profilsCharges: Promise<ProfilDeTest[]> | undefined;

/** The shipped table of test profiles (data/aiguillage/profils-de-test.json), read once. */
export function profilsDeTest(): Promise<ProfilDeTest[]> {
  profilsCharges ??= readFile(path.join(projectRoot, 'data', 'aiguillage', 'profils-de-test.json'), 'utf8').then((t) =>
    profilsDeTestFichier.parse(JSON.parse(t)),
  );
  return profilsCharges;
}

/** Runs a version on every test profile: what it answers beside what the table expects. */
export async function essayerVersion(ctx: ServiceContext, id: string) {
  const version = await versionLisible(ctx, id, 'aiguillage.regles.essayer');
  const [jeu, profils] = await Promise.all([jeuCompile(ctx.db, id), profilsDeTest()]);
  const resultats = profils.map((p) => {
    const obtenu = resumerDecision(evaluer(jeu, p.faits));
    return { id: p.id, description: p.description, faits: p.faits, attendu: p.attendu, obtenu, reussi: memeDecision(obtenu, p.attendu) };
  });
  return {
    regles: await versionVue(ctx.db, version, jourEnFrance(ctx.now())),
    reussis: resultats.filter((r) => r.reussi).length,
    echoues: resultats.filter((r) => !r.reussi).length,
    profils: resultats,
  };
}

/** The answers of two versions on every test profile, and which ones differ. */
export async function comparerVersions(ctx: ServiceContext, deId: string, aId: string) {
  const de = await versionLisible(ctx, deId, 'aiguillage.regles.comparer', { avec: aId });
  const a = await versionLisible(ctx, aId, 'aiguillage.regles.comparer', { avec: deId });
  const [jeuDe, jeuA, profils] = await Promise.all([jeuCompile(ctx.db, deId), jeuCompile(ctx.db, aId), profilsDeTest()]);
  const resultats = profils.map((p) => {
    const avant = resumerDecision(evaluer(jeuDe, p.faits));
    const apres = resumerDecision(evaluer(jeuA, p.faits));
    return { id: p.id, description: p.description, faits: p.faits, de: avant, a: apres, identique: memeDecision(avant, apres) };
  });
  const jour = jourEnFrance(ctx.now());
  return {
    de: await versionVue(ctx.db, de, jour),
    a: await versionVue(ctx.db, a, jour),
    differences: resultats.filter((r) => !r.identique).length,
    profils: resultats,
  };
}

// ── The national default, loaded at start ──────────────────────────────────

export type FichierRegles = ReturnType<typeof fichierReglesSchema.parse>;

/**
 * Stores the national rule file as a published national version, once: a file whose version is
 * already stored with the same content changes nothing; the same version with another content is
 * refused (a published version is never rewritten: give the file a new version).
 */
export async function installerReglesNationales(db: Db, fichier: FichierRegles, le: Date): Promise<'installee' | 'deja_installee'> {
  const empreinte = empreinteDe(fichier.contenu);
  return db.transaction(async (tx) => {
    const existante = await repository.findByVersion(tx, null, fichier.version);
    if (existante) {
      if (existante.empreinte === empreinte) return 'deja_installee';
      throw new Error(
        `Règles nationales d’aiguillage : la version « ${fichier.version} » est déjà enregistrée avec un autre contenu. ` +
          'Une version publiée ne change plus : donnez une nouvelle version au fichier data/aiguillage/regles-nationales.json.',
      );
    }
    const id = (await repository.insertVersion(tx, {
      regionCode: null,
      version: fichier.version,
      dateEffet: fichier.date_effet,
      auteur: fichier.auteur,
      auteurUtilisateurId: null,
      contenu: fichier.contenu,
      empreinte,
      statut: 'publie',
      le,
    }))!;
    await recordAudit(
      tx,
      {
        action: 'aiguillage.regles.installer',
        resultat: 'succes',
        cibleType: 'regles_aiguillage',
        cibleId: id,
        raison: 'chargement des règles nationales par défaut au démarrage',
        details: { region_code: null, version: fichier.version },
      },
      le,
    );
    return 'installee';
  });
}
