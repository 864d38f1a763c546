import {
  type CanalDistance,
  type Condition,
  type ContenuRegles,
  type DecisionResumee,
  type Faits,
  OPERATEURS,
  type Situation,
  type TypeOperateur,
} from './aiguillage.contract.js';

// The routing engine: pure functions of a rule set and a profile's facts. Every domain decision
// (who is competent, why, which one to recommend) is in the rule set; the code only knows the
// condition language.

type FaitsEvalues = Faits & { operateurs_competents?: number };
type Predicat = (faits: FaitsEvalues) => boolean;

export interface Raison {
  regle: string;
  texte: string;
  source: string | null;
}

/** A rule set ready to be evaluated: conditions turned into functions once, when it is loaded. */
export interface JeuCompile {
  contenu: ContenuRegles;
  regles: { id: string; operateur: TypeOperateur; raison: string; source: string; vrai: Predicat }[];
  ordres: Map<Situation, { operateur: TypeOperateur; raison: string }[]>;
  orientations: { code: string; libelle: string; raison: string; source: string | null; reseaux: string[]; vrai: Predicat }[];
}

export interface OperateurCompetent {
  type: TypeOperateur;
  libelle: string;
  raisons: Raison[];
  recommande: boolean;
  raison_recommandation: string | null;
  canaux_distance: CanalDistance[];
  a_apporter: string[];
}

export interface AutreOrientation {
  code: string;
  libelle: string;
  raisons: Raison[];
  /** Networks of the directory whose nearest places go with this orientation. */
  reseaux_annuaire: string[];
}

export interface Decision {
  /** Every competent operator, the recommended one first, then in the situation's order. */
  operateurs: OperateurCompetent[];
  autres_orientations: AutreOrientation[];
}

function compilerCondition(condition: Condition): Predicat {
  if ('tous' in condition) {
    const parties = condition.tous.map(compilerCondition);
    return (f) => parties.every((p) => p(f));
  }
  if ('un_de' in condition) {
    const parties = condition.un_de.map(compilerCondition);
    return (f) => parties.some((p) => p(f));
  }
  if ('non' in condition) {
    const partie = compilerCondition(condition.non);
    return (f) => !partie(f);
  }
  if ('dans' in condition) {
    const valeurs = new Set<string>(condition.dans);
    return (f) => valeurs.has(f.situation);
  }
  if ('egal' in condition) {
    const { fait, egal } = condition;
    return (f) => f[fait] === egal;
  }
  const { fait } = condition;
  // Bounds are inclusive (ROUTING.md: "the age bounds are inclusive").
  const min = condition.entre?.[0] ?? condition.au_moins ?? -Infinity;
  const max = condition.entre?.[1] ?? condition.au_plus ?? Infinity;
  return (f) => {
    const valeur = f[fait];
    return valeur !== undefined && valeur >= min && valeur <= max;
  };
}

/** Compiles a validated rule set (contenuReglesSchema). */
export function compilerRegles(contenu: ContenuRegles): JeuCompile {
  return {
    contenu,
    regles: contenu.regles.map((r) => ({ id: r.id, operateur: r.operateur, raison: r.raison, source: r.source, vrai: compilerCondition(r.condition) })),
    ordres: new Map(contenu.recommandation.map((p) => [p.situation, p.ordre])),
    orientations: contenu.autres_orientations.map((o) => ({
      code: o.code,
      libelle: o.libelle,
      raison: o.raison,
      source: o.source,
      reseaux: o.reseaux_annuaire,
      vrai: compilerCondition(o.condition),
    })),
  };
}

/** "Vous avez {age} ans" → "Vous avez 22 ans": the variables are the profile's facts. */
function rediger(gabarit: string, faits: FaitsEvalues): string {
  return gabarit.replace(/\{([a-z_]+)\}/g, (_, nom: string) => String(faits[nom as keyof FaitsEvalues]));
}

/**
 * Evaluates a rule set on a profile: every operator one of whose rules holds, with every reason
 * that made it competent; the first of them in the situation's order is recommended; then the
 * other orientations whose condition holds (they may read how many operators are competent).
 */
export function evaluer(jeu: JeuCompile, faits: Faits): Decision {
  const raisons = new Map<TypeOperateur, Raison[]>();
  for (const regle of jeu.regles) {
    if (!regle.vrai(faits)) continue;
    const liste = raisons.get(regle.operateur) ?? [];
    liste.push({ regle: regle.id, texte: rediger(regle.raison, faits), source: regle.source });
    raisons.set(regle.operateur, liste);
  }
  // The schema requires an order for every situation that lists every operator.
  const ordre = jeu.ordres.get(faits.situation)!;
  const operateurs = ordre
    .filter((o) => raisons.has(o.operateur))
    .map((o, rang): OperateurCompetent => {
      const description = jeu.contenu.operateurs[o.operateur];
      return {
        type: o.operateur,
        libelle: description.libelle,
        raisons: raisons.get(o.operateur)!,
        recommande: rang === 0,
        raison_recommandation: rang === 0 ? o.raison : null,
        canaux_distance: description.canaux_distance,
        a_apporter: description.a_apporter,
      };
    });
  const etendus: FaitsEvalues = { ...faits, operateurs_competents: operateurs.length };
  const autres_orientations = jeu.orientations
    .filter((o) => o.vrai(etendus))
    .map((o) => ({
      code: o.code,
      libelle: o.libelle,
      raisons: [{ regle: o.code, texte: rediger(o.raison, etendus), source: o.source }],
      reseaux_annuaire: o.reseaux,
    }));
  return { operateurs, autres_orientations };
}

/** The decision reduced to what a test profile expects; operators in the order of ROUTING.md. */
export function resumerDecision(decision: Decision): DecisionResumee {
  return {
    operateurs: OPERATEURS.filter((o) => decision.operateurs.some((c) => c.type === o)),
    recommande: decision.operateurs.find((o) => o.recommande)?.type ?? null,
    autres_orientations: decision.autres_orientations.map((o) => o.code).toSorted(),
  };
}

/** Two summaries give the same answer (operators, recommendation, other orientations). */
export function memeDecision(a: DecisionResumee, b: DecisionResumee): boolean {
  const trie = (d: DecisionResumee) => ({
    operateurs: OPERATEURS.filter((o) => d.operateurs.includes(o)),
    recommande: d.recommande,
    autres_orientations: d.autres_orientations.toSorted(),
  });
  return JSON.stringify(trie(a)) === JSON.stringify(trie(b));
}

/** Whole years between a date of birth and a day (both YYYY-MM-DD): the age on that day. */
export function ageLe(dateNaissance: string, jour: string): number {
  const [an, mois, jourMois] = dateNaissance.split('-').map(Number) as [number, number, number];
  const [anJ, moisJ, jourJ] = jour.split('-').map(Number) as [number, number, number];
  const anniversairePasse = moisJ > mois || (moisJ === mois && jourJ >= jourMois);
  return anJ - an - (anniversairePasse ? 0 : 1);
}

/** The calendar day in France (Europe/Paris) at an instant, YYYY-MM-DD: ages change at French midnight. */
export function jourEnFrance(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}
