import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config.js';
import { lireMetiers, lireVersion } from './metiers.loader.js';
import { ReferenceData, ReferenceDataError } from './reference.js';

describe('lecture du ROME 4.0', () => {
  it('lit le numéro, le titre et les dates de la note de version', () => {
    const texte =
      'Numero de version : 61\n\nDate de publication : 18/12/2025\n\nDate de validation : 01/12/2025\n\nTitre/commentaire :  ROME 4.0 version 61 - 25M12\n';
    expect(lireVersion(texte)).toEqual({ numero: 61, libelle: 'ROME 4.0 version 61 - 25M12', datePublication: '2025-12-18', dateValidation: '2025-12-01' });
  });

  it('refuse une note de version sans numéro', () => {
    expect(() => lireVersion('Date de publication : 18/12/2025')).toThrow(
      new ReferenceDataError('rome/version.txt : numéro de version ou date de publication illisible.'),
    );
  });

  it('lit chaque fichier réel avec le nombre de lignes du manifeste et relie fiches, appellations, liens et cœur de métier', async () => {
    const d = await lireMetiers(new ReferenceData(loadConfig({}).REFERENCE_DATA_DIR));
    expect(d.version).toEqual({ numero: 60, libelle: 'ROME 4.0 version 60 - 25M09', datePublication: '2025-09-18', dateValidation: '2025-08-27' });
    expect({
      fiches: d.fiches.length,
      appellations: d.appellations.length,
      competences: d.competences.length,
      savoirs: d.savoirs.length,
      contextes: d.contextes.length,
      items: d.items.length,
      liens: d.liens.length,
      mobilites: d.mobilites.length,
      textes: d.textes.length,
      grandsDomaines: d.grandsDomaines.length,
      domaines: d.domaines.length,
      centresInteret: d.centresInteret.length,
      fichesCentresInteret: d.fichesCentresInteret.length,
      secteurs: d.secteurs.length,
      sousSecteurs: d.sousSecteurs.length,
      fichesSecteurs: d.fichesSecteurs.length,
      secteursNaf: d.secteursNaf.length,
      fichesSecteursNaf: d.fichesSecteursNaf.length,
      themes: d.themes.length,
      fichesThemes: d.fichesThemes.length,
      blocs: d.blocs.length,
      rubriques: d.rubriques.length,
    }).toEqual({
      fiches: 1584,
      appellations: 13120,
      competences: 18317,
      savoirs: 15354,
      contextes: 179,
      items: 33850,
      liens: 118923,
      mobilites: 14912,
      textes: 11980,
      grandsDomaines: 14,
      domaines: 110,
      centresInteret: 30,
      fichesCentresInteret: 4444,
      secteurs: 35,
      sousSecteurs: 40,
      fichesSecteurs: 3303,
      secteursNaf: 89,
      fichesSecteursNaf: 2920,
      themes: 17,
      fichesThemes: 1348,
      blocs: 8,
      rubriques: 3,
    });
    // unix_coherence_item: 104 219 links of skills, knowledge and contexts, 18 900 of them at the core.
    expect(d.liens.filter((l) => l.coeurMetier === 'Principale').length).toBe(18900);
    expect(d.liens.filter((l) => l.coeurMetier === 'Émergente').length).toBe(1731);
    const j1501 = d.fiches.find((f) => f.codeRome === 'J1501')!;
    expect(j1501).toMatchObject({
      libelle: 'Aide-soignant / Aide-soignante',
      domaineCode: 'J15',
      grandDomaineCode: 'J',
      libelleRecherche: 'aide soignant aide soignante',
    });
    // The 507 macro-competences all have a RIASEC row; 149 of those rows leave the letters empty.
    expect(d.competences.filter((c) => c.riasecMajeur !== null).length).toBe(358);
  }, 120_000);

  it('lit avec ses accents le fichier des secteurs NAF publié en Windows-1252', async () => {
    const arbo = await new ReferenceData(loadConfig({}).REFERENCE_DATA_DIR).csv('rome/unix_arborescence_secteur_naf_v460_utf8.csv', 'windows-1252');
    expect(arbo.contenu.find((l) => l.code_rome === 'A1208')?.libelle_rome).toBe('Jardinier / Jardinière paysagiste');
  });
});
