import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../server/config.js';
import { AppError } from '../../../shared/erreurs.js';
import { VOCABULAIRES_DATA_INCLUSION, type Vocabulaires } from './echange.contract.js';
import { analyserServices, analyserStructures, lignesDesElements, lireFichier, sourceEtIdentifiant, versStructuresAImporter } from './echange.lignes.js';

const ici = path.dirname(fileURLToPath(import.meta.url));
const extra = path.join(loadConfig({}).REFERENCE_DATA_DIR, 'schemas', 'data-inclusion', 'v1', 'extra');
// The official vocabularies, read from the v1/extra files as the directory loads them.
const vocabulaires = Object.fromEntries(
  VOCABULAIRES_DATA_INCLUSION.map((nom) => [
    nom,
    (JSON.parse(readFileSync(path.join(extra, `${nom}.json`), 'utf8')) as { value: string }[]).map((v) => v.value),
  ]),
) as unknown as Vocabulaires;
const fixture = (nom: string) => readFileSync(path.join(ici, 'fixtures', nom), 'utf8');

const structureValide = { id: 'essai--1', source: 'essai', nom: 'Mission locale de Tulle', date_maj: '2025-01-01' };
const serviceValide = {
  id: 'essai--v1',
  source: 'essai',
  structure_id: 'essai--1',
  nom: 'Accompagnement',
  description: 'Accompagnement des jeunes.',
  date_maj: '2025-01-01',
};
const analyser = (...valeurs: unknown[]) =>
  analyserStructures(
    valeurs.map((valeur, index) => ({ index, ligne: index + 1, valeur })),
    vocabulaires,
  );
const raisonsDe = (...valeurs: unknown[]) => analyser(...valeurs).invalides.flatMap((l) => l.raisons);

describe('lecture d’un fichier', () => {
  it('donne la ligne où commence chaque élément d’un tableau JSON, chaînes contenant des crochets et accolades comprises', () => {
    const texte = '[\n  {"a": "[{,\\"}"},\n  {"b": [1, {"c": 2}]},\n\n  "x", 3\n]';
    expect(lignesDesElements(texte)).toEqual([2, 3, 5, 5]);
    expect(lireFichier(texte, 'f').map((l) => [l.index, l.ligne])).toEqual([
      [0, 2],
      [1, 3],
      [2, 5],
      [3, 5],
    ]);
  });

  it('lit un enregistrement JSON par ligne et signale une ligne qui n’est pas du JSON sans refuser le fichier', () => {
    const lues = lireFichier('{"id": "a"}\n\n{pas du json}\n{"id": "b"}\n', 'f');
    expect(lues.map((l) => [l.index, l.ligne, l.erreurJson ?? null])).toEqual([
      [0, 1, null],
      [1, 3, 'cette ligne n’est pas un JSON valide'],
      [2, 4, null],
    ]);
  });

  it('dit où un fichier cesse d’être du JSON sans en citer aucune valeur', () => {
    for (const [texte, attendu] of [
      ['[{"nom":"Léa Martin"},\n {"nom":"Paul Durand" "id":"x"}]', 'JSON invalide au caractère 46 (ligne 2)'],
      ['[{"nom":"Léa Martin"},]', 'JSON invalide'],
    ] as const) {
      const erreur = (() => {
        try {
          lireFichier(texte, 'structures.json');
        } catch (e) {
          return e as AppError;
        }
      })();
      expect(erreur?.code).toBe('echange.fichier_illisible');
      expect(erreur?.message).toContain(attendu);
      expect(erreur?.message).not.toMatch(/Léa|Martin|Paul|Durand/);
    }
  });

  it('refuse un fichier vide ou un JSON invalide, avec le code echange.fichier_illisible et le nom du fichier', () => {
    for (const texte of ['  \n', '[{"id": "a"}']) {
      const erreur = (() => {
        try {
          lireFichier(texte, 'structures.json');
        } catch (e) {
          return e;
        }
      })();
      expect(erreur).toBeInstanceOf(AppError);
      expect((erreur as AppError).code).toBe('echange.fichier_illisible');
      expect((erreur as AppError).message).toContain('structures.json');
    }
  });
});

describe('validation des structures', () => {
  it('accepte une structure minimale et ignore les champs que le schéma ne connaît pas', () => {
    const a = analyser({ ...structureValide, champ_du_producteur: 'x' });
    expect(a.invalides).toEqual([]);
    expect(a.valides[0]!.enregistrement).not.toHaveProperty('champ_du_producteur');
  });

  it('explique en français chaque champ en défaut', () => {
    const raisons = raisonsDe({
      ...structureValide,
      nom: 'AB',
      date_maj: '2025-02-30',
      code_postal: '8700',
      siret: '123',
      site_web: 'pas une url',
      reseaux_porteurs: ['reseau-imaginaire'],
    });
    expect(raisons).toEqual([
      'nom : le nom doit compter au moins 3 caractères',
      'date_maj : cette date n’existe pas',
      'code_postal : code postal attendu (5 chiffres)',
      'siret : SIRET attendu (14 chiffres)',
      'site_web : adresse web invalide : indiquez une URL complète (https://…)',
      'reseaux_porteurs.0 : « reseau-imaginaire » n’est pas une valeur du référentiel reseaux-porteurs de data·inclusion',
    ]);
  });

  it('signale les champs obligatoires manquants et les types inattendus', () => {
    expect(raisonsDe({ source: 'essai', nom: 'Structure', date_maj: '2025-01-01', latitude: '45.1' })).toEqual([
      'id : champ obligatoire manquant',
      'latitude : nombre attendu',
    ]);
  });

  it('refuse un élément qui n’est pas un objet et un identifiant en double, avec la ligne du premier', () => {
    const a = analyser(structureValide, 'texte', { ...structureValide, nom: 'Autre structure' });
    expect(a.valides).toHaveLength(1);
    expect(a.invalides).toEqual([
      { fichier: 'structures', index: 1, ligne: 2, id: null, raisons: ['un objet JSON est attendu'] },
      { fichier: 'structures', index: 2, ligne: 3, id: 'essai--1', raisons: ['id : l’identifiant « essai--1 » est déjà utilisé ligne 1'] },
    ]);
  });
});

describe('validation des services', () => {
  const structures = analyser(structureValide, { ...structureValide, id: 'essai--2', nom: 'X' });
  const analyserS = (...valeurs: unknown[]) =>
    analyserServices(
      valeurs.map((valeur, index) => ({ index, ligne: index + 1, valeur })),
      vocabulaires,
      structures,
    );

  it('vérifie les valeurs des référentiels de data·inclusion (thématiques, publics, frais, types)', () => {
    const a = analyserS({
      ...serviceValide,
      thematiques: ['cuisine--patisserie'],
      publics: [],
      frais: 'variable',
      type: 'formation',
      modes_accueil: ['a-distance', 'a-distance'],
    });
    expect(a.invalides[0]!.raisons).toEqual([
      'thematiques.0 : « cuisine--patisserie » n’est pas une valeur du référentiel thematiques de data·inclusion',
      'publics : la liste doit contenir au moins une valeur (ou valoir null)',
      'frais : « variable » n’est pas une valeur du référentiel frais de data·inclusion',
      'modes_accueil : la liste contient des doublons',
    ]);
  });

  it('refuse un service rattaché à une structure absente, ou à une structure refusée en citant sa ligne', () => {
    const a = analyserS(
      { ...serviceValide, structure_id: 'essai--9' },
      { ...serviceValide, id: 'essai--v2', structure_id: 'essai--2' },
      { ...serviceValide, id: 'essai--v3' },
    );
    expect(a.invalides.map((l) => l.raisons)).toEqual([
      ['structure_id : aucune structure du fichier des structures ne porte l’identifiant « essai--9 »'],
      ['structure_id : la structure « essai--2 » (ligne 2 du fichier des structures) est invalide'],
    ]);
    expect(a.valides.map((v) => v.enregistrement.id)).toEqual(['essai--v3']);
  });

  it('rend compte de chaque ligne invalide des fichiers d’exemple, avec sa ligne dans le fichier', () => {
    const s = analyserStructures(lireFichier(fixture('structures-mixtes.json'), 'structures-mixtes.json'), vocabulaires);
    const v = analyserServices(lireFichier(fixture('services-mixtes.json'), 'services-mixtes.json'), vocabulaires, s);
    expect(s.valides.map((l) => [l.ligne, l.enregistrement.id])).toEqual([
      [2, 'essai--s1'],
      [35, 'essai--s4'],
    ]);
    expect(s.invalides.map((l) => [l.ligne, l.id, l.raisons.length])).toEqual([
      [19, 'essai--s2', 4],
      [27, 'essai--s3', 1],
      [43, null, 1],
      [44, 'essai--s1', 1],
    ]);
    expect(v.valides.map((l) => l.enregistrement.id)).toEqual(['essai--v1', 'essai--v5']);
    expect(v.invalides.map((l) => [l.ligne, l.id])).toEqual([
      [17, 'essai--v2'],
      [25, 'essai--v3'],
      [36, 'essai--v4'],
    ]);
  });
});

describe('conversion vers l’annuaire', () => {
  it('garde l’identifiant à la source sans le préfixe de sa source, et le garde entier sous une autre source', () => {
    expect(sourceEtIdentifiant('dora--123', 'dora', null)).toEqual({ source: 'dora', sourceId: '123' });
    expect(sourceEtIdentifiant('dora--123', 'dora', 'mon-import')).toEqual({ source: 'mon-import', sourceId: 'dora--123' });
    expect(sourceEtIdentifiant('mon-import--dora--123', 'dora', 'mon-import')).toEqual({ source: 'mon-import', sourceId: 'dora--123' });
  });

  it('place les services au lieu de la structure, à leur propre lieu si leur adresse diffère, et nulle part s’ils sont à distance seulement', () => {
    const s = analyser({
      ...structureValide,
      adresse: '1 rue A',
      code_insee: '19272',
      horaires_accueil: 'Mo-Fr 09:00-12:00',
      reseaux_porteurs: ['adie', 'mission-locale'],
    }).valides.map((l) => l.enregistrement);
    const structures = analyser(...s);
    const v = analyserServices(
      [
        { ...serviceValide, adresse: '1 rue A', code_insee: '19272' },
        { ...serviceValide, id: 'essai--v2', adresse: '9 rue B', code_insee: '19272' },
        { ...serviceValide, id: 'essai--v3', modes_accueil: ['a-distance'] },
      ].map((valeur, index) => ({ index, ligne: index + 1, valeur })),
      vocabulaires,
      structures,
    ).valides.map((l) => l.enregistrement);
    const communes = new Map([['19272', { code: '19272', nom: 'Tulle', departement: '19', region: '75', latitude: 45.27, longitude: 1.77 }]]);
    const { structures: converties, avertissements } = versStructuresAImporter(s, v, {
      source: null,
      communes,
      reseauxParPorteur: new Map([['mission-locale', 'mission-locale']]),
    });
    const [c] = converties;
    expect(avertissements).toEqual([]);
    expect(c!.structure).toMatchObject({
      source: 'essai',
      sourceId: '1',
      reseauCode: 'mission-locale',
      communeCode: '19272',
      regionCode: '75',
      demonstration: false,
    });
    expect(c!.sites.map((l) => [l.cle, l.adresse, l.positionApproximative])).toEqual([
      ['principal', '1 rue A', true],
      ['service:v2', '9 rue B', true],
    ]);
    expect(c!.sites[0]!.horaires).toEqual([{ jours: [1, 2, 3, 4, 5], plages: [{ debut: '09:00', fin: '12:00' }] }]);
    expect(c!.services.map((l) => [l.sourceId, l.siteCle, l.origine])).toEqual([
      ['v1', 'principal', 'producteur'],
      ['v2', 'service:v2', 'producteur'],
      ['v3', null, 'producteur'],
    ]);
  });
});
