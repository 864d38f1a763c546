import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadedFingerprint } from '../../db/chargements.js';
import type { Db } from '../../db/client.js';
import { motsCorriges } from '../../db/trigrammes.js';
import type { ChampErreur } from '../../shared/erreurs.js';
import { projectRoot } from '../../shared/config.js';
import type { ServiceContext } from '../../shared/contexte.js';
import { pagination } from '../../shared/pagination.js';
import { motsDe, normaliserTexte } from '../../shared/texte.js';
import {
  type FicheMetier,
  type InteretsCorps,
  type InteretsReponse,
  type LettreRiasec,
  type Questionnaire,
  type RapprochementCorps,
  type RapprochementReponse,
  type RechercheQuery,
  type RechercheReponse,
  questionnaireSchema,
} from './metiers.contract.js';
import { metiersErrors } from './metiers.errors.js';
import { noterInterets, suggererFamilles } from './metiers.interets.js';
import { type IndexMetiers, competencesCochables, construireIndex } from './metiers.memoire.js';
import { rapprocher } from './metiers.rapprochement.js';
import { JEU_METIERS } from './metiers.referentiel.js';
import * as repository from './metiers.repository.js';

type Lecture = Pick<ServiceContext, 'db'>;

// ── In-memory index, one per loaded version ────────────────────────────────

let indexCourant: { empreinte: string; index: Promise<IndexMetiers> } | null = null;

/**
 * The referential in memory, read once per process and read again when the loaded files change
 * (their fingerprint is checked on each call: one indexed read of a one-row table).
 */
export async function indexMetiers(db: Db): Promise<IndexMetiers> {
  const empreinte = await loadedFingerprint(db, JEU_METIERS);
  if (!empreinte) throw metiersErrors.referentielAbsent();
  if (indexCourant?.empreinte !== empreinte) {
    const index = (async () => {
      const [version, lignes] = await Promise.all([repository.findVersionCourante(db), repository.readLignesIndex(db)]);
      if (!version) throw metiersErrors.referentielAbsent();
      return construireIndex({ empreinte, version, ...lignes });
    })();
    indexCourant = { empreinte, index };
    // A failed read is not kept: the next call tries again.
    index.catch(() => {
      if (indexCourant?.index === index) indexCourant = null;
    });
  }
  return indexCourant.index;
}

// ── Texts ──────────────────────────────────────────────────────────────────

/** The publisher doubles apostrophes inside the texts (d''un): shown as one. */
export const texteAffiche = (texte: string) => texte.replaceAll("''", "'");

// ── Search ─────────────────────────────────────────────────────────────────

const CODE_ROME = /^[a-z]\d{4}$/i;

/** "aide soignente" finds J1501: accents, case and hyphens ignored, each word corrected against the job titles' words. */
export async function searchMetiers(ctx: Lecture, query: RechercheQuery): Promise<RechercheReponse> {
  const saisie = query.q.trim();
  const code = CODE_ROME.test(saisie) ? saisie.toUpperCase() : null;
  const tous = motsDe(saisie);
  // Short words ("de", "a") say little and would match the start of many words: kept only when alone.
  const mots = tous.filter((m) => m.length >= 3).length ? tous.filter((m) => m.length >= 3) : tous;
  const corrections = mots.length && !code ? await motsCorriges(ctx.db, 'metiers_lexique', mots) : [];
  const formes = corrections.map((c) => [...new Set([c.saisi, ...(c.corrige ? [c.corrige] : [])])]);
  const requete = corrections.map((c) => c.corrige ?? c.saisi).join(' ') || normaliserTexte(saisie);
  const trouves = await repository.searchFiches(ctx.db, {
    mots: formes,
    requete,
    code,
    limite: query.par_page,
    decalage: (query.page - 1) * query.par_page,
  });
  return {
    resultats: trouves.map((r) => ({ code: r.code_rome, libelle: r.libelle, appellations: r.appellations ?? [] })),
    pagination: pagination(query.page, query.par_page, trouves[0]?.total ?? 0),
  };
}

// ── The fiche ──────────────────────────────────────────────────────────────

let questionnaireCharge: Promise<Questionnaire> | undefined;

/** The interests questionnaire of data/metiers/questionnaire-interets.json, read once. */
export function lireQuestionnaire(): Promise<Questionnaire> {
  questionnaireCharge ??= readFile(path.join(projectRoot, 'data', 'metiers', 'questionnaire-interets.json'), 'utf8').then((t) =>
    questionnaireSchema.parse(JSON.parse(t)),
  );
  return questionnaireCharge;
}

const COEUR: Record<string, 'principale' | 'emergente'> = { Principale: 'principale', Émergente: 'emergente' };

/** A fiche's row, or the error that says it does not exist or left the referential. */
async function requireFiche(ctx: Lecture, code: string): Promise<repository.FicheRow> {
  const fiche = await repository.findFiche(ctx.db, code);
  if (fiche) return fiche;
  const retire = await repository.findRetire(ctx.db, 'fiche', code);
  throw retire ? metiersErrors.ficheRetiree(retire) : metiersErrors.ficheIntrouvable(code);
}

function grouper<T, K>(liste: T[], cle: (t: T) => K): Map<K, T[]> {
  const groupes = new Map<K, T[]>();
  for (const t of liste) {
    const k = cle(t);
    const g = groupes.get(k);
    if (g) g.push(t);
    else groupes.set(k, [t]);
  }
  return groupes;
}

export async function readFiche(ctx: Lecture, code: string): Promise<FicheMetier> {
  const fiche = await requireFiche(ctx, code);
  const [version, textes, competences, contextes, appellations, mobilites, centres, secteurs, naf, themes, questionnaire] = await Promise.all([
    repository.findVersionCourante(ctx.db),
    repository.listTextes(ctx.db, code),
    repository.listCompetencesFiche(ctx.db, code),
    repository.listContextes(ctx.db, code),
    repository.listAppellations(ctx.db, code),
    repository.listMobilites(ctx.db, code),
    repository.listCentresInteret(ctx.db, code),
    repository.listSecteurs(ctx.db, code),
    repository.listSecteursNaf(ctx.db, code),
    repository.listThemes(ctx.db, code),
    lireQuestionnaire(),
  ]);
  if (!version) throw metiersErrors.referentielAbsent();
  const noms = new Map(questionnaire.lettres.map((l) => [l.code as string, l.nom]));
  const riasec = (lettre: string | null) => (lettre && noms.has(lettre) ? { code: lettre as LettreRiasec, nom: noms.get(lettre)! } : null);
  const vue = (c: repository.CompetenceFicheRow) => ({ code: c.code, libelle: c.libelle, coeur_metier: (c.coeur_metier && COEUR[c.coeur_metier]) || null });
  const parRubrique = grouper(competences, (c) => c.rubrique_code);
  return {
    code: fiche.code_rome,
    libelle: fiche.libelle,
    version,
    grand_domaine: { code: fiche.grand_domaine_code, libelle: fiche.grand_domaine_libelle },
    domaine_professionnel: { code: fiche.domaine_code, libelle: fiche.domaine_libelle },
    definition: textes.filter((t) => t.type === 'definition').map((t) => texteAffiche(t.texte)),
    acces: textes.filter((t) => t.type === 'acces_metier').map((t) => texteAffiche(t.texte)),
    riasec: { majeur: riasec(fiche.riasec_majeur), mineur: riasec(fiche.riasec_mineur) },
    emploi_reglemente: fiche.emploi_reglemente,
    emploi_cadre: fiche.emploi_cadre,
    transitions: { ecologique: fiche.transition_eco, numerique: fiche.transition_num, demographique: fiche.transition_demo },
    appellations: appellations.map((a) => ({ code: a.code, libelle: a.libelle, principale: a.classification === 'PRINCIPALE', peu_usitee: a.peu_usite })),
    competences: {
      savoir_faire: [...grouper(parRubrique.get('1') ?? [], (c) => c.categorie)].map(([categorie, liste]) => ({
        categorie,
        macro_competences: [...grouper(liste, (c) => c.macro_code ?? c.code)].map(([macro, membres]) => ({
          code: macro,
          libelle: membres[0]!.macro_libelle ?? membres[0]!.libelle,
          competences: membres.map(vue),
        })),
      })),
      savoir_etre: (parRubrique.get('2') ?? []).map(vue),
      savoirs: [...grouper(parRubrique.get('3') ?? [], (c) => c.categorie)].map(([categorie, liste]) => ({ categorie, savoirs: liste.map(vue) })),
    },
    contextes_travail: [...grouper(contextes, (c) => c.type)].map(([type, liste]) => ({
      type,
      contextes: liste.map(({ code: c, libelle }) => ({ code: c, libelle })),
    })),
    mobilites,
    centres_interet: centres,
    secteurs: secteurs.map((s) => ({
      code: s.code,
      libelle: s.libelle,
      sous_secteur: s.sous_secteur_code ? { code: s.sous_secteur_code, libelle: s.sous_secteur_libelle! } : null,
      principal: s.principal,
    })),
    secteurs_naf: naf,
    themes,
  };
}

/** A fiche's skills and knowledge to tick, core ones first. */
export async function listCompetences(ctx: Lecture, code: string) {
  const index = await indexMetiers(ctx.db);
  const fiche = index.fiches.get(code);
  if (!fiche) {
    // Says whether the code left the referential; a code the index lacks cannot be in the tables either.
    await requireFiche(ctx, code);
    throw metiersErrors.ficheIntrouvable(code);
  }
  return { code, libelle: fiche.libelle, competences: competencesCochables(index, fiche) };
}

/**
 * A fiche's label and access texts, for the other modules (routes to an occupation, labour
 * market). Undefined for a code the referential does not have.
 */
export async function findMetier(ctx: Lecture, code: string): Promise<{ code: string; libelle: string; acces: string[] } | undefined> {
  const fiche = await repository.findFiche(ctx.db, code);
  if (!fiche) return undefined;
  const textes = await repository.listTextes(ctx.db, code);
  return { code, libelle: fiche.libelle, acces: textes.filter((t) => t.type === 'acces_metier').map((t) => texteAffiche(t.texte)) };
}

// ── From skills to occupations ─────────────────────────────────────────────

/**
 * Resolves the experiences to fiches and checks every code against the loaded version (a code of
 * an earlier version is named as such), then ranks the occupations. Nothing is stored.
 */
export async function rapprocherMetiers(ctx: Lecture, corps: RapprochementCorps): Promise<RapprochementReponse> {
  const index = await indexMetiers(ctx.db);
  const champs: ChampErreur[] = [];
  const experiences: string[] = [];
  for (const [i, e] of corps.experiences.entries()) {
    const [nature, code, codeRome] =
      'appellation' in e
        ? (['appellation', e.appellation, index.appellations.get(e.appellation)?.codeRome] as const)
        : (['fiche', e.metier, index.fiches.has(e.metier) ? e.metier : undefined] as const);
    if (codeRome) {
      if (!experiences.includes(codeRome)) experiences.push(codeRome);
      continue;
    }
    const retire = await repository.findRetire(ctx.db, nature, code);
    const chemin = `experiences.${i}.${nature === 'fiche' ? 'metier' : 'appellation'}`;
    champs.push({
      chemin,
      message: retire
        ? `${nature === 'fiche' ? 'la fiche' : 'l’appellation'} ${code} « ${retire.libelle} » a été retirée du ROME à la version ${retire.retire_en}`
        : `${nature === 'fiche' ? 'aucune fiche métier' : 'aucune appellation'} n’a le code ${code}`,
    });
  }
  corps.competences.forEach((code, i) => {
    if (!index.competences.has(code)) champs.push({ chemin: `competences.${i}`, message: `aucune compétence ni connaissance n’a le code ${code}` });
  });
  if (champs.length) throw metiersErrors.codesInconnus(champs);

  const deduites = corps.competences.length === 0;
  const competences = new Set(deduites ? experiences.flatMap((c) => [...(index.fiches.get(c)?.competences.keys() ?? [])]) : corps.competences);
  return {
    version: index.version,
    competences_deduites_des_experiences: deduites,
    suggestions: rapprocher(index, { experiences, competences }, corps.limite),
  };
}

// ── Interests ──────────────────────────────────────────────────────────────

/** Scores the answers and suggests families of occupations from the RIASEC codes of the referential. Nothing is stored. */
export async function noterQuestionnaire(ctx: Lecture, corps: InteretsCorps): Promise<InteretsReponse> {
  const [questionnaire, index] = await Promise.all([lireQuestionnaire(), indexMetiers(ctx.db)]);
  const note = noterInterets(questionnaire, corps.reponses);
  if ('champs' in note) throw metiersErrors.reponsesInvalides(note.champs);
  const [premiere, seconde] = note.lettres;
  return {
    questionnaire: { version: questionnaire.version, date: questionnaire.date },
    lettres: note.lettres,
    profil: `${premiere!.code}${seconde!.code}`,
    familles: suggererFamilles(index, premiere!.code, seconde!.code),
    avertissement: questionnaire.avertissement,
  };
}
