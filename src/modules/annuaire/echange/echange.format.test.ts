import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toOsmOpeningHours } from '../annuaire.horaires.js';
import { formaterRapport, lireArguments } from './echange.commande.js';
import { nomBorne, parseOsmOpeningHours, telephoneE164, urlComplete } from './echange.format.js';
import type { RapportImport } from './echange.service.js';

describe('valeurs exportées', () => {
  it('met les numéros français au format E.164, outre-mer compris, et laisse les autres tels quels', () => {
    expect(telephoneE164('04 74 34 61 22')).toBe('+33474346122');
    expect(telephoneE164('02.62.12.34.56')).toBe('+262262123456');
    expect(telephoneE164('0590 12 34 56')).toBe('+590590123456');
    expect(telephoneE164('0508 41 23 45')).toBe('+508412345');
    expect(telephoneE164('+33 1 23 45 67 89')).toBe('+33123456789');
    expect(telephoneE164('3949')).toBe('3949');
    expect(telephoneE164('  ')).toBeNull();
  });

  it('complète les adresses web sans schéma et écarte celles qui ne sont pas des adresses http(s)', () => {
    expect(urlComplete('www.sijean.fr')).toBe('https://www.sijean.fr/');
    expect(urlComplete('https://www.mairie-épinal.fr/accueil')).toBe('https://www.xn--mairie-pinal-heb.fr/accueil');
    expect(urlComplete('mailto:contact@example.fr')).toBeNull();
    expect(urlComplete('voir le site de la mairie')).toBeNull();
  });

  it('borne un nom à 150 caractères en coupant à un mot, sans finir par un point', () => {
    const long =
      'Service universitaire d’information et d’orientation (SUIO) - Université Aix-Marseille - Secteur arts, lettres, langues, sciences humaines, droits, économie, gestion';
    const borne = nomBorne(long);
    expect(borne.length).toBeLessThanOrEqual(150);
    expect(borne).toBe(
      'Service universitaire d’information et d’orientation (SUIO) - Université Aix-Marseille - Secteur arts, lettres, langues, sciences humaines, droits…',
    );
    expect(nomBorne('  Mission   locale ')).toBe('Mission locale');
  });
});

describe('horaires OpenStreetMap', () => {
  it('lit les plages par jours, listes de jours et fermeture les jours fériés', () => {
    expect(parseOsmOpeningHours('Mo-Fr 08:30-12:30,13:30-17:00; PH off')).toEqual([
      {
        jours: [1, 2, 3, 4, 5],
        plages: [
          { debut: '08:30', fin: '12:30' },
          { debut: '13:30', fin: '17:00' },
        ],
      },
    ]);
    expect(parseOsmOpeningHours('Mo,We,Th 09:00-12:00')).toEqual([
      { jours: [1], plages: [{ debut: '09:00', fin: '12:00' }] },
      { jours: [3, 4], plages: [{ debut: '09:00', fin: '12:00' }] },
    ]);
  });

  it('renonce à ce qu’il ne sait pas lire plutôt que de lire à moitié', () => {
    for (const texte of ['24/7', 'Mo-Fr 09:00-12:00; Jan off', 'Mo-Fr 12:00-09:00', 'Fr-Mo 09:00-12:00', 'lundi 09:00-12:00'])
      expect(parseOsmOpeningHours(texte)).toBeNull();
  });

  it('relit à l’identique ce que l’export écrit (propriété)', () => {
    const heure = fc.tuple(fc.integer({ min: 0, max: 22 }), fc.constantFrom('00', '15', '30', '45')).map(([h, m]) => `${String(h).padStart(2, '0')}:${m}`);
    const plage = fc
      .tuple(heure, heure)
      .filter(([a, b]) => a < b)
      .map(([debut, fin]) => ({ debut, fin }));
    const entree = fc
      .tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 6 }), fc.array(plage, { minLength: 1, maxLength: 3 }))
      .map(([debut, duree, plages]) => ({
        jours: Array.from({ length: Math.min(7, debut + duree) - debut + 1 }, (_, i) => debut + i),
        plages,
      }));
    fc.assert(
      fc.property(fc.array(entree, { minLength: 1, maxLength: 4 }), (horaires) => {
        expect(parseOsmOpeningHours(toOsmOpeningHours(horaires))).toEqual(horaires);
      }),
    );
  });
});

describe('commande d’import', () => {
  it('lit les deux fichiers et les options', () => {
    expect(lireArguments(['s.json', 'v.json', '--source', 'mon-import', '--ignorer-lignes-invalides'])).toEqual({
      ok: true,
      arguments: { structures: 's.json', services: 'v.json', source: 'mon-import', ignorerLignesInvalides: true },
    });
    expect(lireArguments(['--source=autre', 's.json', 'v.json'])).toMatchObject({ ok: true, arguments: { source: 'autre', ignorerLignesInvalides: false } });
  });

  it('explique en français une commande incomplète ou une option inconnue', () => {
    expect(lireArguments(['s.json'])).toEqual({ ok: false, aide: false, message: 'Deux fichiers sont attendus (structures puis services), 1 reçu.' });
    expect(lireArguments(['s.json', 'v.json', '--source'])).toMatchObject({ ok: false, message: expect.stringContaining('--source attend un nom') });
    expect(lireArguments(['s.json', 'v.json', '--force'])).toEqual({ ok: false, aide: false, message: 'Option inconnue : --force.' });
  });

  it('accorde les nombres au pluriel', () => {
    const invalide = { fichier: 's.json', index: 0, ligne: 1, id: null, raisons: ['x'] };
    const rapport: RapportImport = {
      structures: { fichier: 's.json', lues: 7, valides: 0, invalides: Array.from({ length: 7 }, () => invalide) },
      services: { fichier: 'v.json', lues: 0, valides: 0, invalides: [] },
      importe: false,
      sources: [],
      avertissements: [],
    };
    expect(formaterRapport(rapport, false)).toContain('Import refusé : 7 lignes invalides, rien n’a été importé.');
  });

  it('rapporte chaque ligne invalide avec sa ligne, son rang et ses raisons, et dit que rien n’est importé', () => {
    const rapport: RapportImport = {
      structures: {
        fichier: 's.json',
        lues: 2,
        valides: 1,
        invalides: [{ fichier: 's.json', index: 1, ligne: 7, id: 'x--2', raisons: ['nom : trop court', 'date_maj : date attendue'] }],
      },
      services: { fichier: 'v.json', lues: 0, valides: 0, invalides: [] },
      importe: false,
      sources: [],
      avertissements: [],
    };
    expect(formaterRapport(rapport, false).split('\n')).toEqual([
      's.json : 2 lignes lues, 1 valide, 1 invalide.',
      '  ✗ ligne 7 (élément 2, id « x--2 ») : nom : trop court ; date_maj : date attendue',
      'v.json : 0 ligne lue, 0 valide, 0 invalide.',
      'Import refusé : 1 ligne invalide, rien n’a été importé. Corrigez ces lignes, ou relancez avec --ignorer-lignes-invalides pour n’importer que les lignes valides.',
    ]);
  });
});
