import type { Effectif, Source } from '../../api/marche-travail.js';

const entier = new Intl.NumberFormat('fr-FR');
const pourcentage = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });
const taux = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const SECRET_STATISTIQUE = 'non publié (secret statistique)';

export const formaterEntier = (n: number) => entier.format(n);
export const formaterTaux = (t: number) => `${taux.format(t)} %`;

/** A secret count is said to be secret: showing 0 or a dash would read as "none". */
export const formaterEffectif = (e: Effectif) => (e.valeur === null ? SECRET_STATISTIQUE : entier.format(e.valeur));

/** A share is missing only when one of its counts is secret. */
export const formaterPart = (p: number | null) => (p === null ? 'non calculable (effectif secret)' : pourcentage.format(p));

/** "2025-T4" → "4e trimestre 2025". */
export function libelleTrimestre(trimestre: string): string {
  const [annee, t] = trimestre.split('-T');
  return `${t === '1' ? '1er' : `${t}e`} trimestre ${annee}`;
}

export const citerSource = (s: Source) => `${s.producteur}, ${s.libelle} (${s.licence}, fichier du ${new Date(s.date_fichier).toLocaleDateString('fr-FR')})`;
