import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../shared/config.js';
import { RIASEC, questionnaireSchema } from './metiers.contract.js';
import { noterInterets, suggererFamilles } from './metiers.interets.js';
import { construireIndex } from './metiers.memoire.js';

const questionnaire = questionnaireSchema.parse(JSON.parse(readFileSync(path.join(projectRoot, 'data/metiers/questionnaire-interets.json'), 'utf8')));
const toutA = (valeur: (lettre: string) => number) => questionnaire.items.map((i) => ({ item: i.id, valeur: valeur(i.lettre) }));

describe('questionnaire d’intérêts', () => {
  it('a entre 24 et 36 items, au moins quatre par type d’intérêt, chacun une seule fois', () => {
    expect(questionnaire.items.length).toBeGreaterThanOrEqual(24);
    expect(questionnaire.items.length).toBeLessThanOrEqual(36);
    for (const l of RIASEC) expect(questionnaire.items.filter((i) => i.lettre === l).length).toBeGreaterThanOrEqual(4);
    expect(new Set(questionnaire.items.map((i) => i.id)).size).toBe(questionnaire.items.length);
  });

  it('met en tête les deux types auxquels la personne a répondu « tout à fait »', () => {
    const note = noterInterets(
      questionnaire,
      toutA((l) => (l === 'S' ? 3 : l === 'C' ? 2 : 0)),
    );
    expect('lettres' in note && note.lettres.slice(0, 2)).toEqual([
      { code: 'S', nom: 'Social', score: 1 },
      { code: 'C', nom: 'Conventionnel', score: 0.667 },
    ]);
  });

  it('donne un score de 0 à 1 à chaque lettre et les classe du plus fort au plus faible', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 }), { minLength: questionnaire.items.length, maxLength: questionnaire.items.length }), (valeurs) => {
        const note = noterInterets(
          questionnaire,
          questionnaire.items.map((i, n) => ({ item: i.id, valeur: valeurs[n]! })),
        );
        if (!('lettres' in note)) throw new Error('réponses refusées');
        expect(note.lettres.map((l) => l.code).sort()).toEqual([...RIASEC].sort());
        for (const l of note.lettres) expect(l.score).toBeGreaterThanOrEqual(0);
        for (const l of note.lettres) expect(l.score).toBeLessThanOrEqual(1);
        const scores = note.lettres.map((l) => l.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
      }),
    );
  });

  it('refuse un item inconnu, un item répondu deux fois et une valeur hors de l’échelle, en nommant le champ', () => {
    const [premier] = questionnaire.items;
    const note = noterInterets(questionnaire, [
      { item: 'inconnu', valeur: 1 },
      { item: premier!.id, valeur: 1 },
      { item: premier!.id, valeur: 2 },
      { item: questionnaire.items[1]!.id, valeur: 7 },
    ]);
    expect(note).toEqual({
      champs: [
        { chemin: 'reponses.0.item', message: `l’item « inconnu » n’existe pas dans le questionnaire ${questionnaire.version}` },
        { chemin: 'reponses.2.item', message: `l’item « ${premier!.id} » a déjà une réponse` },
        { chemin: 'reponses.3.valeur', message: 'valeur attendue : de 0 à 3' },
      ],
    });
  });

  it('demande au moins une réponse par type d’intérêt', () => {
    const note = noterInterets(
      questionnaire,
      toutA(() => 1).filter((r) => !r.item.startsWith('e-')),
    );
    expect(note).toEqual({ champs: [{ chemin: 'reponses', message: 'répondez à au moins un item de chaque type d’intérêt (il en manque pour E)' }] });
  });
});

describe('familles de métiers suggérées', () => {
  const index = construireIndex({
    empreinte: 'essai',
    version: { numero: 60, libelle: 'essai', date_publication: '2025-09-18' },
    fiches: [
      { code_rome: 'J1501', libelle: 'Aide-soignant', domaine_code: 'J15', riasec_majeur: 'S', riasec_mineur: 'R' },
      { code_rome: 'J1506', libelle: 'Infirmier', domaine_code: 'J15', riasec_majeur: 'S', riasec_mineur: 'I' },
      { code_rome: 'K1302', libelle: 'Assistant de vie', domaine_code: 'K13', riasec_majeur: 'S', riasec_mineur: 'C' },
      { code_rome: 'M1602', libelle: 'Opérations administratives', domaine_code: 'M16', riasec_majeur: 'C', riasec_mineur: 'S' },
      { code_rome: 'F1703', libelle: 'Maçon', domaine_code: 'F17', riasec_majeur: 'R', riasec_mineur: null },
    ],
    liens: [],
    mobilites: [],
    appellations: [],
    competences: [],
    domaines: [
      { code: 'J15', libelle: 'Praticiens médicaux', grand_domaine_code: 'J' },
      { code: 'K13', libelle: 'Aide à la vie quotidienne', grand_domaine_code: 'K' },
      { code: 'M16', libelle: 'Secrétariat et assistance', grand_domaine_code: 'M' },
      { code: 'F17', libelle: 'Construction', grand_domaine_code: 'F' },
    ],
    grandsDomaines: [
      { code: 'J', libelle: 'Santé' },
      { code: 'K', libelle: 'Services à la personne' },
      { code: 'M', libelle: 'Support à l’entreprise' },
      { code: 'F', libelle: 'Construction, Bâtiment et Travaux publics' },
    ],
  });

  it('propose les domaines dont les fiches ont les lettres de la personne, avec des exemples tirés du référentiel', () => {
    const familles = suggererFamilles(index, 'S', 'C');
    // J15: 2 + 2 = 4; K13: 2 + 1 (minor C) = 3; M16: 1 + 1 (minor S) = 2; F17 (R) is not proposed.
    expect(familles.map((f) => [f.domaine_professionnel.code, f.nb_fiches])).toEqual([
      ['J15', 2],
      ['K13', 1],
      ['M16', 1],
    ]);
    expect(familles[1]).toEqual({
      domaine_professionnel: { code: 'K13', libelle: 'Aide à la vie quotidienne' },
      grand_domaine: { code: 'K', libelle: 'Services à la personne' },
      nb_fiches: 1,
      exemples: [{ code: 'K1302', libelle: 'Assistant de vie', riasec: 'SC' }],
    });
  });
});
