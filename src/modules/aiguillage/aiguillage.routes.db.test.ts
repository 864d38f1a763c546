import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDeTest, creerAppDeTest } from '../../../test/harness/app.js';
import { ClientHttp } from '../../../test/harness/client-http.js';
import { evenementsDomainePendant } from '../../../test/harness/evenements.js';
import { agentConnecte } from '../../../test/harness/sessions.js';
import { rows } from '../../db/client.js';
import { buildApp } from '../../server/app.js';
import { projectRoot } from '../../shared/config.js';
import type { ContenuRegles, ReponseAiguillage, TypeOperateur } from './aiguillage.contract.js';

// A fixed instant when a test needs one (ages, dates of effect); the real clock otherwise, so
// that sessions and second-factor codes behave as in production.
let horloge: Date | null = null;
let t: AppDeTest;
let coordinateur: ClientHttp;
let coordinateurBretagne: ClientHttp;
let administrateur: ClientHttp;
let conseiller: ClientHttp;

const NOUVELLE_AQUITAINE = '75';
const BORDEAUX = '33063';
const PARIS = '75056';

beforeAll(async () => {
  t = await creerAppDeTest({}, { now: () => horloge ?? new Date() });
  coordinateur = (await agentConnecte(t, [{ role: 'coordinator', territoireCode: NOUVELLE_AQUITAINE }], { prenom: 'Claire', nom: 'Coordination' })).client;
  coordinateurBretagne = (await agentConnecte(t, [{ role: 'coordinator', territoireCode: '53' }])).client;
  administrateur = (await agentConnecte(t, [{ role: 'admin' }])).client;
  const [structure] = await rows<{ id: string }>(t.database.db, sql`SELECT id FROM annuaire_structure WHERE demonstration LIMIT 1`);
  conseiller = (await agentConnecte(t, [{ role: 'advisor', structureId: structure!.id }])).client;
});
afterAll(async () => t?.close());

const nationales = JSON.parse(readFileSync(path.join(projectRoot, 'data/aiguillage/regles-nationales.json'), 'utf8')) as {
  version: string;
  contenu: ContenuRegles;
};

const profil = (surcharge: Record<string, unknown> = {}) => ({
  age: 40,
  situation: 'salarie_prive',
  cadre: false,
  niveau_diplome: 4,
  handicap_reconnu: false,
  emploi_menace_sante: false,
  commune: BORDEAUX,
  ...surcharge,
});

const aiguiller = (corps: unknown, client = new ClientHttp(t.app)) =>
  client.requete({ method: 'POST', url: '/api/v1/aiguillage', payload: corps as object, sansCsrf: true });
const types = (r: LightMyRequestResponse) => r.json<ReponseAiguillage>().operateurs.map((o) => o.type);

async function nombreDeLignes(): Promise<Record<string, number>> {
  const tables = await rows<{ tablename: string }>(t.database.db, sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const comptes: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [ligne] = await rows<{ n: number }>(t.database.db, sql.raw(`SELECT count(*)::int AS n FROM "${tablename}"`));
    comptes[tablename] = ligne!.n;
  }
  return comptes;
}

async function evenementsDepuis(id: number) {
  return rows<{
    action: string;
    resultat: string;
    acteur_role: string | null;
    cible_id: string | null;
    raison: string | null;
    details: Record<string, unknown>;
  }>(t.database.db, sql`SELECT action, resultat, acteur_role, cible_id, raison, details FROM audit_evenement WHERE id > ${id} ORDER BY id`);
}
async function dernierIdAudit(): Promise<number> {
  const [l] = await rows<{ id: number | null }>(t.database.db, sql`SELECT max(id)::int AS id FROM audit_evenement`);
  return l!.id ?? 0;
}

describe('POST /api/v1/aiguillage (public)', () => {
  it('donne à un demandeur d’emploi de 22 ans avec une RQTH les trois opérateurs, Cap emploi recommandé, avec leurs raisons et leurs lieux les plus proches', async () => {
    const reponse = await aiguiller(profil({ age: 22, situation: 'demandeur_emploi', niveau_diplome: 3, handicap_reconnu: true }));
    expect(reponse.statusCode).toBe(200);
    const corps = reponse.json<ReponseAiguillage>();
    expect(corps.operateurs.map((o) => [o.type, o.recommande])).toEqual([
      ['cap_emploi', true],
      ['mission_locale', false],
      ['france_travail', false],
    ]);
    expect(corps.operateurs[0]!.raison_recommandation).toMatch(/^Cap emploi est spécialisé/);
    expect(corps.operateurs.find((o) => o.type === 'mission_locale')!.raisons[0]!.texte).toMatch(/^Vous avez 22 ans : les Missions locales/);
    expect(corps.version_regles).toBe(`national/${nationales.version}`);
    expect(corps.commune).toEqual({ code: BORDEAUX, nom: 'Bordeaux', region_code: NOUVELLE_AQUITAINE });
    expect(corps.autres_orientations).toEqual([]);
  });

  it('donne pour chaque opérateur ses trois lieux d’accueil les plus proches, de son réseau, du plus proche au plus loin', async () => {
    const corps = (
      await aiguiller(profil({ age: 24, situation: 'salarie_prive', cadre: true, niveau_diplome: 7, handicap_reconnu: true }))
    ).json<ReponseAiguillage>();
    expect(corps.operateurs.map((o) => o.type).toSorted()).toEqual(['apec', 'cap_emploi', 'mission_locale', 'operateur_cep_regional']);
    for (const operateur of corps.operateurs) {
      expect(operateur.sites.length, operateur.type).toBe(3);
      const distances = operateur.sites.map((s) => s.distance_km);
      expect(distances).toEqual(distances.toSorted((a, b) => a - b));
      const reseaux = await rows<{ operateur_cep: TypeOperateur; accueil_public: boolean }>(
        t.database.db,
        sql`SELECT r.operateur_cep, si.accueil_public FROM annuaire_site si JOIN annuaire_structure st ON st.id = si.structure_id
          JOIN annuaire_reseau r ON r.code = st.reseau_code WHERE si.id = ANY (${sql.param(operateur.sites.map((s) => s.id))}::uuid[])`,
      );
      expect(reseaux).toEqual(operateur.sites.map(() => ({ operateur_cep: operateur.type, accueil_public: true })));
    }
    // The regional operator of the demonstration territory has a place in Bordeaux with its hours.
    const [premier] = corps.operateurs.find((o) => o.type === 'operateur_cep_regional')!.sites;
    expect(premier).toMatchObject({
      canaux: expect.arrayContaining(['sur_place']),
      structure: { nom: expect.any(String) },
      commune: { code: expect.any(String) },
    });
    expect(premier!.distance_km).toBeLessThan(10);
  });

  it('joint les canaux à distance et ce qu’il faut apporter, tels que les règles en vigueur les décrivent', async () => {
    const [franceTravail] = (await aiguiller(profil({ situation: 'demandeur_emploi' }))).json<ReponseAiguillage>().operateurs;
    expect(franceTravail!.canaux_distance).toEqual(nationales.contenu.operateurs.france_travail.canaux_distance);
    expect(franceTravail!.a_apporter).toEqual(nationales.contenu.operateurs.france_travail.a_apporter);
  });

  it('oriente un agent public vers son employeur et un étudiant vers les CIO et services universitaires les plus proches', async () => {
    const agentPublic = (await aiguiller(profil({ situation: 'salarie_public' }))).json<ReponseAiguillage>();
    expect(agentPublic.operateurs).toEqual([]);
    expect(agentPublic.autres_orientations).toEqual([expect.objectContaining({ code: 'employeur_public', sites: [] })]);

    const etudiant = (await aiguiller(profil({ age: 20, situation: 'eleve_etudiant' }))).json<ReponseAiguillage>();
    expect(etudiant.autres_orientations.map((o) => [o.code, o.sites.length])).toEqual([
      ['cio', 3],
      ['scuio', 3],
    ]);
    expect(etudiant.autres_orientations[0]!.raisons[0]!.texte).toMatch(/^Vous êtes élève ou étudiant/);
  });

  it('calcule l’âge le jour de la demande, en France, bornes comprises', async () => {
    horloge = new Date('2026-06-14T22:30:00Z'); // 15 June 2026, 00:30 in Paris
    try {
      expect(types(await aiguiller(profil({ age: undefined, date_naissance: '2000-06-15', situation: 'demandeur_emploi' })))).toEqual(['france_travail']);
      expect(types(await aiguiller(profil({ age: undefined, date_naissance: '2000-06-16', situation: 'demandeur_emploi' })))).toEqual([
        'mission_locale',
        'france_travail',
      ]);
      expect(types(await aiguiller(profil({ age: undefined, date_naissance: '2010-06-15', situation: 'demandeur_emploi' })))).toEqual([
        'mission_locale',
        'france_travail',
      ]);
      expect(types(await aiguiller(profil({ age: undefined, date_naissance: '2010-06-16', situation: 'demandeur_emploi' })))).toEqual(['france_travail']);
    } finally {
      horloge = null;
    }
  });

  it('refuse en 400, au format des erreurs de l’API, un profil avec l’âge et la date de naissance, ou sans aucun des deux', async () => {
    const lesDeux = await aiguiller(profil({ date_naissance: '1990-01-01' }));
    expect(lesDeux.statusCode).toBe(400);
    expect(lesDeux.json()).toEqual({
      erreur: {
        code: 'validation',
        message: 'La requête contient des valeurs invalides : corrigez les champs indiqués et réessayez.',
        champs: [{ chemin: 'age', message: 'indiquez la date de naissance ou l’âge, pas les deux' }],
      },
    });
    const aucun = await aiguiller(profil({ age: undefined }));
    expect(aucun.statusCode).toBe(400);
    expect(aucun.json().erreur.champs).toEqual([{ chemin: 'date_naissance', message: 'indiquez la date de naissance ou l’âge' }]);
  });

  it('refuse en 400 un champ invalide ou inconnu, une date de naissance future, une commune inconnue', async () => {
    const cas: [Record<string, unknown>, string, string][] = [
      [{ situation: 'retraite' }, 'validation', 'situation'],
      [{ niveau_diplome: 9 }, 'validation', 'niveau_diplome'],
      [{ cadre: 'oui' }, 'validation', 'cadre'],
      [{ revenu: 1200 }, 'validation', ''],
      [{ age: undefined, date_naissance: '2099-01-01' }, 'validation', 'date_naissance'],
      [{ commune: '99999' }, 'territoire.commune_inconnue', 'commune'],
    ];
    for (const [surcharge, code, chemin] of cas) {
      const reponse = await aiguiller(profil(surcharge));
      expect(reponse.statusCode, JSON.stringify(surcharge)).toBe(400);
      expect(reponse.json().erreur.code).toBe(code);
      if (chemin) expect(reponse.json().erreur.champs.map((c: { chemin: string }) => c.chemin)).toContain(chemin);
    }
  });

  it('n’écrit que l’événement qui compte la réponse, sans rien du profil que la situation ; rien pour un profil refusé', async () => {
    const avant = await nombreDeLignes();
    const { resultat: reponse, evenements } = await evenementsDomainePendant(t.database.db, () =>
      aiguiller(profil({ age: undefined, date_naissance: '1987-04-13', handicap_reconnu: true, emploi_menace_sante: true })),
    );
    expect(reponse.statusCode).toBe(200);
    const corps = reponse.json<ReponseAiguillage>();
    expect(evenements).toEqual([
      {
        region_code: NOUVELLE_AQUITAINE,
        type: 'aiguillage.repondu',
        agregat_type: 'regles_aiguillage',
        agregat_id: corps.regles.id,
        structure_id: null,
        donnees: {
          version_regles: `national/${nationales.version}`,
          commune_code: BORDEAUX,
          departement_code: '33',
          situation: 'salarie_prive',
          operateurs: corps.operateurs.map((o) => o.type),
          operateur_recommande: corps.operateurs.find((o) => o.recommande)!.type,
          autres_orientations: corps.autres_orientations.map((o) => o.code),
        },
      },
    ]);
    expect(corps.operateurs.map((o) => o.type)).toContain('cap_emploi');
    // Neither the date of birth, the age, nor the health and disability facts: only what was answered.
    expect(JSON.stringify(evenements)).not.toMatch(/1987|"age"|date_naissance|handicap|emploi_menace/);

    const { resultat: refuse, evenements: aucun } = await evenementsDomainePendant(t.database.db, () => aiguiller(profil({ situation: 'retraite' })));
    expect(refuse.statusCode).toBe(400);
    expect(aucun).toEqual([]);
    expect(await nombreDeLignes()).toEqual({ ...avant, evenement_domaine: avant.evenement_domaine! + 1 });
  });

  it('ne demande ni session ni jeton CSRF, même depuis un autre site', async () => {
    const reponse = await t.app.inject({
      method: 'POST',
      url: '/api/v1/aiguillage',
      payload: profil(),
      headers: { origin: 'https://ailleurs.exemple', 'sec-fetch-site': 'cross-site' },
    });
    expect(reponse.statusCode).toBe(200);
  });

  it('n’écrit pas le profil dans les journaux du serveur', async () => {
    let journaux = '';
    const flux = new Writable({
      write(morceau, _encodage, suite) {
        journaux += String(morceau);
        suite();
      },
    });
    const app = await buildApp({ config: t.config, database: t.database, logger: { level: 'trace', stream: flux } });
    try {
      const reponse = await app.inject({
        method: 'POST',
        url: '/api/v1/aiguillage',
        payload: profil({ age: undefined, date_naissance: '1987-04-13', commune: '33529' }),
      });
      expect(reponse.statusCode).toBe(200);
      await app.inject({ method: 'POST', url: '/api/v1/aiguillage', payload: profil({ age: undefined, date_naissance: '1987-04-13', situation: 'inconnue' }) });
    } finally {
      await app.close();
    }
    expect(journaux).toContain('/api/v1/aiguillage');
    for (const fragment of ['1987-04-13', '33529', 'handicap_reconnu', 'inconnue']) expect(journaux).not.toContain(fragment);
  });

  it('limite le nombre de demandes par minute et par adresse', async () => {
    const app = await buildApp({ config: { ...t.config, RECHERCHE_LIMITE_PAR_MINUTE: 2 }, database: t.database, logger: false });
    try {
      const statuts = [];
      for (let i = 0; i < 3; i++) statuts.push((await app.inject({ method: 'POST', url: '/api/v1/aiguillage', payload: profil() })).statusCode);
      expect(statuts).toEqual([200, 200, 429]);
    } finally {
      await app.close();
    }
  });
});

// ── Coordinators ───────────────────────────────────────────────────────────

const contenuAvec = (modifier: (c: ContenuRegles) => void): ContenuRegles => {
  const copie = structuredClone(nationales.contenu);
  modifier(copie);
  return copie;
};
// Missions locales from 18 only: a regional change the test table notices.
const missionLocaleDes18 = contenuAvec((c) => {
  const regle = c.regles.find((r) => r.id === 'mission_locale.jeune')!;
  regle.condition = { tous: [{ fait: 'age', entre: [18, 25] }, { non: { fait: 'situation', dans: ['eleve_etudiant'] } }] };
});

let compteurVersions = 0;
async function deposer(client: ClientHttp, corps: { region_code?: string | null; version?: string; date_effet?: string; contenu?: unknown } = {}) {
  return client.post('/api/v1/aiguillage/regles', {
    region_code: NOUVELLE_AQUITAINE,
    version: `essai-${++compteurVersions}`,
    date_effet: '2025-01-01',
    contenu: missionLocaleDes18,
    ...corps,
  });
}

async function idNational(): Promise<string> {
  const liste = (await coordinateur.get(`/api/v1/aiguillage/regles?region=${NOUVELLE_AQUITAINE}`)).json<{
    versions: { id: string; region_code: string | null; version: string }[];
  }>();
  return liste.versions.find((v) => v.region_code === null && v.version === nationales.version)!.id;
}

describe('règles d’aiguillage : accès des coordinateurs', () => {
  it('refuse la liste sans session (401) et à un conseiller (403)', async () => {
    expect((await new ClientHttp(t.app).get('/api/v1/aiguillage/regles?region=75')).json().erreur.code).toBe('identite.non_connecte');
    const refus = await conseiller.get('/api/v1/aiguillage/regles?region=75');
    expect([refus.statusCode, refus.json().erreur.code]).toEqual([403, 'identite.acces_refuse']);
  });

  it('montre au coordinateur les versions de sa région et la version nationale en vigueur, et journalise la consultation', async () => {
    const avant = await dernierIdAudit();
    const reponse = await coordinateur.get('/api/v1/aiguillage/regles?region=75');
    expect(reponse.statusCode).toBe(200);
    expect(reponse.json().versions).toContainEqual(
      expect.objectContaining({
        region_code: null,
        version: nationales.version,
        statut: 'publie',
        en_vigueur: true,
        auteur: 'Trajectoires — règles nationales par défaut',
      }),
    );
    expect(await evenementsDepuis(avant)).toEqual([
      {
        action: 'aiguillage.regles.lister',
        resultat: 'succes',
        acteur_role: 'coordinator',
        cible_id: null,
        raison: 'coordination',
        details: { region_code: '75' },
      },
    ]);
  });

  it('répond 404 au coordinateur d’une autre région, et journalise le refus', async () => {
    const avant = await dernierIdAudit();
    const reponse = await coordinateurBretagne.get('/api/v1/aiguillage/regles?region=75');
    expect([reponse.statusCode, reponse.json().erreur.code]).toEqual([404, 'aiguillage.regles_introuvables']);
    expect(await evenementsDepuis(avant)).toEqual([
      expect.objectContaining({ action: 'aiguillage.regles.lister', resultat: 'refus', raison: 'hors_perimetre' }),
    ]);
  });

  it('affiche le contenu d’une version, la version nationale comprise', async () => {
    const reponse = await coordinateur.get(`/api/v1/aiguillage/regles/${await idNational()}`);
    expect(reponse.statusCode).toBe(200);
    expect(reponse.json().contenu).toEqual(nationales.contenu);
  });
});

describe('règles d’aiguillage : dépôt, essai, comparaison, publication', () => {
  it('enregistre une nouvelle version en brouillon, de l’auteur connecté, sans la mettre en vigueur', async () => {
    const avant = await dernierIdAudit();
    const reponse = await deposer(coordinateur, { version: 'na-2026-1' });
    expect(reponse.statusCode).toBe(201);
    expect(reponse.json()).toMatchObject({
      region_code: '75',
      version: 'na-2026-1',
      statut: 'brouillon',
      en_vigueur: false,
      auteur: 'Claire Coordination',
      publie_le: null,
    });
    expect(await evenementsDepuis(avant)).toEqual([
      expect.objectContaining({
        action: 'aiguillage.regles.deposer',
        resultat: 'succes',
        cible_id: reponse.json().id,
        details: { region_code: '75', version: 'na-2026-1' },
      }),
    ]);
    expect(types(await aiguiller(profil({ age: 17, situation: 'demandeur_emploi' })))).toEqual(['mission_locale', 'france_travail']);
  });

  it('refuse en 400 un contenu invalide, avec le chemin et un message en français pour chaque erreur, et n’enregistre rien', async () => {
    const avant = await nombreDeLignes();
    const invalide = contenuAvec((c) => {
      c.regles[0]!.condition = { fait: 'revenu', au_plus: 1000 } as never;
      c.regles[1]!.raison = 'Vous gagnez {salaire} euros';
    });
    const reponse = await deposer(coordinateur, { contenu: invalide });
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json().erreur.champs).toEqual([
      { chemin: 'contenu.regles.0.condition.fait', message: expect.stringMatching(/^fait inconnu ici/) },
      { chemin: 'contenu.regles.1.raison', message: 'raison : variable {salaire} inconnue (variables possibles : {age})' },
    ]);
    expect(await nombreDeLignes()).toEqual(avant);
  });

  it('refuse en 403 un dépôt pour une autre région ou pour les règles nationales, et 409 une version déjà prise', async () => {
    const ailleurs = await deposer(coordinateur, { region_code: '53' });
    expect([ailleurs.statusCode, ailleurs.json().erreur.code]).toEqual([403, 'aiguillage.perimetre_refuse']);
    const national = await deposer(coordinateur, { region_code: null });
    expect([national.statusCode, national.json().erreur.code]).toEqual([403, 'aiguillage.perimetre_refuse']);
    expect((await deposer(coordinateur, { version: 'doublon' })).statusCode).toBe(201);
    const doublon = await deposer(coordinateur, { version: 'doublon' });
    expect([doublon.statusCode, doublon.json().erreur.code]).toEqual([409, 'aiguillage.version_existante']);
  });

  it('laisse un administrateur déposer une version nationale', async () => {
    const reponse = await deposer(administrateur, { region_code: null, contenu: nationales.contenu });
    expect(reponse.statusCode).toBe(201);
    expect(reponse.json()).toMatchObject({ region_code: null, statut: 'brouillon' });
  });

  it('essaie une version sur la table des profils : tout réussit pour les règles nationales, les profils touchés échouent pour la variante', async () => {
    const nationale = await coordinateur.post(`/api/v1/aiguillage/regles/${await idNational()}/essai`);
    expect(nationale.statusCode).toBe(200);
    expect(nationale.json()).toMatchObject({ echoues: 0, reussis: 41 });

    const brouillon = (await deposer(coordinateur)).json<{ id: string }>();
    const avant = await dernierIdAudit();
    const essai = await coordinateur.post(`/api/v1/aiguillage/regles/${brouillon.id}/essai`);
    expect(essai.statusCode).toBe(200);
    const echoues = essai
      .json<{ profils: { id: string; reussi: boolean; obtenu: { operateurs: string[] }; attendu: { operateurs: string[] } }[] }>()
      .profils.filter((p) => !p.reussi);
    expect(echoues.map((p) => p.id)).toEqual(['de-16']);
    expect(echoues[0]!.obtenu.operateurs).toEqual(['france_travail']);
    expect(echoues[0]!.attendu.operateurs).toEqual(['france_travail', 'mission_locale']);
    expect(await evenementsDepuis(avant)).toEqual([
      expect.objectContaining({ action: 'aiguillage.regles.essayer', resultat: 'succes', cible_id: brouillon.id }),
    ]);
  });

  it('compare les réponses de deux versions sur la table des profils', async () => {
    const brouillon = (await deposer(coordinateur)).json<{ id: string }>();
    const reponse = await coordinateur.get(`/api/v1/aiguillage/regles/comparaison?de=${await idNational()}&a=${brouillon.id}`);
    expect(reponse.statusCode).toBe(200);
    const corps = reponse.json<{ differences: number; profils: { id: string; identique: boolean; de: { recommande: string }; a: { recommande: string } }[] }>();
    expect(corps.differences).toBe(1);
    expect(corps.profils.filter((p) => !p.identique).map((p) => [p.id, p.de.recommande, p.a.recommande])).toEqual([
      ['de-16', 'mission_locale', 'france_travail'],
    ]);
  });

  it('publie un brouillon : il répond pour sa région dès sa date d’effet, les autres régions gardent les règles nationales', async () => {
    const brouillon = (await deposer(coordinateur, { version: 'na-futur', date_effet: '2027-03-01' })).json<{ id: string }>();
    const avant = await dernierIdAudit();
    const publication = await coordinateur.post(`/api/v1/aiguillage/regles/${brouillon.id}/publication`);
    expect(publication.statusCode).toBe(200);
    expect(publication.json()).toMatchObject({ statut: 'publie', en_vigueur: false });
    expect(await evenementsDepuis(avant)).toEqual([
      expect.objectContaining({ action: 'aiguillage.regles.publier', resultat: 'succes', cible_id: brouillon.id, raison: 'coordination' }),
    ]);
    const seize = profil({ age: 16, situation: 'demandeur_emploi' });
    expect(types(await aiguiller(seize))).toEqual(['mission_locale', 'france_travail']);

    horloge = new Date('2027-03-01T00:30:00+01:00');
    try {
      const bordeaux = (await aiguiller(seize)).json<ReponseAiguillage>();
      expect(bordeaux.operateurs.map((o) => o.type)).toEqual(['france_travail']);
      expect(bordeaux.version_regles).toBe('region-75/na-futur');
      const paris = (await aiguiller({ ...seize, commune: PARIS })).json<ReponseAiguillage>();
      expect(paris.operateurs.map((o) => o.type)).toEqual(['mission_locale', 'france_travail']);
      expect(paris.version_regles).toBe(`national/${nationales.version}`);
    } finally {
      horloge = null;
    }
  });

  it('refuse de republier (409), de publier pour une autre région (404) ou les règles nationales (403)', async () => {
    // In effect long after the other tests' dates: its publication changes no other answer.
    const brouillon = (await deposer(coordinateur, { date_effet: '2099-01-01' })).json<{ id: string }>();
    expect((await coordinateur.post(`/api/v1/aiguillage/regles/${brouillon.id}/publication`)).statusCode).toBe(200);
    const encore = await coordinateur.post(`/api/v1/aiguillage/regles/${brouillon.id}/publication`);
    expect([encore.statusCode, encore.json().erreur.code]).toEqual([409, 'aiguillage.deja_publiee']);

    const autre = (await deposer(coordinateur)).json<{ id: string }>();
    const avant = await dernierIdAudit();
    const etrangere = await coordinateurBretagne.post(`/api/v1/aiguillage/regles/${autre.id}/publication`);
    const inexistante = await coordinateurBretagne.post(`/api/v1/aiguillage/regles/${randomUUID()}/publication`);
    expect(etrangere.statusCode).toBe(404);
    expect(etrangere.json()).toEqual(inexistante.json());
    expect(await evenementsDepuis(avant)).toEqual([expect.objectContaining({ action: 'aiguillage.regles.publier', resultat: 'refus', cible_id: autre.id })]);

    const nationale = (await deposer(administrateur, { region_code: null, contenu: nationales.contenu })).json<{ id: string }>();
    const refus = await coordinateur.post(`/api/v1/aiguillage/regles/${nationale.id}/publication`);
    expect([refus.statusCode, refus.json().erreur.code]).toEqual([403, 'aiguillage.perimetre_refuse']);
  });

  it('cache au coordinateur d’une autre région les versions de la région, comme une version inexistante', async () => {
    const brouillon = (await deposer(coordinateur)).json<{ id: string }>();
    for (const suite of ['', '/essai']) {
      const methode = suite ? 'POST' : 'GET';
      const etrangere = await coordinateurBretagne.requete({ method: methode, url: `/api/v1/aiguillage/regles/${brouillon.id}${suite}` });
      const inexistante = await coordinateurBretagne.requete({ method: methode, url: `/api/v1/aiguillage/regles/${randomUUID()}${suite}` });
      expect([etrangere.statusCode, etrangere.json()]).toEqual([404, inexistante.json()]);
    }
  });
});
