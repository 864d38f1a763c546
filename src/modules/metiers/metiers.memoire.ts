import type { CompetenceCochable, LettreRiasec, TypeCompetence } from './metiers.contract.js';

/** A fiche as the matching sees it: its skills (core ones marked) and the close occupations it lists. */
export interface FicheIndexee {
  code: string;
  libelle: string;
  domaineCode: string;
  riasecMajeur: LettreRiasec | null;
  riasecMineur: LettreRiasec | null;
  /** Skill or knowledge code → true when the referential puts it at the core of the occupation. */
  competences: Map<string, boolean>;
  /** Sum of the weights of its skills (see poids). */
  poidsTotal: number;
  /** Target fiche → numero_ordre of the referential. */
  mobilites: Map<string, number>;
}

/** The whole referential in memory, for the matching and the interests (one per loaded version). */
export interface IndexMetiers {
  empreinte: string;
  version: { numero: number; libelle: string; date_publication: string };
  fiches: Map<string, FicheIndexee>;
  /** Job title (code OGR) → its fiche. */
  appellations: Map<string, { codeRome: string; libelle: string }>;
  competences: Map<string, { libelle: string; type: TypeCompetence }>;
  /** Skill → the fiches that list it. */
  fichesParCompetence: Map<string, string[]>;
  domaines: Map<string, { libelle: string; grandDomaineCode: string }>;
  grandsDomaines: Map<string, string>;
  /** Each fiche's skills in the order they are shown, sorted once on first use. */
  cochables: Map<string, CompetenceCochable[]>;
}

/** Core skills count double: they are what an employer looks for first. */
export const poids = (coeur: boolean) => (coeur ? 2 : 1);

export interface LignesIndex {
  empreinte: string;
  version: IndexMetiers['version'];
  fiches: { code_rome: string; libelle: string; domaine_code: string; riasec_majeur: string | null; riasec_mineur: string | null }[];
  liens: { code_rome: string; code_ogr: string; coeur: boolean }[];
  mobilites: { code_rome: string; code_rome_cible: string; numero_ordre: number }[];
  appellations: { code_ogr: string; code_rome: string; libelle: string }[];
  competences: { code_ogr: string; libelle: string; type: TypeCompetence }[];
  domaines: { code: string; libelle: string; grand_domaine_code: string }[];
  grandsDomaines: { code: string; libelle: string }[];
}

const lettre = (v: string | null) => (v && 'RIASEC'.includes(v) && v.length === 1 ? (v as LettreRiasec) : null);

export function construireIndex(l: LignesIndex): IndexMetiers {
  const fiches = new Map<string, FicheIndexee>(
    l.fiches.map((f) => [
      f.code_rome,
      {
        code: f.code_rome,
        libelle: f.libelle,
        domaineCode: f.domaine_code,
        riasecMajeur: lettre(f.riasec_majeur),
        riasecMineur: lettre(f.riasec_mineur),
        competences: new Map(),
        poidsTotal: 0,
        mobilites: new Map(),
      },
    ]),
  );
  const fichesParCompetence = new Map<string, string[]>();
  for (const lien of l.liens) {
    const fiche = fiches.get(lien.code_rome);
    if (!fiche) continue;
    fiche.competences.set(lien.code_ogr, lien.coeur);
    fiche.poidsTotal += poids(lien.coeur);
    const liste = fichesParCompetence.get(lien.code_ogr);
    if (liste) liste.push(lien.code_rome);
    else fichesParCompetence.set(lien.code_ogr, [lien.code_rome]);
  }
  for (const m of l.mobilites) fiches.get(m.code_rome)?.mobilites.set(m.code_rome_cible, m.numero_ordre);
  return {
    empreinte: l.empreinte,
    version: l.version,
    fiches,
    appellations: new Map(l.appellations.map((a) => [a.code_ogr, { codeRome: a.code_rome, libelle: a.libelle }])),
    competences: new Map(l.competences.map((c) => [c.code_ogr, { libelle: c.libelle, type: c.type }])),
    fichesParCompetence,
    domaines: new Map(l.domaines.map((d) => [d.code, { libelle: d.libelle, grandDomaineCode: d.grand_domaine_code }])),
    grandsDomaines: new Map(l.grandsDomaines.map((g) => [g.code, g.libelle])),
    cochables: new Map(),
  };
}

const ORDRE_TYPES: Record<TypeCompetence, number> = { savoir_faire: 0, savoir_etre: 1, savoir: 2 };
// One collator for every sort: localeCompare with a locale builds one per call.
const francais = new Intl.Collator('fr');

/** A fiche's skills as a page offers them to tick: core first, then by type and label. */
export function competencesCochables(index: IndexMetiers, fiche: FicheIndexee): CompetenceCochable[] {
  const dejaTriees = index.cochables.get(fiche.code);
  if (dejaTriees) return dejaTriees;
  const liste: CompetenceCochable[] = [];
  for (const [code, coeur] of fiche.competences) {
    const c = index.competences.get(code);
    if (c) liste.push({ code, libelle: c.libelle, type: c.type, coeur_metier: coeur });
  }
  liste.sort(
    (a, b) =>
      Number(b.coeur_metier) - Number(a.coeur_metier) ||
      ORDRE_TYPES[a.type] - ORDRE_TYPES[b.type] ||
      francais.compare(a.libelle, b.libelle) ||
      a.code.localeCompare(b.code),
  );
  index.cochables.set(fiche.code, liste);
  return liste;
}
