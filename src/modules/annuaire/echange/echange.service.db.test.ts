import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDeTest, creerAppDeTest } from '../../../../test/harness/app.js';
import { rows } from '../../../db/client.js';
import { AppError } from '../../../shared/erreurs.js';
import { formaterRapport } from './echange.commande.js';
import { type DemandeImport, importDataInclusion } from './echange.service.js';

const ici = path.dirname(fileURLToPath(import.meta.url));
const fixture = (nom: string) => ({ nom, texte: readFileSync(path.join(ici, 'fixtures', nom), 'utf8') });
const RESERVEES = ['anct-france-services-2024', 'demonstration'];

let t: AppDeTest;
beforeAll(async () => {
  t = await creerAppDeTest();
});
afterAll(async () => t?.close());

const ctx = () => ({ db: t.database.db });
const exporter = async (q: 'structures' | 'services') =>
  (await t.app.inject({ url: `/api/v1/export/data-inclusion/${q}` })).json() as Record<string, unknown>[];
const compter = async (source: string) =>
  (
    await rows<{ structures: number; services: number }>(
      t.database.db,
      sql`SELECT (SELECT count(*)::int FROM annuaire_structure WHERE source = ${source}) AS structures,
                 (SELECT count(*)::int FROM annuaire_service WHERE source = ${source}) AS services`,
    )
  )[0]!;
const mixtes = (extra: Partial<DemandeImport> = {}): DemandeImport => ({
  structures: fixture('structures-mixtes.json'),
  services: fixture('services-mixtes.json'),
  source: null,
  ignorerLignesInvalides: false,
  sourcesReservees: RESERVEES,
  ...extra,
});

describe('importDataInclusion', () => {
  it('réimporte l’export complet sous une autre source : mêmes structures et services, mêmes champs', async () => {
    const [structures, services] = [await exporter('structures'), await exporter('services')];
    const rapport = await importDataInclusion(ctx(), {
      structures: { nom: 'structures.json', texte: JSON.stringify(structures) },
      services: { nom: 'services.json', texte: JSON.stringify(services) },
      source: 'reimport',
      ignorerLignesInvalides: false,
      sourcesReservees: RESERVEES,
    });

    expect(rapport.structures.invalides).toEqual([]);
    expect(rapport.services.invalides).toEqual([]);
    expect(rapport.importe).toBe(true);
    expect(rapport.sources).toEqual([{ source: 'reimport', remplacees: 0, structures: structures.length, services: services.length }]);
    expect(await compter('reimport')).toEqual({ structures: structures.length, services: services.length });

    // Exported again, each record is the same but for its id and source.
    const sansIds = ({ id: _id, source: _source, structure_id: _structure, ...reste }: Record<string, unknown>) => reste;
    const apres = await exporter('structures');
    const reimportees = new Map(apres.filter((s) => s.source === 'reimport').map((s) => [s.id, s]));
    for (const s of structures) expect(sansIds(reimportees.get(`reimport--${s.id as string}`) ?? {})).toEqual(sansIds(s));
    const servicesApres = new Map((await exporter('services')).filter((s) => s.source === 'reimport').map((s) => [s.id, s]));
    for (const v of services) {
      const r = servicesApres.get(`reimport--${v.id as string}`);
      expect(r?.structure_id).toBe(`reimport--${v.structure_id as string}`);
      expect(sansIds(r ?? {})).toEqual(sansIds(v));
    }
  }, 120_000);

  it('refuse tout le fichier quand une ligne est invalide, et rapporte chaque ligne avec sa raison', async () => {
    const rapport = await importDataInclusion(ctx(), mixtes());

    expect(rapport.importe).toBe(false);
    expect(rapport.structures).toMatchObject({ lues: 6, valides: 2 });
    expect(rapport.structures.invalides.map((l) => ({ ligne: l.ligne, id: l.id, raisons: l.raisons }))).toEqual([
      {
        ligne: 19,
        id: 'essai--s2',
        raisons: [
          'nom : le nom doit compter au moins 3 caractères',
          'date_maj : cette date n’existe pas',
          'code_postal : code postal attendu (5 chiffres)',
          'reseaux_porteurs.0 : « reseau-imaginaire » n’est pas une valeur du référentiel reseaux-porteurs de data·inclusion',
        ],
      },
      { ligne: 27, id: 'essai--s3', raisons: ['courriel : courriel invalide'] },
      { ligne: 43, id: null, raisons: ['un objet JSON est attendu'] },
      { ligne: 44, id: 'essai--s1', raisons: ['id : l’identifiant « essai--s1 » est déjà utilisé ligne 2'] },
    ]);
    expect(rapport.services.invalides.map((l) => [l.ligne, l.id, l.raisons[0]])).toEqual([
      [17, 'essai--v2', 'structure_id : la structure « essai--s2 » (ligne 19 du fichier des structures) est invalide'],
      [25, 'essai--v3', 'thematiques.0 : « cuisine--patisserie » n’est pas une valeur du référentiel thematiques de data·inclusion'],
      [36, 'essai--v4', 'structure_id : aucune structure du fichier des structures ne porte l’identifiant « essai--inconnue »'],
    ]);
    expect(await compter('essai')).toEqual({ structures: 0, services: 0 });
  });

  it('avec --ignorer-lignes-invalides, importe seulement les lignes valides, rattachées à leur commune et à leur réseau', async () => {
    const rapport = await importDataInclusion(ctx(), mixtes({ ignorerLignesInvalides: true }));

    expect(rapport.importe).toBe(true);
    expect(rapport.sources).toEqual([{ source: 'essai', remplacees: 0, structures: 2, services: 2 }]);
    expect(await compter('essai')).toEqual({ structures: 2, services: 2 });
    const lignes = await rows<{ source_id: string; reseau_code: string | null; region_code: string | null; telephone: string | null }>(
      t.database.db,
      sql`SELECT source_id, reseau_code, region_code, telephone FROM annuaire_structure WHERE source = 'essai' ORDER BY source_id`,
    );
    expect(lignes).toEqual([
      { source_id: 's1', reseau_code: 'mission-locale', region_code: '75', telephone: '05 55 10 92 20' },
      { source_id: 's4', reseau_code: null, region_code: '75', telephone: null },
    ]);

    // The same import again replaces what the first one wrote.
    const encore = await importDataInclusion(ctx(), mixtes({ ignorerLignesInvalides: true }));
    expect(encore.sources).toEqual([{ source: 'essai', remplacees: 2, structures: 2, services: 2 }]);
    expect(await compter('essai')).toEqual({ structures: 2, services: 2 });
  });

  it('trouve les services importés par la recherche de l’annuaire', async () => {
    await importDataInclusion(ctx(), mixtes({ ignorerLignesInvalides: true, source: 'recherche-essai' }));
    const res = await t.app.inject({ url: '/api/v1/services?q=accompagnement%20emploi%20jeunes&commune=87085&rayon_km=5&par_page=100' });
    expect(res.statusCode).toBe(200);
    expect((res.json().services as { nom: string }[]).map((s) => s.nom)).toContain('Accompagnement vers l’emploi des jeunes');
  });

  it('refuse d’écrire sous une source des données de référence (409 echange.source_reservee)', async () => {
    const erreur = await importDataInclusion(ctx(), mixtes({ ignorerLignesInvalides: true, source: 'anct-france-services-2024' })).catch((e: unknown) => e);
    expect(erreur).toBeInstanceOf(AppError);
    expect(erreur).toMatchObject({ code: 'echange.source_reservee', statusCode: 409 });
    expect((await compter('anct-france-services-2024')).structures).toBeGreaterThan(2000);
  });

  it('refuse un nom de source invalide (400 echange.source_invalide)', async () => {
    const erreur = await importDataInclusion(ctx(), mixtes({ source: 'Mon Import!' })).catch((e: unknown) => e);
    expect(erreur).toMatchObject({ code: 'echange.source_invalide', statusCode: 400 });
  });
});

describe('importDataInclusion : chaque ligne invalide nommée par sa place, son id et sa raison', () => {
  const structure = (id: string, extra: Record<string, unknown> = {}) => ({
    id: `texte--${id}`,
    source: 'texte',
    nom: `Maison de l’emploi ${id}`,
    date_maj: '2025-03-01',
    code_insee: '33063',
    ...extra,
  });
  const service = (id: string, structureId: string) => ({
    id: `texte--${id}`,
    source: 'texte',
    structure_id: `texte--${structureId}`,
    nom: `Accueil ${id}`,
    description: 'Accueil, information et orientation vers l’emploi.',
    date_maj: '2025-03-01',
  });
  // One line, as data·inclusion exports: the bad rows at indexes 1, 2 and 3.
  const fichiers = (structures: unknown[]) => ({
    structures: { nom: 'structures.json', texte: JSON.stringify(structures) },
    services: { nom: 'services.json', texte: JSON.stringify([service('v1', 's1'), service('v2', 's3')]) },
  });
  const STRUCTURES = [
    structure('s1'),
    structure('nul', { nom: 'Maison\u0000 de l’emploi' }),
    structure('abcde', { code_insee: 'ABCDE' }),
    structure('s3', { code_insee: '99999' }),
    structure('s4', { code_insee: null }),
  ];
  const demande = (ignorerLignesInvalides: boolean): DemandeImport => ({
    ...fichiers(STRUCTURES),
    source: null,
    ignorerLignesInvalides,
    sourcesReservees: RESERVEES,
  });

  it('refuse le caractère nul d’un nom, un code Insee mal formé et un code Insee sans commune, par l’indice de l’élément, sans rien importer', async () => {
    const rapport = await importDataInclusion(ctx(), demande(false));

    expect(rapport.importe).toBe(false);
    expect(rapport.structures).toMatchObject({ lues: 5, valides: 2 });
    const communeInconnue = 'code_insee : aucune commune du Code officiel géographique ne porte ce code ; corrigez-le, ou laissez-le vide';
    expect(rapport.structures.invalides.map((l) => ({ index: l.index, tableau: l.tableau, id: l.id, raisons: l.raisons }))).toEqual([
      {
        index: 1,
        tableau: 'une-ligne',
        id: 'texte--nul',
        raisons: [expect.stringMatching(/^nom : caractère invisible que la plateforme ne peut pas enregistrer/)],
      },
      { index: 2, tableau: 'une-ligne', id: 'texte--abcde', raisons: [communeInconnue] },
      { index: 3, tableau: 'une-ligne', id: 'texte--s3', raisons: [communeInconnue] },
    ]);
    // A service of a refused structure is refused with it, named by that structure's index.
    expect(rapport.services.invalides.map((l) => [l.index, l.id, l.raisons])).toEqual([
      [1, 'texte--v2', ['structure_id : la structure « texte--s3 » (élément d’indice 3 du fichier des structures) est invalide']],
    ]);
    expect(await compter('texte')).toEqual({ structures: 0, services: 0 });

    const texte = formaterRapport(rapport, false);
    expect(texte).toContain('  ✗ élément d’indice 2 du tableau (id « texte--abcde ») : code_insee : aucune commune');
    expect(texte).toContain('Import refusé : 4 lignes invalides, rien n’a été importé.');
    // No value of a row but its id: neither the names nor the codes.
    expect(texte).not.toMatch(/Maison|ABCDE|99999|\u0000|ligne 1/);
  });

  it('avec --ignorer-lignes-invalides, importe les seules lignes valides et rapporte les autres', async () => {
    const rapport = await importDataInclusion(ctx(), demande(true));

    expect(rapport.importe).toBe(true);
    expect(rapport.structures.invalides.map((l) => l.index)).toEqual([1, 2, 3]);
    expect(rapport.sources).toEqual([{ source: 'texte', remplacees: 0, structures: 2, services: 1 }]);
    const lignes = await rows<{ source_id: string; commune_code: string | null }>(
      t.database.db,
      sql`SELECT st.source_id, si.commune_code FROM annuaire_structure st LEFT JOIN annuaire_site si ON si.structure_id = st.id
          WHERE st.source = 'texte' ORDER BY st.source_id`,
    );
    expect(lignes).toEqual([
      { source_id: 's1', commune_code: '33063' },
      { source_id: 's4', commune_code: null },
    ]);
    expect(formaterRapport(rapport, true)).toContain('4 lignes invalides écartées (--ignorer-lignes-invalides).');
  });
});
