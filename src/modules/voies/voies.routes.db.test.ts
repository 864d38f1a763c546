import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.js';
import { type AppDeTest, creerAppDeTest } from '../../../test/harness/app.js';
import { RAYON_DEFAUT_KM, SERVICES_PAR_VOIE, type VoiesReponse } from './voies.contract.js';

let t: AppDeTest;
beforeAll(async () => {
  t = await creerAppDeTest();
});
afterAll(async () => t?.close());

const get = async (url: string) => {
  const res = await t.app.inject({ url });
  return { status: res.statusCode, body: res.json() };
};

const voie = (reponse: VoiesReponse, code: string) => {
  const trouvee = reponse.voies.find((v) => v.code === code);
  if (!trouvee) throw new Error(`voie ${code} absente de la réponse`);
  return trouvee;
};

describe('GET /api/v1/voies', () => {
  it('autour de Limoges, donne pour chaque voie les services les plus proches qui la proposent, du plus proche au plus loin, dans le rayon', async () => {
    const { status, body } = await get('/api/v1/voies?commune=87085&rayon_km=40&metier=M1805');
    expect(status).toBe(200);
    const reponse = body as VoiesReponse;
    expect(reponse.recherche).toEqual({ commune: { code: '87085', nom: 'Limoges' }, rayon_km: 40 });
    expect(reponse.metier).toBe('M1805');
    expect(reponse.voies.map((v) => v.code)).toEqual(['formation', 'vae', 'bilan-competences', 'immersion', 'creation-entreprise']);
    for (const v of reponse.voies) {
      const proches = v.proches!;
      expect(proches.services.length, v.code).toBeGreaterThan(0);
      expect(proches.services.length).toBeLessThanOrEqual(SERVICES_PAR_VOIE);
      expect(proches.total).toBeGreaterThanOrEqual(proches.services.length);
      const distances = proches.services.map((s) => s.distance_km!);
      expect(distances).toEqual([...distances].sort((a, b) => a - b));
      expect(Math.max(...distances)).toBeLessThanOrEqual(40);
      for (const s of proches.services)
        expect(
          s.thematiques.some((th) => v.thematiques.includes(th)),
          `${v.code} : ${s.nom}`,
        ).toBe(true);
    }
  });

  it('propose la validation des acquis du CIBC de démonstration parmi les services proches de Limoges pour la VAE', async () => {
    const { body } = await get('/api/v1/voies?commune=87085&rayon_km=10');
    const vae = voie(body as VoiesReponse, 'vae');
    expect(vae.proches!.services.some((s) => s.structure.nom === 'CIBC Limousin (démonstration)' && s.demonstration)).toBe(true);
    expect(vae.conditions.join(' ')).toContain('rapport direct avec la certification');
  });

  it('dit ce que demande chaque voie : conditions, durée, financement, étapes et textes officiels', async () => {
    const { body } = await get('/api/v1/voies?commune=33063');
    const bilan = voie(body as VoiesReponse, 'bilan-competences');
    expect(bilan.duree).toContain('24 heures au plus');
    expect(bilan.financement.some((f) => f.includes('compte personnel de formation'))).toBe(true);
    expect(bilan.etapes.length).toBeGreaterThanOrEqual(2);
    expect(bilan.references.map((r) => r.libelle)).toContain('Code du travail, articles R6313-4 à R6313-8 (phases, durée, convention)');
    const immersion = voie(body as VoiesReponse, 'immersion');
    expect(immersion.duree).toBe('Un mois au plus par période, de présence continue ou non.');
    expect((body as VoiesReponse).recherche.rayon_km).toBe(RAYON_DEFAUT_KM);
  });

  it('sans commune, donne les voies et ce qu’elles demandent, sans services ni métier', async () => {
    const { status, body } = await get('/api/v1/voies');
    expect(status).toBe(200);
    const reponse = body as VoiesReponse;
    expect(reponse.recherche).toEqual({ commune: null, rayon_km: null });
    expect(reponse.metier).toBeNull();
    expect(reponse.voies).toHaveLength(5);
    expect(reponse.voies.every((v) => v.proches === null)).toBe(true);
    expect(reponse.version).toMatch(/\S/);
  });

  it('n’enregistre rien de la recherche du visiteur', async () => {
    const compter = async () => (await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_evenement`))[0]!.n;
    const avant = await compter();
    expect((await get('/api/v1/voies?commune=64445&metier=F1703')).status).toBe(200);
    expect(await compter()).toBe(avant);
  });
});

describe('GET /api/v1/voies : une entrée invalide est refusée (400) et ne change rien', () => {
  it.each([
    ['un code ROME mal formé', '/api/v1/voies?metier=M18', 'validation', 'metier'],
    ['un code de commune mal formé', '/api/v1/voies?commune=Limoges', 'validation', 'commune'],
    ['un rayon au-delà de 200 km', '/api/v1/voies?commune=87085&rayon_km=500', 'validation', 'rayon_km'],
    ['un rayon qui n’est pas un nombre', '/api/v1/voies?commune=87085&rayon_km=loin', 'validation', 'rayon_km'],
    ['un rayon sans commune', '/api/v1/voies?rayon_km=10', 'voies.rayon_sans_commune', 'rayon_km'],
    ['une commune inconnue', '/api/v1/voies?commune=99999', 'territoire.commune_inconnue', 'commune'],
  ])('%s', async (_cas, url, code, chemin) => {
    const { status, body } = await get(url);
    expect(status).toBe(400);
    expect(body.erreur.code).toBe(code);
    expect(body.erreur.message).toMatch(/\S/);
    expect(body.erreur.champs.map((c: { chemin: string }) => c.chemin)).toContain(chemin);
  });

  it('un paramètre inconnu', async () => {
    const { status, body } = await get('/api/v1/voies?commune=87085&thematiques=se-former');
    expect(status).toBe(400);
    expect(body.erreur.code).toBe('validation');
  });
});
