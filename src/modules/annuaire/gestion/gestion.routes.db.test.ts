import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActeurDeTest, type CleActeur, type MondeDeTest, creerActeurs } from '../../../../test/harness/acteurs.js';
import { type AppDeTest, creerAppDeTest } from '../../../../test/harness/app.js';
import type { ClientHttp } from '../../../../test/harness/client-http.js';
import { evenementsDomainePendant } from '../../../../test/harness/evenements.js';
import { rows } from '../../../db/client.js';
import { REGION_NON_RATTACHEE } from '../annuaire.tables.js';
import type { StructureGeree } from './gestion.contract.js';

let t: AppDeTest;
let monde: MondeDeTest;
let A: string;
let appelsPatch = 0;

beforeAll(async () => {
  t = await creerAppDeTest();
  monde = await creerActeurs(t);
  A = monde.structureA;
});
afterAll(async () => t?.close());

const acteur = (cle: CleActeur): ActeurDeTest => monde.acteurs[cle];
const url = (structureId: string, suite = '') => `/api/v1/gestion/structures/${structureId}${suite}`;

/** The record as an administrator reads it: versions and ids to build the calls with. */
async function fiche(structureId: string): Promise<StructureGeree> {
  const reponse = await acteur('admin').client.get(url(structureId));
  expect(reponse.statusCode).toBe(200);
  return reponse.json<StructureGeree>();
}

const envoyer = (client: ClientHttp, method: 'POST' | 'PATCH' | 'DELETE', chemin: string, payload?: unknown) =>
  client.requete({ method, url: chemin, ...(payload === undefined ? {} : { payload: payload as object }) });

interface EvenementLu {
  action: string;
  resultat: string;
  acteur_utilisateur_id: string | null;
  acteur_role: string | null;
  cible_type: string | null;
  cible_id: string | null;
  cible_structure_id: string | null;
  raison: string | null;
  details: { champs?: string[]; operation?: string };
}

async function dernierEvenement(): Promise<EvenementLu | undefined> {
  const [e] = await rows<EvenementLu>(
    t.database.db,
    sql`SELECT action, resultat, acteur_utilisateur_id::text AS acteur_utilisateur_id, acteur_role, cible_type, cible_id, cible_structure_id, raison, details
      FROM audit_evenement ORDER BY id DESC LIMIT 1`,
  );
  return e;
}

async function nombreEvenements(): Promise<number> {
  const [n] = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_evenement`);
  return n!.n;
}

/** A place with nothing attached, which a call may delete. */
async function nouveauLieu(structureId: string): Promise<{ id: string; version: number }> {
  const nom = `Permanence ${randomUUID().slice(0, 6)}`;
  const reponse = await envoyer(acteur('admin').client, 'POST', url(structureId, '/sites'), { nom, commune_code: '33063' });
  expect(reponse.statusCode).toBe(201);
  const lieu = reponse.json<StructureGeree>().sites.find((s) => s.nom === nom)!;
  return { id: lieu.id, version: lieu.version };
}

async function nouveauService(structureId: string): Promise<{ id: string; version: number }> {
  const nom = `Atelier ${randomUUID().slice(0, 6)}`;
  const reponse = await envoyer(acteur('admin').client, 'POST', url(structureId, '/services'), {
    nom,
    description: 'Un atelier collectif pour préparer sa candidature.',
    thematiques: ['preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation'],
    publics: ['tous-publics'],
  });
  expect(reponse.statusCode).toBe(201);
  const cree = reponse.json<StructureGeree>().services.find((s) => s.nom === nom)!;
  return { id: cree.id, version: cree.version };
}

async function nouveauContact(structureId: string): Promise<{ id: string; version: number }> {
  const nom = `Dominique ${randomUUID().slice(0, 6)}`;
  const reponse = await envoyer(acteur('admin').client, 'POST', url(structureId, '/contacts'), { nom, fonction: 'Accueil' });
  expect(reponse.statusCode).toBe(201);
  const cree = reponse.json<StructureGeree>().contacts.find((c) => c.nom === nom)!;
  return { id: cree.id, version: cree.version };
}

/**
 * Every management route that names a structure. `appel` makes the call on structure `cible`,
 * with versions and ids read from structure A (a random structure id then still names A's records).
 */
interface Scenario {
  nom: string;
  action: string | null;
  statut: number;
  appel(client: ClientHttp, cible: string): Promise<LightMyRequestResponse>;
}

const SCENARIOS: Scenario[] = [
  { nom: 'GET fiche', action: 'annuaire.structure.lire', statut: 200, appel: (c, id) => c.get(url(id)) },
  { nom: 'GET historique', action: 'annuaire.historique.lire', statut: 200, appel: (c, id) => c.get(url(id, '/historique')) },
  {
    nom: 'PATCH structure',
    action: 'annuaire.structure.modifier',
    statut: 200,
    // A new number at each call: an unchanged value writes nothing, and the test reads the write's event.
    appel: async (c, id) => envoyer(c, 'PATCH', url(id), { version: (await fiche(A)).version, telephone: `05 00 00 ${String(10 + (appelsPatch++ % 90))} 00` }),
  },
  { nom: 'POST confirmation', action: 'annuaire.structure.confirmer', statut: 200, appel: (c, id) => envoyer(c, 'POST', url(id, '/confirmation')) },
  {
    nom: 'POST site',
    action: 'annuaire.site.creer',
    statut: 201,
    appel: (c, id) =>
      envoyer(c, 'POST', url(id, '/sites'), {
        nom: 'Permanence du marché',
        commune_code: '33063',
        horaires: [{ jours: [3], plages: [{ debut: '09:00', fin: '12:00' }] }],
      }),
  },
  {
    nom: 'PATCH site',
    action: 'annuaire.site.modifier',
    statut: 200,
    appel: async (c, id) => {
      const lieu = await nouveauLieu(A);
      return envoyer(c, 'PATCH', url(id, `/sites/${lieu.id}`), { version: lieu.version, accessibilite: 'Rampe d’accès' });
    },
  },
  {
    nom: 'DELETE site',
    action: 'annuaire.site.supprimer',
    statut: 200,
    appel: async (c, id) => {
      const lieu = await nouveauLieu(A);
      return envoyer(c, 'DELETE', url(id, `/sites/${lieu.id}?version=${lieu.version}`));
    },
  },
  {
    nom: 'POST service',
    action: 'annuaire.service.creer',
    statut: 201,
    appel: (c, id) =>
      envoyer(c, 'POST', url(id, '/services'), {
        nom: 'Café emploi',
        description: 'Rencontres mensuelles avec des employeurs.',
        thematiques: ['trouver-un-emploi--repondre-a-des-offres-demploi'],
        publics: ['tous-publics'],
      }),
  },
  {
    nom: 'PATCH service',
    action: 'annuaire.service.modifier',
    statut: 200,
    appel: async (c, id) => {
      const cree = await nouveauService(A);
      return envoyer(c, 'PATCH', url(id, `/services/${cree.id}`), { version: cree.version, frais: 'gratuit' });
    },
  },
  {
    nom: 'DELETE service',
    action: 'annuaire.service.supprimer',
    statut: 200,
    appel: async (c, id) => {
      const cree = await nouveauService(A);
      return envoyer(c, 'DELETE', url(id, `/services/${cree.id}?version=${cree.version}`));
    },
  },
  {
    nom: 'POST contact',
    action: 'annuaire.contact.creer',
    statut: 201,
    appel: (c, id) => envoyer(c, 'POST', url(id, '/contacts'), { nom: 'Claude Martin', courriel: 'claude.martin@exemple.fr' }),
  },
  {
    nom: 'PATCH contact',
    action: 'annuaire.contact.modifier',
    statut: 200,
    appel: async (c, id) => {
      const cree = await nouveauContact(A);
      return envoyer(c, 'PATCH', url(id, `/contacts/${cree.id}`), { version: cree.version, fonction: 'Chargée d’accueil' });
    },
  },
  {
    nom: 'DELETE contact',
    action: 'annuaire.contact.supprimer',
    statut: 200,
    appel: async (c, id) => {
      const cree = await nouveauContact(A);
      return envoyer(c, 'DELETE', url(id, `/contacts/${cree.id}?version=${cree.version}`));
    },
  },
];

describe.each(SCENARIOS)('$nom', (scenario) => {
  it('renvoie 401 à un visiteur non connecté', async () => {
    const reponse = await scenario.appel(acteur('anonyme').client, A);
    expect(reponse.statusCode).toBe(401);
    expect(reponse.json().erreur.code).toBe('identite.non_connecte');
  });

  it('renvoie 403 à un conseiller de la structure (son rôle ne gère pas l’annuaire)', async () => {
    const reponse = await scenario.appel(acteur('conseillerA').client, A);
    expect(reponse.statusCode).toBe(403);
    expect(reponse.json().erreur.code).toBe('identite.acces_refuse');
  });

  it('renvoie 404 au responsable d’une autre structure, avec la même réponse que pour une structure inexistante', async () => {
    const avant = await nombreEvenements();
    const horsPerimetre = await scenario.appel(acteur('responsableB').client, A);
    expect(horsPerimetre.statusCode).toBe(404);
    const inexistante = await scenario.appel(acteur('responsableB').client, randomUUID());
    expect(inexistante.statusCode).toBe(404);
    expect(horsPerimetre.json()).toEqual(inexistante.json());
    expect(horsPerimetre.json().erreur.code).toBe('annuaire.structure_introuvable');
    if (scenario.action) {
      // The attempt on a real structure is in the trail; the missing one has nothing to name.
      const refus = await rows<{ action: string; resultat: string; cible_structure_id: string }>(
        t.database.db,
        sql`SELECT action, resultat, cible_structure_id FROM audit_evenement WHERE id > ${avant} AND resultat = 'refus'`,
      );
      expect(refus).toEqual([{ action: scenario.action, resultat: 'refus', cible_structure_id: A }]);
    }
  });

  it('renvoie 404 au coordinateur d’une autre région', async () => {
    const reponse = await scenario.appel(acteur('coordinateur11').client, A);
    expect(reponse.statusCode).toBe(404);
    expect(reponse.json().erreur.code).toBe('annuaire.structure_introuvable');
  });

  it.each<CleActeur>(['coordinateur75', 'responsableA', 'admin'])('répond %s et journalise l’écriture', async (cle) => {
    const reponse = await scenario.appel(acteur(cle).client, A);
    expect(reponse.statusCode).toBe(scenario.statut);
    expect(reponse.json<StructureGeree>().id ?? reponse.json().modifications).toBeDefined();
    if (!scenario.action) return;
    expect(await dernierEvenement()).toMatchObject({
      action: scenario.action,
      resultat: 'succes',
      acteur_utilisateur_id: acteur(cle).utilisateurId,
      cible_structure_id: A,
      raison: { coordinateur75: 'coordination', responsableA: 'responsable', admin: 'administration' }[cle as string],
    });
  });
});

describe('lectures de la fiche gérée et de son historique (elles nomment agents et contacts)', () => {
  it.each([
    { chemin: '', action: 'annuaire.structure.lire' },
    { chemin: '/historique', action: 'annuaire.historique.lire' },
  ])('GET …$chemin écrit exactement un événement : le lecteur, la structure, son fondement, sans nom ni texte libre', async ({ chemin, action }) => {
    // A contact and a change, so that the page read does name people.
    await envoyer(acteur('responsableA').client, 'POST', url(A, '/contacts'), { nom: 'Ninon Lecteur', courriel: 'ninon.lecteur@exemple.fr' });
    const avant = await nombreEvenements();
    const reponse = await acteur('responsableA').client.get(url(A, chemin));
    expect(reponse.statusCode).toBe(200);
    // The page names people (the contact, the agent who made the change); its event does not.
    expect(reponse.body).toContain(chemin ? 'Camille' : 'Ninon Lecteur');
    const evenements = await rows<Record<string, unknown>>(
      t.database.db,
      sql`SELECT action, resultat, acteur_utilisateur_id::text AS acteur_utilisateur_id, acteur_structure_id::text AS acteur_structure_id,
            acteur_role, cible_type, cible_id, cible_structure_id::text AS cible_structure_id, cible_utilisateur_id, raison, details
          FROM audit_evenement WHERE id > ${avant} ORDER BY id`,
    );
    expect(evenements).toEqual([
      {
        action,
        resultat: 'succes',
        acteur_utilisateur_id: acteur('responsableA').utilisateurId,
        acteur_structure_id: A,
        acteur_role: 'structure_manager',
        cible_type: 'structure',
        cible_id: A,
        cible_structure_id: A,
        cible_utilisateur_id: null,
        raison: 'responsable',
        // Counted by vigilance like every read of personal data.
        details: { lecture_donnees_personnelles: true },
      },
    ]);
    const ecrit = JSON.stringify(evenements);
    for (const texte of ['Ninon', 'Lecteur', 'exemple.fr', 'Camille', 'Essai']) expect(ecrit).not.toContain(texte);
  });

  it('un refus de lecture reste un 404 identique à une structure inexistante, journalisé contre la structure, sans compter pour la vigilance', async () => {
    for (const chemin of ['', '/historique']) {
      const avant = await nombreEvenements();
      const refus = await acteur('coordinateur11').client.get(url(A, chemin));
      const inexistante = await acteur('coordinateur11').client.get(url(randomUUID(), chemin));
      expect(refus.statusCode).toBe(404);
      expect(refus.json()).toEqual(inexistante.json());
      expect(refus.json().erreur.code).toBe('annuaire.structure_introuvable');
      const evenements = await rows<{ resultat: string; raison: string; cible_structure_id: string; details: object }>(
        t.database.db,
        sql`SELECT resultat, raison, cible_structure_id::text AS cible_structure_id, details FROM audit_evenement WHERE id > ${avant}`,
      );
      expect(evenements).toEqual([{ resultat: 'refus', raison: 'hors_perimetre', cible_structure_id: A, details: {} }]);
    }
  });
});

describe('GET /api/v1/gestion/structures', () => {
  const ids = async (cle: CleActeur, q = '') => {
    const reponse = await acteur(cle).client.get(`/api/v1/gestion/structures?par_page=100${q ? `&q=${encodeURIComponent(q)}` : ''}`);
    expect(reponse.statusCode).toBe(200);
    return reponse.json<{ structures: { id: string }[] }>().structures.map((s) => s.id);
  };

  it('montre au responsable sa seule structure, au coordinateur celles de sa région', async () => {
    expect(await ids('responsableA')).toEqual([A]);
    expect(await ids('coordinateur75')).toEqual(expect.arrayContaining([A, monde.structureB]));
    expect(await ids('coordinateur11')).not.toContain(A);
  });

  it('cherche par nom, sans tenir compte des accents ni des majuscules', async () => {
    const { nom } = await fiche(A);
    expect(await ids('coordinateur75', nom.toUpperCase().slice(0, 12))).toContain(A);
  });

  it('renvoie 401 sans session et 403 à un conseiller', async () => {
    expect((await acteur('anonyme').client.get('/api/v1/gestion/structures')).statusCode).toBe(401);
    expect((await acteur('conseillerA').client.get('/api/v1/gestion/structures')).statusCode).toBe(403);
  });
});

describe('modification concurrente (S20)', () => {
  it('refuse en 412 une modification faite sur une version périmée, sans rien écrire', async () => {
    const lue = await fiche(A);
    const premiere = await envoyer(acteur('responsableA').client, 'PATCH', url(A), { version: lue.version, description: 'Première modification.' });
    expect(premiere.statusCode).toBe(200);
    const seconde = await envoyer(acteur('coordinateur75').client, 'PATCH', url(A), { version: lue.version, description: 'Seconde modification, perdue.' });
    expect(seconde.statusCode).toBe(412);
    expect(seconde.json().erreur).toMatchObject({
      code: 'annuaire.version_perimee',
      champs: [{ chemin: 'version', message: 'version périmée : rechargez la fiche' }],
    });
    expect(seconde.json().erreur.message).toMatch(/rechargez-la/);
    expect((await fiche(A)).description).toBe('Première modification.');
  });

  it('refuse en 412 la modification et la suppression d’un lieu sur une version périmée', async () => {
    const lieu = await nouveauLieu(A);
    expect(
      (await envoyer(acteur('responsableA').client, 'PATCH', url(A, `/sites/${lieu.id}`), { version: lieu.version, adresse: '1 rue Neuve' })).statusCode,
    ).toBe(200);
    const modification = await envoyer(acteur('responsableA').client, 'PATCH', url(A, `/sites/${lieu.id}`), { version: lieu.version, adresse: '2 rue Neuve' });
    expect(modification.statusCode).toBe(412);
    const suppression = await envoyer(acteur('responsableA').client, 'DELETE', url(A, `/sites/${lieu.id}?version=${lieu.version}`));
    expect(suppression.statusCode).toBe(412);
    expect((await fiche(A)).sites.find((s) => s.id === lieu.id)?.adresse).toBe('1 rue Neuve');
  });
});

describe('validation', () => {
  it('répond 400 en français, champ par champ, et n’écrit rien', async () => {
    const lue = await fiche(A);
    const reponse = await envoyer(acteur('responsableA').client, 'PATCH', url(A), {
      version: lue.version,
      nom: 'X',
      courriel: 'pas-une-adresse',
      site_web: 'ftp://exemple.fr',
      inconnu: true,
    });
    expect(reponse.statusCode).toBe(400);
    const { erreur } = reponse.json();
    expect(erreur.code).toBe('validation');
    expect(erreur.champs).toEqual(
      expect.arrayContaining([
        { chemin: 'nom', message: 'nom : 3 caractères au moins' },
        { chemin: 'courriel', message: 'adresse électronique invalide, par exemple contact@exemple.fr' },
        { chemin: 'site_web', message: 'adresse web attendue, commençant par https://' },
      ]),
    );
    expect((await fiche(A)).version).toBe(lue.version);
  });

  it('refuse des horaires qui se chevauchent ou finissent avant de commencer', async () => {
    const lieu = (await fiche(A)).sites[0]!;
    const reponse = await envoyer(acteur('responsableA').client, 'PATCH', url(A, `/sites/${lieu.id}`), {
      version: lieu.version,
      horaires: [
        {
          jours: [1],
          plages: [
            { debut: '09:00', fin: '12:00' },
            { debut: '11:00', fin: '13:00' },
          ],
        },
        { jours: [2], plages: [{ debut: '14:00', fin: '13:00' }] },
      ],
    });
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json().erreur.champs).toEqual(
      expect.arrayContaining([
        { chemin: 'horaires.0.plages', message: 'deux plages horaires se chevauchent' },
        { chemin: 'horaires.1.plages.0.fin', message: 'l’heure de fin doit suivre l’heure de début' },
      ]),
    );
  });

  it('refuse une thématique hors du vocabulaire data·inclusion', async () => {
    const reponse = await envoyer(acteur('responsableA').client, 'POST', url(A, '/services'), {
      nom: 'Service imaginaire',
      description: 'Une description suffisante.',
      thematiques: ['astrologie-appliquee'],
      publics: ['tous-publics'],
    });
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json().erreur).toMatchObject({
      code: 'annuaire.valeur_inconnue',
      champs: [{ chemin: 'thematiques', message: 'inconnu : astrologie-appliquee' }],
    });
  });

  it('refuse de rattacher un service au lieu d’une autre structure', async () => {
    const lieuDeB = (await fiche(monde.structureB)).sites[0]!;
    const reponse = await envoyer(acteur('coordinateur75').client, 'POST', url(A, '/services'), {
      nom: 'Service mal placé',
      description: 'Une description suffisante.',
      thematiques: ['trouver-un-emploi--repondre-a-des-offres-demploi'],
      publics: ['tous-publics'],
      site_id: lieuDeB.id,
    });
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json().erreur.code).toBe('annuaire.lieu_etranger');
  });

  it('refuse de supprimer un lieu qui porte encore des services (409)', async () => {
    const lue = await fiche(A);
    const lieu = lue.sites.find((s) => lue.services.some((v) => v.site_id === s.id))!;
    const reponse = await envoyer(acteur('responsableA').client, 'DELETE', url(A, `/sites/${lieu.id}?version=${lieu.version}`));
    expect(reponse.statusCode).toBe(409);
    expect(reponse.json().erreur.code).toBe('annuaire.lieu_utilise');
  });

  it('renvoie 404 pour un lieu d’une autre structure, même gérable', async () => {
    const lieuDeB = (await fiche(monde.structureB)).sites[0]!;
    const reponse = await envoyer(acteur('coordinateur75').client, 'PATCH', url(A, `/sites/${lieuDeB.id}`), { version: lieuDeB.version, adresse: 'ailleurs' });
    expect(reponse.statusCode).toBe(404);
    expect(reponse.json().erreur.code).toBe('annuaire.site_introuvable');
  });
});

describe('effets d’une modification', () => {
  it('retrouve par la recherche le nouveau nom d’un service, même mal orthographié', async () => {
    const cree = await nouveauService(A);
    const reponse = await envoyer(acteur('responsableA').client, 'PATCH', url(A, `/services/${cree.id}`), {
      version: cree.version,
      nom: 'Atelier de vannerie',
    });
    expect(reponse.statusCode).toBe(200);
    for (const q of ['vannerie', 'vanerie']) {
      const recherche = await acteur('anonyme').client.get(`/api/v1/services?q=${q}`);
      expect(recherche.json<{ services: { id: string }[] }>().services.map((s) => s.id)).toContain(cree.id);
    }
  });

  it('retrouve les services d’une structure par son nouveau nom', async () => {
    const lue = await fiche(monde.structureB);
    const reponse = await envoyer(acteur('coordinateur75').client, 'PATCH', url(monde.structureB), {
      version: lue.version,
      nom: 'Maison Quintefeuille de l’emploi',
    });
    expect(reponse.statusCode).toBe(200);
    const recherche = await acteur('anonyme').client.get('/api/v1/services?q=quintefeuille');
    const trouves = recherche.json<{ services: { structure: { id: string; nom: string } }[] }>().services;
    expect(trouves.length).toBeGreaterThan(0);
    expect(trouves.every((s) => s.structure.id === monde.structureB && s.structure.nom === 'Maison Quintefeuille de l’emploi')).toBe(true);
  });

  it('range les horaires saisis par jours consécutifs et les montre sur la fiche publique', async () => {
    const lieu = await nouveauLieu(A);
    const reponse = await envoyer(acteur('responsableA').client, 'PATCH', url(A, `/sites/${lieu.id}`), {
      version: lieu.version,
      horaires: [
        {
          jours: [2],
          plages: [
            { debut: '14:00', fin: '17:00' },
            { debut: '09:00', fin: '12:00' },
          ],
        },
        {
          jours: [1],
          plages: [
            { debut: '09:00', fin: '12:00' },
            { debut: '14:00', fin: '17:00' },
          ],
        },
        { jours: [4], plages: [{ debut: '09:00', fin: '12:00' }] },
      ],
    });
    expect(reponse.statusCode).toBe(200);
    const publique = (await acteur('anonyme').client.get(`/api/v1/structures/${A}`)).json<{
      sites: { id: string; horaires: unknown; horaires_texte: string }[];
    }>();
    const site = publique.sites.find((s) => s.id === lieu.id)!;
    expect(site.horaires).toEqual([
      {
        jours: [1, 2],
        plages: [
          { debut: '09:00', fin: '12:00' },
          { debut: '14:00', fin: '17:00' },
        ],
      },
      { jours: [4], plages: [{ debut: '09:00', fin: '12:00' }] },
    ]);
    expect(site.horaires_texte).toBe('lundi-mardi 09:00-12:00, 14:00-17:00; jeudi 09:00-12:00');
  });

  it('place un lieu qui change de commune au centre de sa nouvelle commune, en position approchée', async () => {
    const lieu = await nouveauLieu(A);
    await envoyer(acteur('responsableA').client, 'PATCH', url(A, `/sites/${lieu.id}`), { version: lieu.version, commune_code: '64445' });
    const [ligne] = await rows<{ commune_nom: string; region_code: string; position_approximative: boolean; latitude: number }>(
      t.database.db,
      sql`SELECT commune_nom, region_code, position_approximative, latitude FROM annuaire_site WHERE id = ${lieu.id}`,
    );
    expect(ligne).toMatchObject({ commune_nom: 'Pau', region_code: '75', position_approximative: true });
    expect(ligne!.latitude).toBeCloseTo(43.3, 0);
  });

  it('fait d’une offre générale du réseau, une fois modifiée, l’offre de la structure', async () => {
    const offre = (await fiche(A)).services.find((s) => s.origine === 'demonstration' || s.origine === 'offre_reseau')!;
    const reponse = await envoyer(acteur('responsableA').client, 'PATCH', url(A, `/services/${offre.id}`), {
      version: offre.version,
      conditions_acces: 'Sur rendez-vous',
    });
    const modifie = reponse.json<StructureGeree>().services.find((s) => s.id === offre.id)!;
    expect(modifie).toMatchObject({ conditions_acces: 'Sur rendez-vous', version: offre.version + 1 });
    // Demonstration offers stay marked as such: only the real network offers change hands.
    expect(modifie.origine).toBe(offre.origine === 'offre_reseau' ? 'producteur' : 'demonstration');
  });

  it('date la fiche publique du jour de la modification et de sa confirmation', async () => {
    await envoyer(acteur('responsableA').client, 'POST', url(A, '/confirmation'));
    const publique = (await acteur('anonyme').client.get(`/api/v1/structures/${A}`)).json<{ date_donnees: string; confirme_le: string | null }>();
    const aujourdhui = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(new Date());
    expect(publique.date_donnees).toBe(aujourdhui);
    expect(publique.confirme_le).not.toBeNull();
    expect(publique).not.toHaveProperty('historique');
  });
});

describe('POST /api/v1/gestion/structures/:id/confirmation : événement de domaine', () => {
  const confirmer = (cle: CleActeur, structureId: string) =>
    evenementsDomainePendant(t.database.db, () => envoyer(acteur(cle).client, 'POST', url(structureId, '/confirmation')));

  it('publie un seul événement annuaire.structure_confirmee, avec le fondement et la date de la confirmation précédente', async () => {
    const avant = await fiche(A);
    const { resultat: reponse, evenements } = await confirmer('responsableA', A);
    expect(reponse.statusCode).toBe(200);
    expect(evenements).toEqual([
      {
        region_code: '75',
        type: 'annuaire.structure_confirmee',
        agregat_type: 'structure',
        agregat_id: A,
        structure_id: A,
        donnees: { reseau_code: avant.reseau?.code ?? null, demonstration: true, fondement: 'responsable', confirmee_precedemment_le: avant.confirme_le },
      },
    ]);

    const premiere = reponse.json<StructureGeree>().confirme_le;
    const { evenements: suivants } = await confirmer('coordinateur75', A);
    expect(suivants).toMatchObject([{ type: 'annuaire.structure_confirmee', donnees: { fondement: 'coordination', confirmee_precedemment_le: premiere } }]);
  });

  it('n’en publie aucun pour une confirmation refusée', async () => {
    const { resultat: reponse, evenements } = await confirmer('responsableB', A);
    expect(reponse.statusCode).toBe(404);
    expect(evenements).toEqual([]);
  });

  it('n’en publie aucun pour une structure qu’aucune région ne compte (commune inconnue), confirmée tout de même', async () => {
    // Every row belongs to a Region (migration 0017): such a structure is stored under REGION_NON_RATTACHEE.
    const [sansRegion] = await rows<{ id: string }>(
      t.database.db,
      sql`INSERT INTO annuaire_structure (region_code, source, source_id, nom, date_donnees)
        VALUES (${REGION_NON_RATTACHEE}, 'essai', 'sans-region', 'Service à distance', current_date) RETURNING id`,
    );
    try {
      const { resultat: reponse, evenements } = await confirmer('admin', sansRegion!.id);
      expect(reponse.statusCode).toBe(200);
      expect(reponse.json<StructureGeree>().confirme_le).not.toBeNull();
      expect(reponse.json<StructureGeree>().region_code).toBeNull();
      expect(evenements).toEqual([]);
    } finally {
      await t.database.db.execute(sql`DELETE FROM annuaire_structure WHERE id = ${sansRegion!.id}::uuid`);
    }
  });
});

describe('historique', () => {
  it('dit qui a changé quoi et quand, avec les valeurs avant et après', async () => {
    const lue = await fiche(monde.structureB);
    await envoyer(acteur('responsableB').client, 'PATCH', url(monde.structureB), { version: lue.version, site_web: 'https://exemple.fr/cap-emploi' });
    const reponse = await acteur('coordinateur75').client.get(url(monde.structureB, '/historique?par_page=1'));
    expect(reponse.statusCode).toBe(200);
    const [derniere] = reponse.json().modifications;
    expect(derniere).toMatchObject({
      objet_type: 'structure',
      objet_id: monde.structureB,
      operation: 'modification',
      champs: { site_web: { avant: lue.site_web, apres: 'https://exemple.fr/cap-emploi' } },
      auteur: { id: acteur('responsableB').utilisateurId, prenom: 'Camille', nom: 'Essai', role: 'structure_manager' },
    });
    expect(Date.parse(derniere.le)).not.toBeNaN();
  });

  it('n’écrit rien quand aucune valeur ne change', async () => {
    const lue = await fiche(A);
    const avant = await nombreEvenements();
    const reponse = await envoyer(acteur('responsableA').client, 'PATCH', url(A), { version: lue.version, nom: lue.nom });
    expect(reponse.statusCode).toBe(200);
    expect(reponse.json<StructureGeree>().version).toBe(lue.version);
    expect(await nombreEvenements()).toBe(avant);
  });
});
