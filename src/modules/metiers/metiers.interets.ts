import type { ChampErreur } from '../../shared/erreurs.js';
import { type InteretsCorps, type InteretsReponse, type LettreRiasec, type Questionnaire, RIASEC } from './metiers.contract.js';
import type { IndexMetiers } from './metiers.memoire.js';

/** Families of occupations suggested from an interests profile. */
export const FAMILLES_SUGGEREES = 6;
export const EXEMPLES_PAR_FAMILLE = 3;

export type ScoreLettre = InteretsReponse['lettres'][number];

/**
 * Scores the answers: for each letter, the points given over the most its answered items could
 * give (0 to 1); strongest first, ties in the RIASEC order. Returns the fields in error instead
 * when an item is unknown or answered twice, a value is off the scale, or a letter has no answer.
 */
export function noterInterets(q: Questionnaire, reponses: InteretsCorps['reponses']): { lettres: ScoreLettre[] } | { champs: ChampErreur[] } {
  const items = new Map(q.items.map((i) => [i.id, i]));
  const max = Math.max(...q.echelle.map((e) => e.valeur));
  const valeurs = new Set(q.echelle.map((e) => e.valeur));
  const champs: ChampErreur[] = [];
  const vus = new Set<string>();
  const points = new Map<LettreRiasec, { total: number; n: number }>(RIASEC.map((l) => [l, { total: 0, n: 0 }]));
  reponses.forEach((r, i) => {
    const item = items.get(r.item);
    if (!item) champs.push({ chemin: `reponses.${i}.item`, message: `l’item « ${r.item} » n’existe pas dans le questionnaire ${q.version}` });
    else if (vus.has(r.item)) champs.push({ chemin: `reponses.${i}.item`, message: `l’item « ${r.item} » a déjà une réponse` });
    else if (!valeurs.has(r.valeur)) champs.push({ chemin: `reponses.${i}.valeur`, message: `valeur attendue : de 0 à ${max}` });
    else {
      const p = points.get(item.lettre)!;
      p.total += r.valeur;
      p.n += 1;
    }
    vus.add(r.item);
  });
  if (champs.length === 0) {
    const sansReponse = RIASEC.filter((l) => points.get(l)!.n === 0);
    if (sansReponse.length) {
      champs.push({ chemin: 'reponses', message: `répondez à au moins un item de chaque type d’intérêt (il en manque pour ${sansReponse.join(', ')})` });
    }
  }
  if (champs.length) return { champs };
  const noms = new Map(q.lettres.map((l) => [l.code, l.nom]));
  return {
    lettres: RIASEC.map((code) => {
      const p = points.get(code)!;
      return { code, nom: noms.get(code)!, score: Math.round((p.total / (p.n * max)) * 1000) / 1000 };
    }).sort((a, b) => b.score - a.score || RIASEC.indexOf(a.code) - RIASEC.indexOf(b.code)),
  };
}

/**
 * Professional domains whose fiches the referential codes with the person's two strongest
 * letters: a fiche weighs 2 when its major letter is the first, 1 when it is the second, one more
 * when its minor letter is the other one. Domains with the largest sum first.
 */
export function suggererFamilles(index: IndexMetiers, premiere: LettreRiasec, seconde: LettreRiasec): InteretsReponse['familles'] {
  const parDomaine = new Map<string, { poids: number; fiches: { code: string; libelle: string; riasec: string; poids: number }[] }>();
  for (const f of index.fiches.values()) {
    if (f.riasecMajeur !== premiere && f.riasecMajeur !== seconde) continue;
    const autre = f.riasecMajeur === premiere ? seconde : premiere;
    const poidsFiche = (f.riasecMajeur === premiere ? 2 : 1) + (f.riasecMineur === autre ? 1 : 0);
    const d = parDomaine.get(f.domaineCode) ?? { poids: 0, fiches: [] };
    d.poids += poidsFiche;
    d.fiches.push({ code: f.code, libelle: f.libelle, riasec: `${f.riasecMajeur}${f.riasecMineur ?? ''}`, poids: poidsFiche });
    parDomaine.set(f.domaineCode, d);
  }
  return [...parDomaine.entries()]
    .sort(([ca, a], [cb, b]) => b.poids - a.poids || ca.localeCompare(cb))
    .slice(0, FAMILLES_SUGGEREES)
    .map(([code, d]) => {
      const domaine = index.domaines.get(code);
      const gd = domaine?.grandDomaineCode ?? code.slice(0, 1);
      return {
        domaine_professionnel: { code, libelle: domaine?.libelle ?? code },
        grand_domaine: { code: gd, libelle: index.grandsDomaines.get(gd) ?? gd },
        nb_fiches: d.fiches.length,
        exemples: d.fiches
          .sort((a, b) => b.poids - a.poids || a.code.localeCompare(b.code))
          .slice(0, EXEMPLES_PAR_FAMILLE)
          .map(({ code: c, libelle, riasec }) => ({ code: c, libelle, riasec })),
      };
    });
}
