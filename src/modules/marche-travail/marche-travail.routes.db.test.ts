import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDeTest, creerAppDeTest } from '../../../test/harness/app.js';

let t: AppDeTest;
beforeAll(async () => {
  t = await creerAppDeTest();
});
afterAll(async () => t?.close());

async function get(url: string) {
  const res = await t.app.inject({ url });
  return { status: res.statusCode, body: res.json() };
}

const codes = (liste: { code: string }[]) => liste.map((m) => m.code);

describe('GET /api/v1/marche-travail/metiers-bmo', () => {
  it('trouve une famille de métiers sans accents ni majuscules, avec sa famille BMO, son domaine FAP et sa source', async () => {
    const { status, body } = await get('/api/v1/marche-travail/metiers-bmo?q=AIDES%20A%20DOMICILE');
    expect(status).toBe(200);
    expect(body.metiers[0]).toEqual({
      code: 'T2A60',
      libelle: 'Aides à domicile et auxiliaires de vie',
      famille: { code: 'V', libelle: 'Fonctions liées à la vente, au tourisme et aux services' },
      domaine: { code: 'T', libelle: 'Services aux particuliers et aux collectivités' },
    });
    expect(body.source).toMatchObject({ code: 'bmo_2024', producteur: 'France Travail', periode: '2024' });
  });

  it('trouve une famille par un intitulé détaillé de la FAP 2021 qu’elle regroupe', async () => {
    const { body } = await get('/api/v1/marche-travail/metiers-bmo?q=bovins');
    expect(codes(body.metiers)).toEqual(['A0X41']);
  });

  it('rend les 217 familles de l’enquête sans recherche', async () => {
    const { body } = await get('/api/v1/marche-travail/metiers-bmo');
    expect(body.metiers).toHaveLength(217);
  });

  it.each([
    ['une recherche d’un seul caractère', '/api/v1/marche-travail/metiers-bmo?q=a', 'q'],
    ['un paramètre inconnu', '/api/v1/marche-travail/metiers-bmo?famille=S', ''],
  ])('refuse %s par un 400 validation', async (_cas, url, chemin) => {
    const { status, body } = await get(url);
    expect(status).toBe(400);
    expect(body.erreur.code).toBe('validation');
    if (chemin) expect(body.erreur.champs.map((c: { chemin: string }) => c.chemin)).toContain(chemin);
  });
});

describe('GET /api/v1/marche-travail/perspectives', () => {
  it('donne pour Bordeaux les projets BMO 2024 du bassin, la part difficile et saisonnière, la série de chômage de la zone d’emploi, et dit qu’aucune correspondance ROME ↔ BMO n’existe', async () => {
    const { status, body } = await get('/api/v1/marche-travail/perspectives?commune=33063&metier_bmo=T2A60');
    expect(status).toBe(200);
    expect(body.commune).toEqual({ code: '33063', nom: 'Bordeaux', departement: { code: '33', nom: 'Gironde' } });
    expect(body.bassin_bmo).toEqual({ code: '7532', libelle: 'BORDEAUX' });
    expect(body.zone_emploi).toEqual({ code: '7505', libelle: 'Bordeaux' });
    expect(body.correspondance_rome_bmo).toBeNull();
    expect(body.correspondance_message).toMatch(/^Aucune table officielle ne relie/);
    // "2024,T2A60,33,7532,3100,2855,368"
    expect(body.recrutements).toEqual({
      disponible: true,
      source: expect.objectContaining({ code: 'bmo_2024' }),
      annee: 2024,
      projets: { valeur: 3100, secret: false },
      difficiles: { valeur: 2855, secret: false },
      saisonniers: { valeur: 368, secret: false },
      part_difficiles: 2855 / 3100,
      part_saisonniers: 368 / 3100,
    });
    expect(body.tension).toEqual({ disponible: false, message: expect.stringMatching(/Sans code ROME/) });
    expect(body.chomage.disponible).toBe(true);
    expect(body.chomage.source).toMatchObject({ code: 'chomage_ze_2020', producteur: 'INSEE' });
    expect(body.chomage.serie).toHaveLength(92);
    expect(body.chomage.serie[0]).toEqual({ trimestre: '2003-T1', taux: expect.any(Number) });
    expect(body.chomage.serie.at(-1)).toEqual({ trimestre: '2025-T4', taux: 7.7 });
  });

  it('garde le secret statistique comme secret, sans valeur ni part, jamais comme zéro', async () => {
    // "2024,J1X80,33,7532,31,*,*"
    const { body } = await get('/api/v1/marche-travail/perspectives?commune=33063&metier_bmo=J1X80');
    expect(body.recrutements).toMatchObject({
      projets: { valeur: 31, secret: false },
      difficiles: { valeur: null, secret: true },
      saisonniers: { valeur: null, secret: true },
      part_difficiles: null,
      part_saisonniers: null,
    });
  });

  it('additionne les parties d’un bassin sur deux départements, et rend le total secret si une partie l’est', async () => {
    // Bassin 1118 (Seine-et-Marne, Essonne): "A0X40,77,1118,6,6,*" and "A0X40,91,1118,12,*,*".
    const { body } = await get('/api/v1/marche-travail/perspectives?commune=77067&metier_bmo=A0X40');
    expect(body.bassin_bmo.code).toBe('1118');
    expect(body.recrutements).toMatchObject({ projets: { valeur: 18, secret: false }, difficiles: { valeur: null, secret: true }, part_difficiles: null });
  });

  it('donne les offres, demandeurs et la tension 2020 du code ROME dans le bassin, en disant que ce sont des données de 2020 de démonstration', async () => {
    const { body } = await get('/api/v1/marche-travail/perspectives?commune=33063&metier_bmo=A1X40&rome=M1607');
    expect(body.rome).toBe('M1607');
    expect(body.tension).toEqual({
      disponible: true,
      source: expect.objectContaining({ code: 'tension_2020', periode: '2020' }),
      annee: 2020,
      rome: { code: 'M1607', libelle: 'Secrétariat' },
      offres: 2,
      demandeurs: 40,
      indice_tension: 1,
    });
    expect(body.tension.source.avertissement).toMatch(/de démonstration : le sens des colonnes n’est pas documenté/);
  });

  it('dit qu’un code ROME est absent du fichier de 2020 plutôt que d’inventer une tension', async () => {
    const { body } = await get('/api/v1/marche-travail/perspectives?commune=33063&rome=K9999');
    expect(body.tension).toEqual({
      disponible: false,
      message: 'Le code ROME K9999 n’apparaît pas dans le fichier de 2020 (codes ROME v3) : aucune tension à afficher.',
    });
    expect(body.recrutements).toEqual({ disponible: false, message: expect.stringMatching(/^Choisissez une famille de métiers BMO/) });
  });

  it('dit qu’une commune hors de la table des bassins BMO n’a pas de projets rattachés', async () => {
    const { status, body } = await get('/api/v1/marche-travail/perspectives?commune=98411&metier_bmo=T2A60');
    expect(status).toBe(200);
    expect(body.bassin_bmo).toBeNull();
    expect(body.recrutements).toEqual({ disponible: false, message: expect.stringMatching(/ne figure pas dans la table des bassins d’emploi BMO/) });
  });

  it('dit qu’une commune créée après 2023 n’a pas de zone d’emploi publiée', async () => {
    const { body } = await get('/api/v1/marche-travail/perspectives?commune=12218&metier_bmo=T2A60');
    expect(body.zone_emploi).toBeNull();
    expect(body.chomage).toEqual({ disponible: false, message: expect.stringMatching(/zones d’emploi 2020/) });
  });

  it.each([
    ['un métier BMO inconnu', '/api/v1/marche-travail/perspectives?commune=33063&metier_bmo=Z9Z99', 'marche_travail.metier_bmo_inconnu', 'metier_bmo'],
    ['une commune inconnue', '/api/v1/marche-travail/perspectives?commune=99999', 'territoire.commune_inconnue', 'commune'],
    ['une commune absente', '/api/v1/marche-travail/perspectives?metier_bmo=T2A60', 'validation', 'commune'],
    ['un code ROME mal formé', '/api/v1/marche-travail/perspectives?commune=33063&rome=XYZ', 'validation', 'rome'],
    ['un code de métier BMO mal formé', '/api/v1/marche-travail/perspectives?commune=33063&metier_bmo=aides', 'validation', 'metier_bmo'],
  ])('refuse %s par un 400 au format d’erreur de l’API', async (_cas, url, code, chemin) => {
    const { status, body } = await get(url);
    expect(status).toBe(400);
    expect(body.erreur.code).toBe(code);
    expect(body.erreur.message).toMatch(/\S/);
    expect(body.erreur.champs.map((c: { chemin: string }) => c.chemin)).toContain(chemin);
  });
});

describe('GET /api/v1/marche-travail/bassins/:code', () => {
  it('donne les métiers aux projets les plus nombreux, les plus difficiles au-dessus du seuil, le département, la région et le chômage des zones d’emploi', async () => {
    const { status, body } = await get('/api/v1/marche-travail/bassins/7532');
    expect(status).toBe(200);
    expect(body.bassin).toEqual({
      code: '7532',
      libelle: 'BORDEAUX',
      departements: [{ code: '33', nom: 'Gironde' }],
      region: { code: '75', nom: 'Nouvelle-Aquitaine' },
    });
    const r = body.recrutements;
    expect(r.source.code).toBe('bmo_2024');
    expect(r.annee).toBe(2024);
    expect(r.min_projets).toBe(30);
    expect(r.plus_de_projets).toHaveLength(10);
    expect(r.plus_de_projets[0]).toMatchObject({ metier: { code: 'T2A60' }, projets: { valeur: 3100, secret: false } });
    expect(r.plus_de_projets.slice(1, 3).map((l: { metier: { code: string } }) => l.metier.code)).toEqual(['S2X61', 'T4X60']);
    for (const l of r.plus_difficiles_part) expect(l.projets.valeur).toBeGreaterThanOrEqual(30);
    const parts = r.plus_difficiles_part.map((l: { part_difficiles: number }) => l.part_difficiles);
    expect(parts).toEqual([...parts].sort((a: number, b: number) => b - a));
    expect(r.plus_difficiles_nombre[0]).toMatchObject({ metier: { code: 'T2A60' }, difficiles: { valeur: 2855 } });
    expect(body.chomage.source.code).toBe('chomage_ze_2020');
    expect(body.chomage.zones_emploi[0]).toMatchObject({ code: '7505', libelle: 'Bordeaux' });
    expect(body.chomage.zones_emploi[0].serie).toHaveLength(92);
  });

  it('nomme les deux départements d’un bassin qui les chevauche', async () => {
    const { body } = await get('/api/v1/marche-travail/bassins/1118');
    expect(codes(body.bassin.departements)).toEqual(['77', '91']);
    expect(body.bassin.region.code).toBe('11');
  });

  it('relève le seuil de projets du classement par part difficile à la demande', async () => {
    const { body } = await get('/api/v1/marche-travail/bassins/7532?min_projets=1000&limite=3');
    expect(body.recrutements.min_projets).toBe(1000);
    expect(body.recrutements.plus_difficiles_part.length).toBeLessThanOrEqual(3);
    for (const l of body.recrutements.plus_difficiles_part) expect(l.projets.valeur).toBeGreaterThanOrEqual(1000);
  });

  it('renvoie 404 pour un bassin qui n’existe pas dans l’enquête', async () => {
    const { status, body } = await get('/api/v1/marche-travail/bassins/9999');
    expect(status).toBe(404);
    expect(body.erreur.code).toBe('marche_travail.bassin_introuvable');
  });

  it.each([
    ['un code de bassin mal formé', '/api/v1/marche-travail/bassins/abc', 'code'],
    ['une limite trop grande', '/api/v1/marche-travail/bassins/7532?limite=500', 'limite'],
    ['un seuil nul', '/api/v1/marche-travail/bassins/7532?min_projets=0', 'min_projets'],
  ])('refuse %s par un 400 validation', async (_cas, url, chemin) => {
    const { status, body } = await get(url);
    expect(status).toBe(400);
    expect(body.erreur.code).toBe('validation');
    expect(body.erreur.champs.map((c: { chemin: string }) => c.chemin)).toContain(chemin);
  });
});

describe('documentation', () => {
  it('décrit les trois routes du marché du travail dans le document OpenAPI', async () => {
    const { body } = await get('/api/openapi.json');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/marche-travail/metiers-bmo', '/api/v1/marche-travail/perspectives', '/api/v1/marche-travail/bassins/{code}']),
    );
  });
});
