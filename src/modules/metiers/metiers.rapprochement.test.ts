import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TypeCompetence } from './metiers.contract.js';
import { type IndexMetiers, type LignesIndex, construireIndex } from './metiers.memoire.js';
import { MANQUANTES_MONTREES, PART_MOBILITE, rapprocher, recouvrement } from './metiers.rapprochement.js';

// A small referential: three care occupations, one sales occupation, with core skills and mobilités.
const competences: { code_ogr: string; libelle: string; type: TypeCompetence }[] = [
  { code_ogr: '1', libelle: 'Aider une personne à se laver', type: 'savoir_faire' },
  { code_ogr: '2', libelle: 'Surveiller l’état de santé', type: 'savoir_faire' },
  { code_ogr: '3', libelle: 'Faire preuve d’empathie', type: 'savoir_etre' },
  { code_ogr: '4', libelle: 'Règles d’hygiène', type: 'savoir' },
  { code_ogr: '5', libelle: 'Préparer un repas', type: 'savoir_faire' },
  { code_ogr: '6', libelle: 'Encaisser un paiement', type: 'savoir_faire' },
  { code_ogr: '7', libelle: 'Conseiller un client', type: 'savoir_faire' },
  { code_ogr: '8', libelle: 'Administrer un traitement', type: 'savoir_faire' },
];
const liens: [string, string, boolean][] = [
  ['J1501', '1', true],
  ['J1501', '2', true],
  ['J1501', '3', false],
  ['J1501', '4', false],
  ['K1302', '1', true],
  ['K1302', '5', true],
  ['K1302', '3', false],
  ['K1302', '4', false],
  ['J1506', '2', true],
  ['J1506', '8', true],
  ['J1506', '4', false],
  ['D1505', '6', true],
  ['D1505', '7', false],
  ['D1505', '3', false],
];
const lignes: LignesIndex = {
  empreinte: 'essai',
  version: { numero: 60, libelle: 'essai', date_publication: '2025-09-18' },
  fiches: [
    { code_rome: 'J1501', libelle: 'Aide-soignant / Aide-soignante', domaine_code: 'J15', riasec_majeur: 'S', riasec_mineur: 'R' },
    { code_rome: 'K1302', libelle: 'Assistant / Assistante de vie aux familles', domaine_code: 'K13', riasec_majeur: 'S', riasec_mineur: null },
    { code_rome: 'J1506', libelle: 'Infirmier / Infirmière', domaine_code: 'J15', riasec_majeur: 'S', riasec_mineur: 'I' },
    { code_rome: 'D1505', libelle: 'Personnel de caisse', domaine_code: 'D15', riasec_majeur: 'C', riasec_mineur: 'E' },
  ],
  liens: liens.map(([code_rome, code_ogr, coeur]) => ({ code_rome, code_ogr, coeur })),
  mobilites: [
    { code_rome: 'J1501', code_rome_cible: 'J1506', numero_ordre: 2 },
    { code_rome: 'J1501', code_rome_cible: 'K1302', numero_ordre: 1 },
    { code_rome: 'J1501', code_rome_cible: 'D1505', numero_ordre: 3 },
  ],
  appellations: [{ code_ogr: '10891', code_rome: 'J1501', libelle: 'Aide-soignant / Aide-soignante' }],
  competences,
  domaines: [
    { code: 'J15', libelle: 'Praticiens médicaux', grand_domaine_code: 'J' },
    { code: 'K13', libelle: 'Aide à la vie quotidienne', grand_domaine_code: 'K' },
    { code: 'D15', libelle: 'Grande distribution', grand_domaine_code: 'D' },
  ],
  grandsDomaines: [
    { code: 'J', libelle: 'Santé' },
    { code: 'K', libelle: 'Services à la personne' },
    { code: 'D', libelle: 'Commerce' },
  ],
};
const index: IndexMetiers = construireIndex(lignes);
const codesCompetences = competences.map((c) => c.code_ogr);
const ensembleDeCompetences = fc.subarray(codesCompetences).map((l) => new Set(l));
const experiences = fc.subarray(['J1501', 'K1302', 'J1506', 'D1505'], { maxLength: 2 });

describe('recouvrement d’une fiche', () => {
  it('compte double les compétences du cœur de métier', () => {
    // J1501: 1 and 2 core (2 + 2), 3 and 4 not (1 + 1) → 6; holding 1 and 3 gives 3 / 6.
    expect(recouvrement(index.fiches.get('J1501')!, new Set(['1', '3']))).toBe(0.5);
  });

  it('ne baisse jamais quand la personne ajoute une compétence', () => {
    fc.assert(
      fc.property(ensembleDeCompetences, fc.constantFrom(...codesCompetences), (avant, ajout) => {
        const apres = new Set([...avant, ajout]);
        for (const fiche of index.fiches.values()) expect(recouvrement(fiche, apres)).toBeGreaterThanOrEqual(recouvrement(fiche, avant));
      }),
    );
  });
});

describe('rapprochement d’un parcours', () => {
  it('ne fait jamais baisser le score d’un métier suggéré quand la personne ajoute une compétence', () => {
    fc.assert(
      fc.property(experiences, ensembleDeCompetences, fc.constantFrom(...codesCompetences), (exp, avant, ajout) => {
        const scores = (c: Set<string>) => new Map(rapprocher(index, { experiences: exp, competences: c }, 50).map((s) => [s.code, s.score]));
        const apres = scores(new Set([...avant, ajout]));
        for (const [code, score] of scores(avant)) expect(apres.get(code)).toBeGreaterThanOrEqual(score);
      }),
    );
  });

  it('ne nomme que des compétences réelles de la fiche, acquises d’un côté, manquantes de l’autre, cœur de métier d’abord', () => {
    fc.assert(
      fc.property(experiences, ensembleDeCompetences, (exp, acquis) => {
        for (const s of rapprocher(index, { experiences: exp, competences: acquis }, 50)) {
          const fiche = index.fiches.get(s.code)!;
          for (const c of [...s.competences_acquises, ...s.competences_manquantes]) {
            expect(fiche.competences.has(c.code)).toBe(true);
            expect(c.libelle).toBe(index.competences.get(c.code)!.libelle);
          }
          expect(s.competences_acquises.every((c) => acquis.has(c.code))).toBe(true);
          expect(s.competences_manquantes.some((c) => acquis.has(c.code))).toBe(false);
          expect(s.competences_acquises.length + s.nb_competences_manquantes).toBe(fiche.competences.size);
          const coeurs = s.competences_manquantes.map((c) => c.coeur_metier);
          expect(coeurs).toEqual([...coeurs].sort((a, b) => Number(b) - Number(a)));
          expect(s.competences_manquantes.length).toBeLessThanOrEqual(MANQUANTES_MONTREES);
          for (const c of s.competences_acquises.slice(0, 3)) expect(s.explication.join(' ')).toContain(`« ${c.libelle} »`);
        }
      }),
    );
  });

  it('ne suggère pas les métiers que la personne a déjà exercés', () => {
    const suggestions = rapprocher(index, { experiences: ['J1501'], competences: new Set(['1', '2', '3', '4']) }, 10);
    expect(suggestions.map((s) => s.code)).not.toContain('J1501');
  });

  it('signale la mobilité citée par le ROME avec son rang et l’expérience d’où elle part, et l’explique', () => {
    const [premiere] = rapprocher(index, { experiences: ['J1501'], competences: new Set(['1']) }, 10);
    expect(premiere).toMatchObject({ code: 'K1302', mobilite: { depuis: { code: 'J1501', libelle: 'Aide-soignant / Aide-soignante' }, ordre: 1 } });
    expect(premiere!.explication).toContain(
      'Le ROME cite ce métier parmi les mobilités proches de « Aide-soignant / Aide-soignante », votre expérience (rang 1 de sa liste).',
    );
  });

  it('classe d’abord le métier dont la personne a le plus de compétences, le cœur de métier comptant double', () => {
    // Holding 2 and 8 (both core of J1506) beats K1302 where only 3 (not core) is held.
    const suggestions = rapprocher(index, { experiences: [], competences: new Set(['2', '8', '3']) }, 10);
    expect(suggestions.map((s) => [s.code, s.score])).toEqual([
      ['J1506', Math.round((4 / 5) * (1 - PART_MOBILITE) * 1000) / 1000],
      ['J1501', Math.round((3 / 6) * (1 - PART_MOBILITE) * 1000) / 1000],
      ['D1505', Math.round((1 / 4) * (1 - PART_MOBILITE) * 1000) / 1000],
      ['K1302', Math.round((1 / 6) * (1 - PART_MOBILITE) * 1000) / 1000],
    ]);
    expect(suggestions[0]!.explication[0]).toBe(
      'Vous avez déjà 2 des 3 compétences et connaissances de la fiche « Infirmier / Infirmière », dont 2 des 2 du cœur du métier : « Administrer un traitement », « Surveiller l’état de santé ».',
    );
    expect(suggestions[0]!.explication[1]).toBe('Il vous resterait à acquérir notamment : « Règles d’hygiène ».');
  });

  it('s’arrête à la limite demandée', () => {
    expect(rapprocher(index, { experiences: ['J1501'], competences: new Set(codesCompetences) }, 2)).toHaveLength(2);
  });
});
