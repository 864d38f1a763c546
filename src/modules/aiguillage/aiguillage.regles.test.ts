import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../shared/config.js';
import {
  type Condition,
  type ContenuRegles,
  type Faits,
  OPERATEURS,
  SITUATIONS,
  contenuReglesSchema,
  fichierReglesSchema,
  profilSchema,
  profilsDeTestFichier,
} from './aiguillage.contract.js';
import { ageLe, compilerRegles, evaluer, jourEnFrance, memeDecision, resumerDecision } from './aiguillage.regles.js';

const lire = (fichier: string): unknown => JSON.parse(readFileSync(path.join(projectRoot, 'data/aiguillage', fichier), 'utf8'));
const nationales = fichierReglesSchema.parse(lire('regles-nationales.json'));
const profils = profilsDeTestFichier.parse(lire('profils-de-test.json'));
const jeu = compilerRegles(nationales.contenu);

const faits = (f: Partial<Faits> = {}): Faits => ({
  age: 40,
  situation: 'salarie_prive',
  cadre: false,
  niveau_diplome: 4,
  handicap_reconnu: false,
  emploi_menace_sante: false,
  ...f,
});

/** Every profile the facts allow (ages 0 to 120): 46,464 of them. */
function* tousLesProfils(): Generator<Faits> {
  for (let age = 0; age <= 120; age++)
    for (const situation of SITUATIONS)
      for (const cadre of [false, true])
        for (let niveau_diplome = 1; niveau_diplome <= 8; niveau_diplome++)
          for (const handicap_reconnu of [false, true])
            for (const emploi_menace_sante of [false, true]) yield { age, situation, cadre, niveau_diplome, handicap_reconnu, emploi_menace_sante };
}

describe('règles nationales par défaut sur la table des profils de test', () => {
  it.each(profils.map((p) => [p.id, p] as const))('%s', (_id, profil) => {
    expect(resumerDecision(evaluer(jeu, profil.faits))).toEqual(profil.attendu);
  });

  it('la table compte au moins 30 profils, tous différents', () => {
    expect(profils.length).toBeGreaterThanOrEqual(30);
    expect(new Set(profils.map((p) => JSON.stringify(p.faits))).size).toBe(profils.length);
    expect(new Set(profils.map((p) => p.id)).size).toBe(profils.length);
  });

  it('la table couvre chaque opérateur, chaque recommandation et chaque autre orientation', () => {
    for (const o of OPERATEURS) {
      expect(
        profils.some((p) => p.attendu.operateurs.includes(o)),
        o,
      ).toBe(true);
      expect(
        profils.some((p) => p.attendu.recommande === o),
        `${o} recommandé`,
      ).toBe(true);
    }
    for (const o of nationales.contenu.autres_orientations)
      expect(
        profils.some((p) => p.attendu.autres_orientations.includes(o.code)),
        o.code,
      ).toBe(true);
  });

  it('la table couvre chaque chevauchement d’opérateurs que les règles permettent', () => {
    const paire = (ops: readonly string[]) => ops.flatMap((a, i) => ops.slice(i + 1).map((b) => `${a}+${b}`));
    const possibles = new Set<string>();
    for (const f of tousLesProfils()) for (const p of paire(resumerDecision(evaluer(jeu, f)).operateurs)) possibles.add(p);
    const couvertes = new Set(profils.flatMap((p) => paire(p.attendu.operateurs)));
    expect([...possibles].filter((p) => !couvertes.has(p))).toEqual([]);
    // France Travail (job seekers) and the regional operator (people in work) never meet.
    expect(possibles.has('france_travail+operateur_cep_regional')).toBe(false);
  });

  it('la table couvre les bornes d’âge 16, 25 et 26 et des personnes hors des cinq publics', () => {
    const ages = new Set(profils.map((p) => p.faits.age));
    for (const age of [15, 16, 25, 26, 30, 31]) expect(ages.has(age), `${age} ans`).toBe(true);
    expect(
      profils
        .filter((p) => p.attendu.operateurs.length === 0)
        .map((p) => p.faits.situation)
        .toSorted(),
    ).toEqual(expect.arrayContaining(['autre', 'eleve_etudiant', 'salarie_public']));
  });
});

describe('réponse du moteur', () => {
  it('donne chaque opérateur compétent avec la phrase qui cite le fait, et la source de la règle', () => {
    const decision = evaluer(jeu, faits({ age: 22, situation: 'demandeur_emploi', niveau_diplome: 3, handicap_reconnu: true }));
    expect(decision.operateurs.map((o) => o.type)).toEqual(['cap_emploi', 'mission_locale', 'france_travail']);
    const missionLocale = decision.operateurs.find((o) => o.type === 'mission_locale')!;
    expect(missionLocale.raisons).toEqual([
      {
        regle: 'mission_locale.jeune',
        texte: 'Vous avez 22 ans : les Missions locales accompagnent les jeunes de 16 à 25 ans sortis de l’école, quelle que soit leur situation.',
        source: expect.stringContaining('L.6111-6'),
      },
    ]);
  });

  it('recommande le premier opérateur compétent dans l’ordre de la situation, et dit pourquoi', () => {
    const decision = evaluer(jeu, faits({ age: 22, situation: 'demandeur_emploi', handicap_reconnu: true }));
    expect(decision.operateurs.map((o) => [o.type, o.recommande])).toEqual([
      ['cap_emploi', true],
      ['mission_locale', false],
      ['france_travail', false],
    ]);
    expect(decision.operateurs[0]!.raison_recommandation).toMatch(/^Cap emploi est spécialisé/);
    expect(decision.operateurs.slice(1).map((o) => o.raison_recommandation)).toEqual([null, null]);
  });

  it('garde toutes les raisons d’un opérateur compétent à plusieurs titres', () => {
    const decision = evaluer(jeu, faits({ age: 24, situation: 'salarie_prive', cadre: true, niveau_diplome: 7 }));
    expect(decision.operateurs.find((o) => o.type === 'apec')!.raisons.map((r) => r.regle)).toEqual(['apec.cadre', 'apec.jeune_diplome']);
  });

  it('joint à chaque opérateur ses canaux à distance et ce qu’il faut apporter, tels que les règles les décrivent', () => {
    const [franceTravail] = evaluer(jeu, faits({ situation: 'demandeur_emploi' })).operateurs;
    expect(franceTravail!.canaux_distance).toEqual(nationales.contenu.operateurs.france_travail.canaux_distance);
    expect(franceTravail!.a_apporter).toEqual(nationales.contenu.operateurs.france_travail.a_apporter);
  });

  it('oriente une personne sans opérateur compétent vers un lieu d’accueil proche, avec ses réseaux de l’annuaire', () => {
    const decision = evaluer(jeu, faits({ situation: 'autre' }));
    expect(decision.operateurs).toEqual([]);
    expect(decision.autres_orientations).toEqual([
      expect.objectContaining({ code: 'spro_proximite', reseaux_annuaire: ['cite-des-metiers', 'cibc', 'france-services'] }),
    ]);
  });

  it('sur tous les profils possibles : un seul recommandé, en tête, dès qu’un opérateur est compétent, chacun avec au moins une raison', () => {
    const ecarts: Faits[] = [];
    for (const f of tousLesProfils()) {
      const { operateurs } = evaluer(jeu, f);
      const recommandes = operateurs.filter((o) => o.recommande);
      const correct =
        recommandes.length === Math.min(operateurs.length, 1) &&
        (operateurs.length === 0 || operateurs[0]!.recommande) &&
        new Set(operateurs.map((o) => o.type)).size === operateurs.length &&
        operateurs.every((o) => o.raisons.length > 0);
      if (!correct) ecarts.push(f);
    }
    expect(ecarts).toEqual([]);
  });

  it('sur tous les profils possibles : chacun reçoit une réponse, opérateur ou autre orientation', () => {
    const sansReponse: Faits[] = [];
    for (const f of tousLesProfils()) {
      const decision = evaluer(jeu, f);
      if (decision.operateurs.length + decision.autres_orientations.length === 0) sansReponse.push(f);
    }
    expect(sansReponse).toEqual([]);
  });
});

// A one-rule set: the smallest content the schema accepts, around the condition under test.
function avecCondition(condition: Condition): ContenuRegles {
  return {
    ...nationales.contenu,
    regles: [{ id: 'essai', operateur: 'france_travail', condition, raison: 'essai', source: 'essai' }],
    autres_orientations: [],
  };
}
const vrai = (condition: Condition, f: Faits) => evaluer(compilerRegles(avecCondition(condition)), f).operateurs.length === 1;

describe('langage des conditions', () => {
  it('entre : bornes comprises', () => {
    const c: Condition = { fait: 'age', entre: [16, 25] };
    expect([15, 16, 25, 26].map((age) => vrai(c, faits({ age })))).toEqual([false, true, true, false]);
  });

  it('au_moins, au_plus, dans, egal', () => {
    expect([5, 6].map((n) => vrai({ fait: 'niveau_diplome', au_moins: 6 }, faits({ niveau_diplome: n })))).toEqual([false, true]);
    expect([30, 31].map((age) => vrai({ fait: 'age', au_plus: 30 }, faits({ age })))).toEqual([true, false]);
    expect(vrai({ fait: 'situation', dans: ['independant', 'autre'] }, faits({ situation: 'autre' }))).toBe(true);
    expect(vrai({ fait: 'situation', dans: ['independant', 'autre'] }, faits({ situation: 'salarie_prive' }))).toBe(false);
    expect(vrai({ fait: 'cadre', egal: false }, faits({ cadre: false }))).toBe(true);
  });

  const feuille = fc.oneof(
    fc
      .tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 }))
      .map(([a, b]): Condition => ({ fait: 'age', entre: [Math.min(a, b), Math.max(a, b)] })),
    fc.integer({ min: 1, max: 8 }).map((n): Condition => ({ fait: 'niveau_diplome', au_moins: n })),
    fc.subarray([...SITUATIONS], { minLength: 1 }).map((dans): Condition => ({ fait: 'situation', dans })),
    fc.boolean().map((egal): Condition => ({ fait: 'handicap_reconnu', egal })),
  );
  const { condition } = fc.letrec<{ condition: Condition }>((tie) => ({
    condition: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      feuille,
      fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((tous): Condition => ({ tous })),
      fc.array(tie('condition'), { minLength: 1, maxLength: 3 }).map((un_de): Condition => ({ un_de })),
      tie('condition').map((c): Condition => ({ non: c })),
    ),
  }));
  const unProfil = fc.record({
    age: fc.integer({ min: 0, max: 120 }),
    situation: fc.constantFrom(...SITUATIONS),
    cadre: fc.boolean(),
    niveau_diplome: fc.integer({ min: 1, max: 8 }),
    handicap_reconnu: fc.boolean(),
    emploi_menace_sante: fc.boolean(),
  });

  it('les conditions générées sont celles que le schéma accepte', () => {
    fc.assert(
      fc.property(condition, (c) => {
        expect(contenuReglesSchema.safeParse(avecCondition(c)).success).toBe(true);
      }),
      { numRuns: 50, seed: 20261123 },
    );
  });

  it('non, tous et un_de suivent la logique (négation, lois de De Morgan)', () => {
    fc.assert(
      fc.property(condition, condition, unProfil, (a, b, f) => {
        expect(vrai({ non: a }, f)).toBe(!vrai(a, f));
        expect(vrai({ tous: [a, b] }, f)).toBe(vrai(a, f) && vrai(b, f));
        expect(vrai({ un_de: [a, b] }, f)).toBe(vrai(a, f) || vrai(b, f));
        expect(vrai({ non: { tous: [a, b] } }, f)).toBe(vrai({ un_de: [{ non: a }, { non: b }] }, f));
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });

  it('« entre [a, b] » vaut « au_moins a » et « au_plus b »', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 }), unProfil, (x, y, f) => {
        const [a, b] = [Math.min(x, y), Math.max(x, y)];
        expect(vrai({ fait: 'age', entre: [a, b] }, f)).toBe(
          vrai(
            {
              tous: [
                { fait: 'age', au_moins: a },
                { fait: 'age', au_plus: b },
              ],
            },
            f,
          ),
        );
      }),
      { numRuns: 300, seed: 20261123 },
    );
  });
});

describe('validation d’un jeu de règles (messages en français, chemin de l’erreur)', () => {
  const erreurs = (contenu: unknown) =>
    contenuReglesSchema.safeParse(contenu).error?.issues.map((i) => ({ chemin: i.path.join('.'), message: i.message })) ?? [];
  const regle = (surcharge: object) => ({ ...nationales.contenu, regles: [{ ...nationales.contenu.regles[0]!, ...surcharge }] });

  it('accepte le jeu national', () => {
    expect(erreurs(nationales.contenu)).toEqual([]);
  });

  it('nomme le fait inconnu, à sa place dans la condition', () => {
    expect(
      erreurs(
        regle({
          condition: {
            tous: [
              { fait: 'age', entre: [16, 25] },
              { fait: 'revenu', au_plus: 1000 },
            ],
          },
        }),
      ),
    ).toEqual([{ chemin: 'regles.0.condition.tous.1.fait', message: expect.stringMatching(/^fait inconnu ici : choisissez parmi age, niveau_diplome/) }]);
  });

  it('refuse des bornes inversées, deux comparaisons à la fois, une situation inconnue, une forme inconnue', () => {
    expect(erreurs(regle({ condition: { fait: 'age', entre: [25, 16] } }))).toEqual([
      { chemin: 'regles.0.condition.entre', message: 'entre : la première borne doit être inférieure ou égale à la seconde' },
    ]);
    expect(erreurs(regle({ condition: { fait: 'age', au_moins: 16, au_plus: 25 } }))).toEqual([
      { chemin: 'regles.0.condition', message: 'age : indiquez une seule comparaison parmi entre, au_moins et au_plus' },
    ]);
    expect(erreurs(regle({ condition: { fait: 'situation', dans: ['retraite'] } }))[0]).toEqual({
      chemin: 'regles.0.condition.dans.0',
      message: expect.stringMatching(/^situation inconnue/),
    });
    expect(erreurs(regle({ condition: { quelconque: true } }))).toEqual([
      { chemin: 'regles.0.condition', message: expect.stringMatching(/^condition attendue/) },
    ]);
  });

  it('refuse une condition imbriquée plus de 24 fois, sans épuiser la pile', () => {
    let condition: unknown = { fait: 'cadre', egal: true };
    for (let i = 0; i < 100_000; i++) condition = { non: condition };
    expect(erreurs(regle({ condition }))).toEqual([{ chemin: 'regles.0.condition', message: 'condition trop imbriquée : 24 niveaux de JSON au plus' }]);
  });

  it('réserve le nombre d’opérateurs compétents aux autres orientations', () => {
    expect(erreurs(regle({ condition: { fait: 'operateurs_competents', au_plus: 0 } }))).toEqual([
      { chemin: 'regles.0.condition.fait', message: expect.stringMatching(/^fait inconnu ici/) },
    ]);
  });

  it('refuse une variable inconnue dans une raison, un identifiant de règle en double', () => {
    expect(erreurs(regle({ raison: 'Vous gagnez {salaire} euros' }))).toEqual([
      { chemin: 'regles.0.raison', message: 'raison : variable {salaire} inconnue (variables possibles : {age})' },
    ]);
    const double = { ...nationales.contenu, regles: [nationales.contenu.regles[0], nationales.contenu.regles[0]] };
    expect(erreurs(double)).toEqual([{ chemin: 'regles.1', message: `règle « ${nationales.contenu.regles[0]!.id} » en double` }]);
  });

  it('exige un ordre de recommandation pour chaque situation, qui range chaque opérateur une fois', () => {
    const sansAutre = { ...nationales.contenu, recommandation: nationales.contenu.recommandation.filter((p) => p.situation !== 'autre') };
    expect(erreurs(sansAutre)).toEqual([{ chemin: 'recommandation', message: 'recommandation : situations manquantes : autre' }]);
    const [premiere, ...reste] = nationales.contenu.recommandation;
    const incomplet = { ...nationales.contenu, recommandation: [{ ...premiere!, ordre: premiere!.ordre.slice(1) }, ...reste] };
    expect(erreurs(incomplet)).toEqual([
      { chemin: 'recommandation.0.ordre', message: `ordre : chaque opérateur une fois (manquants : ${premiere!.ordre[0]!.operateur})` },
    ]);
  });
});

describe('âge le jour de la demande', () => {
  it('compte les années pleines, l’anniversaire compris', () => {
    expect(ageLe('2004-06-15', '2026-06-14')).toBe(21);
    expect(ageLe('2004-06-15', '2026-06-15')).toBe(22);
    expect(ageLe('2000-02-29', '2026-02-28')).toBe(25);
    expect(ageLe('2000-02-29', '2026-03-01')).toBe(26);
  });

  it('prend la date du jour en France, pas en temps universel', () => {
    expect(jourEnFrance(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(jourEnFrance(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(jourEnFrance(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('le profil public demande la date de naissance ou l’âge, jamais les deux', () => {
    const base = { situation: 'autre', cadre: false, niveau_diplome: 3, handicap_reconnu: false, emploi_menace_sante: false, commune: '33063' };
    const chemins = (p: object) => profilSchema.safeParse(p).error?.issues.map((i) => `${i.path.join('.')} : ${i.message}`) ?? [];
    expect(chemins({ ...base, age: 30 })).toEqual([]);
    expect(chemins({ ...base, date_naissance: '1996-05-04' })).toEqual([]);
    expect(chemins({ ...base, age: 30, date_naissance: '1996-05-04' })).toEqual(['age : indiquez la date de naissance ou l’âge, pas les deux']);
    expect(chemins(base)).toEqual(['date_naissance : indiquez la date de naissance ou l’âge']);
    expect(chemins({ ...base, age: 30, revenu: 1 })).toHaveLength(1);
  });
});

describe('résumé et comparaison des décisions', () => {
  it('deux décisions identiques à l’ordre près sont la même', () => {
    expect(
      memeDecision(
        { operateurs: ['apec', 'france_travail'], recommande: 'apec', autres_orientations: ['b', 'a'] },
        { operateurs: ['france_travail', 'apec'], recommande: 'apec', autres_orientations: ['a', 'b'] },
      ),
    ).toBe(true);
    expect(
      memeDecision({ operateurs: ['apec'], recommande: 'apec', autres_orientations: [] }, { operateurs: ['apec'], recommande: null, autres_orientations: [] }),
    ).toBe(false);
  });
});
