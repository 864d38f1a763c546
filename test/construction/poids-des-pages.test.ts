import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/shared/config.js';
import { BUDGET_PAGE_PUBLIQUE, mesurerPagesPubliques, type PoidsPage } from '../../web/poids-des-pages.js';

// The real production build of the front, written apart so that it never races the browser journeys' web/dist.
const dossier = mkdtempSync(path.join(tmpdir(), 'trajectoires-construction-'));
let poids: PoidsPage[] = [];

beforeAll(async () => {
  const avant = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(projectRoot, 'web', 'vite.config.ts'), mode: 'production', logLevel: 'silent', build: { outDir: dossier } });
  } finally {
    process.env.NODE_ENV = avant;
  }
  poids = mesurerPagesPubliques(dossier);
}, 120_000);

afterAll(() => rmSync(dossier, { recursive: true, force: true }));

describe('poids des pages publiques à la première visite', () => {
  it('mesure chacune des pages publiques du site', () => {
    expect(poids.map((p) => p.page)).toEqual(
      expect.arrayContaining([
        'PageAccueil',
        'PageAnnuaire',
        'PageService',
        'PageStructure',
        'PageTrouverMonConseiller',
        'PageMetiers',
        'PageConnexion',
        'PageAccessibilite',
      ]),
    );
  });

  it('ne dépasse 300 ko de JavaScript compressé sur aucune page publique', () => {
    const tropLourdes = poids.filter((p) => p.octetsCompresses > BUDGET_PAGE_PUBLIQUE).map((p) => `${p.page} : ${p.octetsCompresses} octets`);
    expect(tropLourdes).toEqual([]);
  });

  it('ne fait télécharger ni la bibliothèque de cartes ni les pages des agents à une première visite', () => {
    for (const page of poids) {
      expect(
        page.fichiers.filter((f) => /^assets\/(CarteDepartements|maplibre|PageDossiers?|PageGestionStructure|PageReglesAiguillage)-/.test(f)),
        page.page,
      ).toEqual([]);
    }
  });

  it('écrit une copie compressée de chaque fichier JavaScript que le serveur envoie', () => {
    const fichiers = new Set(poids.flatMap((p) => p.fichiers));
    for (const f of fichiers) {
      expect(existsSync(path.join(dossier, `${f}.br`)) && existsSync(path.join(dossier, `${f}.gz`)), f).toBe(true);
    }
  });
});
