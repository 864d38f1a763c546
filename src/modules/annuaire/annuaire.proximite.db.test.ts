import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerBaseDeTest } from '../../../test/harness/base.js';
import { type Database, rows } from '../../db/client.js';
import { findNearestReceptionSites } from './annuaire.proximite.js';

let database: Database;
beforeAll(async () => {
  database = await creerBaseDeTest();
});
afterAll(async () => database?.close());

// Communes far apart, dense and sparse places around them: Bordeaux, Guéret, Paris, Ajaccio, Saint-Denis (La Réunion).
const COMMUNES = ['33063', '23096', '75056', '2A004', '97411'];

async function centre(code: string) {
  const [c] = await rows<{ latitude: number; longitude: number }>(database.db, sql`SELECT latitude, longitude FROM territoire_commune WHERE code = ${code}`);
  return c!;
}

/** The reference: every public place of the networks, the distance computed for each, sorted. */
async function parForceBrute(point: { latitude: number; longitude: number }, condition: ReturnType<typeof sql>, nombre: number) {
  return rows<{ id: string; distance_km: number }>(
    database.db,
    sql`SELECT si.id, earth_distance(ll_to_earth(${point.latitude}::float8, ${point.longitude}::float8), ll_to_earth(si.latitude, si.longitude)) / 1000 AS distance_km
      FROM annuaire_site si JOIN annuaire_structure st ON st.id = si.structure_id JOIN annuaire_reseau r ON r.code = st.reseau_code
      WHERE ${condition} AND si.accueil_public AND si.latitude IS NOT NULL
      ORDER BY distance_km, si.id LIMIT ${nombre}`,
  );
}

async function reseauxDe(ids: string[]) {
  const lignes = await rows<{ id: string; operateur_cep: string }>(
    database.db,
    sql`SELECT si.id, r.operateur_cep FROM annuaire_site si JOIN annuaire_structure st ON st.id = si.structure_id
      JOIN annuaire_reseau r ON r.code = st.reseau_code WHERE si.id = ANY (${sql.param(ids)}::uuid[])`,
  );
  return ids.map((id) => lignes.find((l) => l.id === id)?.operateur_cep);
}

describe('lieux d’accueil les plus proches d’un point, par groupe de réseaux', () => {
  it('donne, pour chaque type d’opérateur du CEP, les mêmes lieux et distances que le calcul sur tous les lieux', async () => {
    const types = ['france_travail', 'apec', 'mission_locale', 'cap_emploi', 'operateur_cep_regional'];
    for (const code of COMMUNES) {
      const point = await centre(code);
      const trouves = await findNearestReceptionSites(
        database.db,
        point,
        types.map((t) => ({ cle: t, operateurCep: t })),
        3,
      );
      for (const type of types) {
        const attendus = await parForceBrute(point, sql`r.operateur_cep = ${type}`, 3);
        const obtenus = trouves.get(type)!;
        // Places at the same point (a commune's centre) tie: the distances say the answer is right.
        expect(
          obtenus.map((l) => l.distance_km.toFixed(3)),
          `${type} autour de ${code}`,
        ).toEqual(attendus.map((l) => l.distance_km.toFixed(3)));
        expect(await reseauxDe(obtenus.map((l) => l.id))).toEqual(obtenus.map(() => type));
      }
    }
  });

  it('cherche aussi par codes de réseau, et rend une liste vide pour un réseau sans lieu', async () => {
    const point = await centre('33063');
    const trouves = await findNearestReceptionSites(
      database.db,
      point,
      [
        { cle: 'cio', reseaux: ['cio'] },
        { cle: 'inconnu', reseaux: ['reseau-qui-n-existe-pas'] },
        { cle: 'aucun', reseaux: [] },
      ],
      3,
    );
    expect(trouves.get('cio')!.map((l) => l.distance_km.toFixed(3))).toEqual(
      (await parForceBrute(point, sql`r.code = 'cio'`, 3)).map((l) => l.distance_km.toFixed(3)),
    );
    expect(trouves.get('inconnu')).toEqual([]);
    expect(trouves.get('aucun')).toEqual([]);
  });

  it('écarte les lieux qui ne reçoivent pas le public (directions de France Travail)', async () => {
    const [direction] = await rows<{ id: string; latitude: number; longitude: number }>(
      database.db,
      sql`SELECT si.id, si.latitude, si.longitude FROM annuaire_site si JOIN annuaire_structure st ON st.id = si.structure_id
        WHERE st.reseau_code = 'france-travail' AND NOT si.accueil_public AND si.latitude IS NOT NULL LIMIT 1`,
    );
    const trouves = await findNearestReceptionSites(database.db, direction!, [{ cle: 'ft', operateurCep: 'france_travail' }], 3);
    expect(trouves.get('ft')).toHaveLength(3);
    expect(trouves.get('ft')!.map((l) => l.id)).not.toContain(direction!.id);
  });

  it('donne l’adresse, les canaux, les horaires et la structure de chaque lieu', async () => {
    const trouves = await findNearestReceptionSites(database.db, await centre('33063'), [{ cle: 'ml', operateurCep: 'mission_locale' }], 1);
    expect(trouves.get('ml')![0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        structure_nom: expect.any(String),
        canaux: expect.any(Array),
        distance_km: expect.any(Number),
        position_approximative: expect.any(Boolean),
        date_donnees: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      }),
    );
  });
});
