import type { CompetenceCochable, Suggestion } from './metiers.contract.js';
import { type FicheIndexee, type IndexMetiers, competencesCochables, poids } from './metiers.memoire.js';

/** Weight of a mobilité listed by the referential in the score (the rest is the skills overlap). */
export const PART_MOBILITE = 0.15;
/** Missing skills shown for each suggestion. */
export const MANQUANTES_MONTREES = 10;

/** A person's background as the ranking reads it, once the job titles are resolved to fiches. */
export interface Parcours {
  /** The fiches of the person's experiences, in the order given. */
  experiences: string[];
  /** The skills and knowledge they say they have (codes OGR). */
  competences: ReadonlySet<string>;
}

/**
 * Share of a fiche's skills the person holds, core skills counting double (0 to 1). Holding one
 * more skill can only add to the numerator: the overlap never goes down.
 */
export function recouvrement(fiche: FicheIndexee, competences: ReadonlySet<string>): number {
  if (fiche.poidsTotal === 0) return 0;
  let acquis = 0;
  for (const [code, coeur] of fiche.competences) if (competences.has(code)) acquis += poids(coeur);
  return acquis / fiche.poidsTotal;
}

/** The closest listed mobilité towards a fiche from one of the experiences (smallest numero_ordre). */
function mobiliteVers(index: IndexMetiers, experiences: string[], cible: string): { depuis: FicheIndexee; ordre: number } | null {
  let meilleure: { depuis: FicheIndexee; ordre: number } | null = null;
  for (const code of experiences) {
    const depuis = index.fiches.get(code);
    const ordre = depuis?.mobilites.get(cible);
    if (depuis && ordre !== undefined && (!meilleure || ordre < meilleure.ordre)) meilleure = { depuis, ordre };
  }
  return meilleure;
}

const citer = (liste: CompetenceCochable[], n: number) =>
  liste
    .slice(0, n)
    .map((c) => `« ${c.libelle} »`)
    .join(', ');

/** The suggestion in words: what the person has, what the referential says of the move, what is missing. */
export function expliquer(
  fiche: FicheIndexee,
  acquises: CompetenceCochable[],
  manquantes: CompetenceCochable[],
  mobilite: { depuis: FicheIndexee; ordre: number } | null,
): string[] {
  const phrases: string[] = [];
  const total = fiche.competences.size;
  const coeurs = [...fiche.competences.values()].filter(Boolean).length;
  const coeursAcquis = acquises.filter((c) => c.coeur_metier).length;
  if (acquises.length === 0) {
    phrases.push(`Vous n’avez encore aucune des ${total} compétences et connaissances de la fiche « ${fiche.libelle} ».`);
  } else {
    phrases.push(
      `Vous avez déjà ${acquises.length} des ${total} compétences et connaissances de la fiche « ${fiche.libelle} »` +
        (coeurs > 0 ? `, dont ${coeursAcquis} des ${coeurs} du cœur du métier` : '') +
        ` : ${citer(acquises, 3)}${acquises.length > 3 ? '…' : ''}.`,
    );
  }
  if (mobilite) {
    phrases.push(
      `Le ROME cite ce métier parmi les mobilités proches de « ${mobilite.depuis.libelle} », votre expérience (rang ${mobilite.ordre} de sa liste).`,
    );
  }
  const coeursManquants = manquantes.filter((c) => c.coeur_metier);
  if (coeursManquants.length > 0) phrases.push(`Il vous manque surtout, au cœur du métier : ${citer(coeursManquants, 3)}.`);
  else if (manquantes.length > 0) phrases.push(`Il vous resterait à acquérir notamment : ${citer(manquantes, 3)}.`);
  else phrases.push('Vous avez toutes les compétences que la fiche cite.');
  return phrases;
}

/**
 * Ranks the fiches closest to a background: share of their skills already held (core ones count
 * double) plus a bonus when the referential lists the move from one of the experiences as a
 * mobilité. The person's own fiches are not suggested. Ties: listed mobilité first (by its
 * order), then code. Pure: same index and background, same answer.
 */
export function rapprocher(index: IndexMetiers, parcours: Parcours, limite: number): Suggestion[] {
  const propres = new Set(parcours.experiences);
  const acquis = new Map<string, number>();
  for (const code of parcours.competences) {
    for (const codeRome of index.fichesParCompetence.get(code) ?? []) {
      const coeur = index.fiches.get(codeRome)?.competences.get(code) === true;
      acquis.set(codeRome, (acquis.get(codeRome) ?? 0) + poids(coeur));
    }
  }
  const candidats = new Set(acquis.keys());
  for (const code of parcours.experiences) for (const cible of index.fiches.get(code)?.mobilites.keys() ?? []) candidats.add(cible);

  const classes: { fiche: FicheIndexee; score: number; mobilite: { depuis: FicheIndexee; ordre: number } | null }[] = [];
  for (const code of candidats) {
    const fiche = index.fiches.get(code);
    if (!fiche || propres.has(code)) continue;
    const part = fiche.poidsTotal ? (acquis.get(code) ?? 0) / fiche.poidsTotal : 0;
    const mobilite = mobiliteVers(index, parcours.experiences, code);
    classes.push({ fiche, score: part * (1 - PART_MOBILITE) + (mobilite ? PART_MOBILITE : 0), mobilite });
  }
  classes.sort(
    (a, b) =>
      b.score - a.score ||
      (a.mobilite?.ordre ?? Number.POSITIVE_INFINITY) - (b.mobilite?.ordre ?? Number.POSITIVE_INFINITY) ||
      a.fiche.code.localeCompare(b.fiche.code),
  );

  return classes.slice(0, limite).map(({ fiche, score, mobilite }) => {
    const toutes = competencesCochables(index, fiche);
    const acquises = toutes.filter((c) => parcours.competences.has(c.code));
    const manquantes = toutes.filter((c) => !parcours.competences.has(c.code));
    return {
      code: fiche.code,
      libelle: fiche.libelle,
      score: Math.round(score * 1000) / 1000,
      competences_acquises: acquises,
      competences_manquantes: manquantes.slice(0, MANQUANTES_MONTREES),
      nb_competences_manquantes: manquantes.length,
      mobilite: mobilite ? { depuis: { code: mobilite.depuis.code, libelle: mobilite.depuis.libelle }, ordre: mobilite.ordre } : null,
      explication: expliquer(fiche, acquises, manquantes, mobilite),
    };
  });
}
