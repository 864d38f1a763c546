import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.js';
import { PLAFOND_RESULTATS } from './annuaire.contract.js';
import { type AppDeTest, creerAppDeTest } from '../../../test/harness/app.js';

let t: AppDeTest;
beforeAll(async () => {
  t = await creerAppDeTest();
});
afterAll(async () => t?.close());

const get = async (url: string) => {
  const res = await t.app.inject({ url });
  return { status: res.statusCode, body: res.json() };
};

interface ServiceTrouve {
  id: string;
  nom: string;
  distance_km: number | null;
  demonstration: boolean;
  publics: string[];
  thematiques: string[];
  structure: { id: string; nom: string; reseau: { code: string } | null };
}

describe('GET /api/v1/services', () => {
  it('trouve les bilans de compétences malgré la faute de frappe, près de Limoges, avec la distance', async () => {
    const { status, body } = await get('/api/v1/services?q=bilan%20de%20competance&commune=87085&rayon_km=50');
    expect(status).toBe(200);
    const premier = body.services[0] as ServiceTrouve;
    expect(premier.nom).toBe('Bilan de compétences');
    expect(premier.distance_km).toBeGreaterThanOrEqual(0);
    expect(premier.distance_km).toBeLessThanOrEqual(50);
    expect(body.recherche.termes_corriges).toContainEqual({ saisi: 'competance', corrige: 'competences' });
    expect(body.recherche.commune).toMatchObject({ code: '87085', nom: 'Limoges' });
  });

  it('ignore les accents et rapproche les formes d’un mot (racinisation française)', async () => {
    const avecAccents = await get('/api/v1/services?q=comp%C3%A9tences&par_page=100');
    const sansAccents = await get('/api/v1/services?q=competence&par_page=100');
    expect(avecAccents.body.pagination.total).toBeGreaterThan(0);
    expect(sansAccents.body.pagination.total).toBe(avecAccents.body.pagination.total);
  });

  it('classe par distance croissante quand on le demande et respecte le rayon', async () => {
    const { body } = await get('/api/v1/services?commune=64483&rayon_km=20&tri=distance&par_page=50');
    const distances = (body.services as ServiceTrouve[]).map((s) => s.distance_km!);
    expect(distances.length).toBeGreaterThan(0);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    expect(Math.max(...distances)).toBeLessThanOrEqual(20);
  });

  it('pagine avec le total, sans doublon entre deux pages', async () => {
    const p1 = await get('/api/v1/services?commune=33063&rayon_km=30&par_page=10&page=1');
    const p2 = await get('/api/v1/services?commune=33063&rayon_km=30&par_page=10&page=2');
    expect(p1.body.pagination).toMatchObject({ page: 1, par_page: 10 });
    expect(p1.body.pagination.total).toBeGreaterThan(20);
    expect(p2.body.pagination.total).toBe(p1.body.pagination.total);
    expect(p1.body.pagination.pages).toBe(Math.ceil(p1.body.pagination.total / 10));
    const ids1 = new Set((p1.body.services as ServiceTrouve[]).map((s) => s.id));
    expect((p2.body.services as ServiceTrouve[]).some((s) => ids1.has(s.id))).toBe(false);
  });

  it('filtre par public (les services « tous publics » restent proposés) et par famille de thématiques', async () => {
    const { body } = await get('/api/v1/services?publics=jeunes&thematiques=se-former&par_page=100');
    expect(body.pagination.total).toBeGreaterThan(0);
    for (const s of body.services as ServiceTrouve[]) {
      expect(s.publics.some((p) => p === 'jeunes' || p === 'tous-publics')).toBe(true);
      expect(s.thematiques.some((th) => th.startsWith('se-former--'))).toBe(true);
    }
  });

  it('signale les structures de démonstration', async () => {
    const { body } = await get('/api/v1/services?q=bilan&commune=33063&rayon_km=10&par_page=100');
    const cibc = (body.services as ServiceTrouve[]).find((s) => s.structure.nom === 'CIBC Gironde (démonstration)');
    expect(cibc?.demonstration).toBe(true);
  });

  it.each([
    ['une commune inconnue', '/api/v1/services?commune=99999', 'territoire.commune_inconnue', 'commune'],
    ['un rayon hors bornes', '/api/v1/services?commune=33063&rayon_km=5000', 'validation', 'rayon_km'],
    ['une page déraisonnable', '/api/v1/services?page=100000', 'validation', 'page'],
    ['une recherche trop longue', `/api/v1/services?q=${'a'.repeat(201)}`, 'validation', 'q'],
    ['un public inconnu', '/api/v1/services?publics=martiens', 'annuaire.valeur_inconnue', 'publics'],
    ['un rayon sans commune', '/api/v1/services?rayon_km=10', 'annuaire.rayon_sans_commune', 'rayon_km'],
    ['un paramètre inconnu', '/api/v1/services?tri=distance&inconnu=1', 'validation', ''],
  ])('refuse %s par un 400 au format d’erreur de l’API', async (_cas, url, code, chemin) => {
    const { status, body } = await get(url);
    expect(status).toBe(400);
    expect(body.erreur.code).toBe(code);
    expect(body.erreur.message).toMatch(/\S/);
    if (chemin) expect(body.erreur.champs.map((c: { chemin: string }) => c.chemin)).toContain(chemin);
  });
});

describe('recherche bornée', () => {
  it('compte exactement jusqu’à 1 000 résultats, puis annonce « plus de 1 000 » sans paginer au-delà', async () => {
    const [services] = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM annuaire_service`);
    expect(services!.n).toBeGreaterThan(PLAFOND_RESULTATS);
    const tout = await get('/api/v1/services?par_page=100');
    expect(tout.body.pagination).toEqual({ page: 1, par_page: 100, total: PLAFOND_RESULTATS, pages: 10, total_exact: false });
    const derniere = await get('/api/v1/services?par_page=100&page=10');
    expect(derniere.body.services).toHaveLength(100);
    const audela = await get('/api/v1/services?par_page=100&page=11');
    expect(audela.body.services).toEqual([]);

    const etroite = await get('/api/v1/services?commune=64483&rayon_km=20&par_page=100');
    expect(etroite.body.pagination.total_exact).toBe(true);
    expect(etroite.body.pagination.total).toBe(etroite.body.services.length);
  });

  it('au-delà du plafond, classe par distance les services vraiment les plus proches', async () => {
    const { body } = await get('/api/v1/services?commune=75056&rayon_km=200&tri=distance&par_page=100');
    expect(body.pagination.total_exact).toBe(false);
    const paris = body.recherche.commune as { latitude: number; longitude: number };
    const attendues = await rows<{ d: number }>(
      t.database.db,
      sql`SELECT round((earth_distance(ll_to_earth(${paris.latitude}::float8, ${paris.longitude}::float8), ll_to_earth(si.latitude, si.longitude)) / 1000)::numeric, 1)::float8 AS d
        FROM annuaire_service s JOIN annuaire_site si ON si.id = s.site_id WHERE si.latitude IS NOT NULL ORDER BY 1 LIMIT 100`,
    );
    expect((body.services as ServiceTrouve[]).map((s) => s.distance_km)).toEqual(attendues.map((a) => a.d));
  });

  it('compte et pagine les lieux de la même façon', async () => {
    const tous = await get('/api/v1/sites?accueil=tous&par_page=100');
    expect(tous.body.pagination).toMatchObject({ total: PLAFOND_RESULTATS, pages: 10, total_exact: false });
    const autour = await get('/api/v1/sites?commune=64445&rayon_km=40&reseaux=france-travail');
    expect(autour.body.pagination.total_exact).toBe(true);
    expect(autour.body.pagination.total).toBe(autour.body.sites.length);
  });
});

describe('GET /api/v1/sites', () => {
  it('donne les agences France Travail les plus proches de Pau, sans les directions qui ne reçoivent pas le public', async () => {
    const { status, body } = await get('/api/v1/sites?commune=64445&rayon_km=40&reseaux=france-travail');
    expect(status).toBe(200);
    expect(body.sites.length).toBeGreaterThan(0);
    for (const site of body.sites) {
      expect(site.accueil_public).toBe(true);
      expect(site.structure.reseau.code).toBe('france-travail');
      expect(site.distance_km).toBeLessThanOrEqual(40);
    }
  });

  it('trouve un lieu par son nom, accents et casse ignorés', async () => {
    const { body } = await get('/api/v1/sites?q=cap%20emploi%20gironde');
    expect(body.sites[0].nom).toMatch(/Cap emploi Gironde/);
  });

  it('trouve un lieu malgré une faute de frappe dans son nom', async () => {
    const { body } = await get('/api/v1/sites?q=cap%20emploi%20girnde');
    expect(body.pagination.total).toBeGreaterThan(0);
    expect(body.sites[0].nom).toMatch(/Cap emploi Gironde/);
  });
});

describe('fiches', () => {
  it('donne la fiche d’une structure avec ses lieux, horaires, canaux et contacts', async () => {
    const recherche = await get('/api/v1/services?q=bilan&commune=87085&rayon_km=10');
    const structureId = (recherche.body.services as ServiceTrouve[]).find((s) => s.structure.nom.startsWith('CIBC Limousin'))!.structure.id;
    const { status, body } = await get(`/api/v1/structures/${structureId}`);
    expect(status).toBe(200);
    expect(body.demonstration).toBe(true);
    expect(body.sites.map((s: { nom: string }) => s.nom)).toEqual(expect.arrayContaining(['CIBC Limousin – Limoges', 'CIBC Limousin – Tulle']));
    const tulle = body.sites.find((s: { nom: string }) => s.nom === 'CIBC Limousin – Tulle');
    expect(tulle.horaires).toEqual([
      {
        jours: [3],
        plages: [
          { debut: '09:00', fin: '12:30' },
          { debut: '13:30', fin: '17:00' },
        ],
      },
    ]);
    expect(body.services.length).toBeGreaterThan(0);
  });

  it('donne la fiche d’un service avec son lieu et sa source', async () => {
    const recherche = await get('/api/v1/services?q=accompagnement&commune=33063&rayon_km=5&reseaux=france-travail');
    const id = (recherche.body.services as ServiceTrouve[])[0]!.id;
    const { status, body } = await get(`/api/v1/services/${id}`);
    expect(status).toBe(200);
    expect(body.source).toBe('pole-emploi-sites-2019');
    expect(body.site.commune.code).toMatch(/^33/);
    expect(body.description.length).toBeGreaterThan(50);
  });

  it('répond 404 pour un service inconnu et 400 pour un identifiant mal formé', async () => {
    const inconnu = await get('/api/v1/services/00000000-0000-4000-8000-000000000000');
    expect(inconnu.status).toBe(404);
    expect(inconnu.body.erreur.code).toBe('annuaire.service_introuvable');
    const malForme = await get('/api/v1/structures/abc');
    expect(malForme.status).toBe(400);
    expect(malForme.body.erreur.champs[0].chemin).toBe('id');
  });
});

describe('données réelles', () => {
  it('charge chaque agence locale France Travail (ALE) comme lieu d’accueil, chacun avec sa source et sa date', async () => {
    const [agences] = await rows<{ n: number; sans_date: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE date_donnees IS NULL)::int AS sans_date
        FROM annuaire_site WHERE source = 'pole-emploi-sites-2019' AND accueil_public`,
    );
    // 852 ALE in the file (SOURCE.md); directions (DDA, DRA) are not reception sites.
    expect(agences).toEqual({ n: 852, sans_date: 0 });
  });
});

describe('recherche par structure', () => {
  it('trouve les services d’un réseau par son nom (« mission locale ») près de Saint-Jean-de-Luz', async () => {
    const { body } = await get('/api/v1/services?q=mission%20locale&commune=64483&rayon_km=30');
    expect(body.pagination.total).toBeGreaterThan(0);
    expect((body.services as ServiceTrouve[])[0]!.structure.reseau?.code).toBe('mission-locale');
  });
});

describe('position des services', () => {
  it('suit celle de leur lieu, au chargement comme quand le lieu change d’adresse', async () => {
    const db = t.database.db;
    const [ecarts] = await rows<{ n: number }>(
      db,
      sql`SELECT count(*)::int AS n FROM annuaire_service s LEFT JOIN annuaire_site si ON si.id = s.site_id
        WHERE s.position IS DISTINCT FROM si.position`,
    );
    expect(ecarts!.n).toBe(0);

    const [lieu] = await rows<{ id: string; latitude: number; longitude: number }>(
      db,
      sql`SELECT si.id, si.latitude, si.longitude FROM annuaire_site si
        WHERE si.latitude IS NOT NULL AND EXISTS (SELECT 1 FROM annuaire_service s WHERE s.site_id = si.id) ORDER BY si.id LIMIT 1`,
    );
    const services = await rows<{ id: string }>(db, sql`SELECT id FROM annuaire_service WHERE site_id = ${lieu!.id}`);
    const [ajaccio] = await rows<{ latitude: number; longitude: number }>(db, sql`SELECT latitude, longitude FROM territoire_commune WHERE code = '2A004'`);
    await db.execute(sql`UPDATE annuaire_site SET latitude = ${ajaccio!.latitude}, longitude = ${ajaccio!.longitude} WHERE id = ${lieu!.id}`);
    try {
      const { body } = await get('/api/v1/services?commune=2A004&rayon_km=1&par_page=100');
      expect((body.services as ServiceTrouve[]).map((s) => s.id)).toEqual(expect.arrayContaining(services.map((s) => s.id)));
    } finally {
      await db.execute(sql`UPDATE annuaire_site SET latitude = ${lieu!.latitude}, longitude = ${lieu!.longitude} WHERE id = ${lieu!.id}`);
    }
  });
});
