import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDeTest, creerAppDeTest } from '../../../test/harness/app.js';
import { rows } from '../../db/client.js';
import { buildApp } from '../../server/app.js';
import type { FicheMetier, InteretsReponse, Questionnaire, RapprochementReponse, RechercheReponse } from './metiers.contract.js';

let t: AppDeTest;
beforeAll(async () => {
  t = await creerAppDeTest();
});
afterAll(async () => t?.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, payload });
const chercher = async (q: string, suite = '') => {
  const res = await get(`/api/v1/metiers?q=${encodeURIComponent(q)}${suite}`);
  expect(res.statusCode).toBe(200);
  return res.json() as RechercheReponse;
};

describe('GET /api/v1/metiers (recherche)', () => {
  it('trouve l’aide-soignant en premier malgré la faute de « aide soignente »', async () => {
    const r = await chercher('aide soignente');
    expect(r.resultats[0]).toMatchObject({ code: 'J1501', libelle: 'Aide-soignant / Aide-soignante' });
    expect(r.resultats[0]!.appellations[0]).toEqual({ code: '10891', libelle: 'Aide-soignant / Aide-soignante' });
  });

  it.each([
    ['AIDE-SOIGNANT', 'J1501'],
    ['boulangre', 'D1102'],
    ['devloppeur informatique', 'M1805'],
    ['ambulancer', 'J1305'],
    ['maçon', 'F1703'],
    ['macon', 'F1703'],
    ['J1501', 'J1501'],
  ])('trouve la fiche attendue en premier pour « %s » (accents, majuscules, fautes)', async (q, code) => {
    expect((await chercher(q)).resultats[0]?.code).toBe(code);
  });

  it('cherche aussi dans les appellations, pas seulement l’intitulé de la fiche', async () => {
    // « Brancardier » is a job title of J1303, whose fiche is labelled otherwise.
    const r = await chercher('brancardier');
    const [fiche] = await rows<{ code_rome: string }>(t.database.db, sql`SELECT code_rome FROM metiers_appellation WHERE libelle LIKE 'Brancardier%' LIMIT 1`);
    expect(r.resultats.map((x) => x.code)).toContain(fiche!.code_rome);
    expect(r.resultats.find((x) => x.code === fiche!.code_rome)!.appellations.some((a) => a.libelle.startsWith('Brancardier'))).toBe(true);
  });

  it('pagine les résultats avec leur total', async () => {
    const page1 = await chercher('agent', '&par_page=5');
    const page2 = await chercher('agent', '&par_page=5&page=2');
    expect(page1.pagination.total).toBeGreaterThan(10);
    expect(page1.pagination).toEqual({ page: 1, par_page: 5, total: page1.pagination.total, pages: Math.ceil(page1.pagination.total / 5) });
    expect(page2.resultats).toHaveLength(5);
    expect(page2.resultats.map((r) => r.code).filter((c) => page1.resultats.some((r) => r.code === c))).toEqual([]);
  });

  it('répond une liste vide, pas une erreur, quand rien ne ressemble', async () => {
    expect(await chercher('zzzzqqq')).toEqual({ resultats: [], pagination: { page: 1, par_page: 20, total: 0, pages: 0 } });
  });

  it('refuse une recherche trop courte ou un paramètre inconnu (400, champ nommé)', async () => {
    const courte = await get('/api/v1/metiers?q=a');
    expect(courte.statusCode).toBe(400);
    expect(courte.json().erreur).toMatchObject({ code: 'validation', champs: [{ chemin: 'q', message: 'saisissez au moins 2 caractères' }] });
    const inconnu = await get('/api/v1/metiers?q=aide&tri=nom');
    expect(inconnu.statusCode).toBe(400);
    expect(inconnu.json().erreur.code).toBe('validation');
  });
});

describe('GET /api/v1/metiers/{code} (fiche)', () => {
  it('donne la définition, l’accès, les compétences groupées, les contextes, le RIASEC et les mobilités dans l’ordre du référentiel', async () => {
    const res = await get('/api/v1/metiers/J1501');
    expect(res.statusCode).toBe(200);
    const fiche = res.json() as FicheMetier;
    expect(fiche).toMatchObject({
      code: 'J1501',
      libelle: 'Aide-soignant / Aide-soignante',
      version: { numero: 60, libelle: 'ROME 4.0 version 60 - 25M09', date_publication: '2025-09-18' },
      grand_domaine: { code: 'J' },
      domaine_professionnel: { code: 'J15' },
    });
    const [riasec] = await rows<{ riasec_majeur: string }>(t.database.db, sql`SELECT riasec_majeur FROM metiers_fiche WHERE code_rome = 'J1501'`);
    expect(fiche.riasec.majeur?.code).toBe(riasec!.riasec_majeur);
    expect(fiche.definition.length).toBeGreaterThan(0);
    expect(fiche.acces.length).toBeGreaterThan(0);
    expect([...fiche.definition, ...fiche.acces].some((phrase) => phrase.includes("''"))).toBe(false);
    expect(fiche.appellations.map((a) => a.code)).toContain('10891');
    const mobilites = await rows<{ code: string; ordre: number }>(
      t.database.db,
      sql`SELECT code_rome_cible AS code, numero_ordre AS ordre FROM metiers_mobilite WHERE code_rome = 'J1501' ORDER BY numero_ordre, code_rome_cible`,
    );
    expect(fiche.mobilites.map(({ code, ordre }) => ({ code, ordre }))).toEqual(mobilites);
    expect(fiche.mobilites[0]).toEqual({ code: 'J1304', libelle: expect.any(String), ordre: 1 });
    const savoirFaire = fiche.competences.savoir_faire.flatMap((c) => c.macro_competences.flatMap((m) => m.competences));
    expect(savoirFaire.some((c) => c.coeur_metier === 'principale')).toBe(true);
    expect(fiche.competences.savoir_etre.length).toBeGreaterThan(0);
    expect(fiche.competences.savoirs.length).toBeGreaterThan(0);
    const [n] = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM metiers_lien WHERE code_rome = 'J1501' AND bloc_code = '5'`);
    const savoirs = fiche.competences.savoirs.flatMap((s) => s.savoirs);
    expect(savoirFaire.length + fiche.competences.savoir_etre.length + savoirs.length).toBe(n!.n);
    expect(fiche.contextes_travail.length).toBeGreaterThan(0);
    expect(fiche.centres_interet.length + fiche.secteurs.length).toBeGreaterThan(0);
  });

  it('répond 404 au format d’erreur pour un code inconnu, 400 pour un code mal formé', async () => {
    const inconnu = await get('/api/v1/metiers/Z9999');
    expect(inconnu.statusCode).toBe(404);
    expect(inconnu.json()).toEqual({
      erreur: { code: 'metiers.fiche_introuvable', message: 'Aucune fiche métier n’a le code Z9999 dans le ROME : cherchez le métier par son intitulé.' },
    });
    const malForme = await get('/api/v1/metiers/j15');
    expect(malForme.statusCode).toBe(400);
    expect(malForme.json().erreur).toMatchObject({ code: 'validation', champs: [{ chemin: 'code' }] });
  });

  it('liste les compétences à cocher d’une fiche, cœur de métier d’abord', async () => {
    const res = await get('/api/v1/metiers/J1501/competences');
    expect(res.statusCode).toBe(200);
    const { competences } = res.json() as { competences: { coeur_metier: boolean; type: string }[] };
    const coeurs = competences.map((c) => c.coeur_metier);
    expect(coeurs[0]).toBe(true);
    expect(coeurs).toEqual([...coeurs].sort((a, b) => Number(b) - Number(a)));
    expect(new Set(competences.map((c) => c.type))).toEqual(new Set(['savoir_faire', 'savoir_etre', 'savoir']));
    expect((await get('/api/v1/metiers/Z9999/competences')).statusCode).toBe(404);
  });
});

describe('POST /api/v1/metiers/rapprochement', () => {
  it('classe les métiers proches d’un aide-soignant, avec les compétences acquises et manquantes et une explication', async () => {
    const { json } = await get('/api/v1/metiers/J1501/competences');
    const acquises = (json() as { competences: { code: string }[] }).competences.slice(0, 12).map((c) => c.code);
    const res = await post('/api/v1/metiers/rapprochement', { experiences: [{ appellation: '10891' }], competences: acquises, limite: 5 });
    expect(res.statusCode).toBe(200);
    const r = res.json() as RapprochementReponse;
    expect(r.version.numero).toBe(60);
    expect(r.competences_deduites_des_experiences).toBe(false);
    expect(r.suggestions).toHaveLength(5);
    expect(r.suggestions.map((s) => s.code)).not.toContain('J1501');
    const scores = r.suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of r.suggestions) {
      expect(s.competences_acquises.every((c) => acquises.includes(c.code))).toBe(true);
      expect(s.explication.length).toBeGreaterThanOrEqual(2);
    }
    const mobilite = r.suggestions.find((s) => s.mobilite);
    expect(mobilite?.mobilite?.depuis).toEqual({ code: 'J1501', libelle: 'Aide-soignant / Aide-soignante' });
    expect(mobilite!.explication.join(' ')).toContain(`(rang ${mobilite!.mobilite!.ordre} de sa liste)`);
  });

  it('prend les compétences des expériences quand la personne n’en coche aucune', async () => {
    const res = await post('/api/v1/metiers/rapprochement', { experiences: [{ metier: 'J1501' }, { metier: 'K1302' }] });
    expect(res.statusCode).toBe(200);
    const r = res.json() as RapprochementReponse;
    expect(r.competences_deduites_des_experiences).toBe(true);
    expect(r.suggestions).toHaveLength(10);
  });

  it('refuse un code inconnu en nommant le champ, et ne calcule rien', async () => {
    const res = await post('/api/v1/metiers/rapprochement', { experiences: [{ metier: 'Z9999' }, { appellation: '1' }], competences: ['300412', '9999999'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().erreur.code).toBe('metiers.code_inconnu');
    expect(res.json().erreur.champs).toEqual([
      { chemin: 'experiences.0.metier', message: 'aucune fiche métier n’a le code Z9999' },
      { chemin: 'experiences.1.appellation', message: 'aucune appellation n’a le code 1' },
      { chemin: 'competences.1', message: 'aucune compétence ni connaissance n’a le code 9999999' },
    ]);
  });

  it('refuse un corps vide, une clé inconnue, plus de 10 expériences ou plus de 200 compétences (400)', async () => {
    for (const corps of [
      {},
      { competences: ['300412'], autre: true },
      { experiences: Array.from({ length: 11 }, () => ({ metier: 'J1501' })) },
      { competences: Array.from({ length: 201 }, (_, i) => String(100000 + i)) },
      { experiences: [{ metier: 'J1501', appellation: '10891' }] },
    ]) {
      const res = await post('/api/v1/metiers/rapprochement', corps);
      expect(res.statusCode).toBe(400);
      expect(res.json().erreur.code).toBe('validation');
    }
  });

  it('limite le nombre de demandes par minute et par adresse', async () => {
    const app = await buildApp({ config: { ...t.config, RECHERCHE_LIMITE_PAR_MINUTE: 2 }, database: t.database, logger: false });
    try {
      const statuts = [];
      for (let i = 0; i < 3; i++) {
        statuts.push((await app.inject({ method: 'POST', url: '/api/v1/metiers/rapprochement', payload: { experiences: [{ metier: 'J1501' }] } })).statusCode);
      }
      expect(statuts).toEqual([200, 200, 429]);
    } finally {
      await app.close();
    }
  });
});

describe('questionnaire d’intérêts', () => {
  it('sert le questionnaire versionné et suggère des familles de métiers tirées des codes RIASEC du référentiel', async () => {
    const q = await get('/api/v1/metiers/interets/questionnaire');
    expect(q.statusCode).toBe(200);
    const questionnaire = q.json() as Questionnaire;
    const reponses = questionnaire.items.map((i) => ({ item: i.id, valeur: i.lettre === 'S' ? 3 : i.lettre === 'R' ? 2 : 0 }));
    const res = await post('/api/v1/metiers/interets', { reponses });
    expect(res.statusCode).toBe(200);
    const r = res.json() as InteretsReponse;
    expect(r.profil).toBe('SR');
    expect(r.questionnaire).toEqual({ version: questionnaire.version, date: questionnaire.date });
    expect(r.avertissement).toContain('pas le résultat d’un test');
    expect(r.familles.length).toBeGreaterThan(0);
    const exemples = r.familles.flatMap((f) => f.exemples);
    const riasec = await rows<{ code_rome: string; riasec_majeur: string }>(
      t.database.db,
      sql`SELECT code_rome, riasec_majeur FROM metiers_fiche WHERE code_rome = ANY (${sql.param(exemples.map((e) => e.code))}::text[])`,
    );
    for (const f of riasec) expect(['S', 'R']).toContain(f.riasec_majeur);
  });

  it('refuse un item inconnu en nommant le champ (400)', async () => {
    const res = await post('/api/v1/metiers/interets', { reponses: [{ item: 'inexistant', valeur: 2 }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().erreur).toMatchObject({ code: 'validation', champs: [{ chemin: 'reponses.0.item' }] });
  });
});
