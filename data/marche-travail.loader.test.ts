import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config.js';
import { lireEffectif, lireMarcheTravail } from './marche-travail.loader.js';
import { ReferenceData, ReferenceDataError } from './reference.js';

describe('lireEffectif', () => {
  it('garde « * » comme secret statistique, sans valeur, distinct de 0', () => {
    expect(lireEffectif('*', 'l')).toEqual({ valeur: null, secret: true });
    expect(lireEffectif('0', 'l')).toEqual({ valeur: 0, secret: false });
    expect(lireEffectif('3100', 'l')).toEqual({ valeur: 3100, secret: false });
  });

  it('refuse un effectif illisible plutôt que de le lire comme 0', () => {
    expect(() => lireEffectif('', 'bmo_2024.csv ligne 2')).toThrow(
      new ReferenceDataError('bmo_2024.csv ligne 2 : effectif «  » illisible (entier ou * attendu).'),
    );
    expect(() => lireEffectif('1,5', 'l')).toThrow(ReferenceDataError);
  });
});

describe('lireMarcheTravail, sur les fichiers réels', () => {
  it('lit les 53 443 lignes BMO 2024 avec leurs 10 891 effectifs de projets secrets, chaque ligne avec sa source', async () => {
    const donnees = await lireMarcheTravail(new ReferenceData(loadConfig({}).REFERENCE_DATA_DIR));
    expect(donnees.projetsBmo).toHaveLength(53_443);
    expect(donnees.projetsBmo.filter((p) => p.projetsSecret)).toHaveLength(10_891);
    expect(donnees.projetsBmo.every((p) => p.projetsSecret === (p.projets === null) && p.source === 'bmo_2024' && p.annee === 2024)).toBe(true);
    // Bordeaux, aides à domicile: "2024,T2A60,33,7532,3100,2855,368".
    expect(donnees.projetsBmo.find((p) => p.bassinCode === '7532' && p.metierCode === 'T2A60')).toMatchObject({
      projets: 3100,
      difficiles: 2855,
      saisonniers: 368,
    });
    expect(donnees.metiersBmo).toHaveLength(217);
    // "Eleveurs" is found by the FAP 341 label "Eleveurs de bovins ou d'équins".
    expect(donnees.metiersBmo.find((m) => m.code === 'A0X41')?.recherche).toContain('bovins ou d equins');
    expect(donnees.tensions).toHaveLength(27_053);
    expect(donnees.tensions.find((t) => t.romeCode === 'M1607' && t.bassinCode === '7532')).toMatchObject({
      offres: 2,
      demandeurs: 40,
      indiceTension: 1,
      annee: 2020,
    });
    expect(donnees.tauxChomage.filter((t) => t.zoneEmploiCode === '7505')).toHaveLength(92);
    expect(donnees.sources.map((s) => s.code).sort()).toEqual(['bmo_2024', 'chomage_ze_2020', 'fap_2021', 'tension_2020']);
  });
});
