import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CleActeur, type MondeDeTest, creerActeurs } from '../../../../test/harness/acteurs.js';
import { type AppDeTest, creerAppDeTest } from '../../../../test/harness/app.js';
import { ClientHttp } from '../../../../test/harness/client-http.js';
import { type ServeurSmtp, demarrerServeurSmtp } from '../../../../test/harness/smtp.js';
import { rows } from '../../../db/client.js';
import { SIGNALEMENTS_PAR_HEURE } from './signalement.routes.js';
import type { Signalement } from './signalement.contract.js';

let t: AppDeTest;
let smtp: ServeurSmtp;
let monde: MondeDeTest;
let A: string;
let lieuDeA: { id: string; nom: string };
let lieuDeB: { id: string };
let adresse = 0;

beforeAll(async () => {
  smtp = await demarrerServeurSmtp();
  t = await creerAppDeTest({ SMTP_URL: smtp.url, URL_PUBLIQUE: 'https://trajectoires.exemple.fr' });
  monde = await creerActeurs(t);
  A = monde.structureA;
  [lieuDeA] = (await rows<{ id: string; nom: string }>(
    t.database.db,
    sql`SELECT id, nom FROM annuaire_site WHERE structure_id = ${A} ORDER BY nom LIMIT 1`,
  )) as [{ id: string; nom: string }];
  [lieuDeB] = (await rows<{ id: string }>(t.database.db, sql`SELECT id FROM annuaire_site WHERE structure_id = ${monde.structureB} LIMIT 1`)) as [
    { id: string },
  ];
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** A visitor of the public pages, from an address of their own (the limit is per address). */
function visiteur(): ClientHttp {
  return new ClientHttp(t.app, `203.0.113.${++adresse}`);
}

const signalement = (message: string, objet: { type: string; id: string } = { type: 'site', id: lieuDeA.id }, courriel?: string) => ({
  structure_id: A,
  objet,
  message,
  ...(courriel ? { courriel } : {}),
});

const client = (cle: CleActeur) => monde.acteurs[cle].client;
const email = (cle: CleActeur) => monde.acteurs[cle].email!;

async function signaler(message: string): Promise<string> {
  const reponse = await visiteur().post('/api/v1/signalements', signalement(message, { type: 'site', id: lieuDeA.id }, 'lea.dupont@exemple.fr'));
  expect(reponse.statusCode).toBe(201);
  return reponse.json<{ id: string }>().id;
}

async function liste(cle: CleActeur, parametres = ''): Promise<Signalement[]> {
  const reponse = await client(cle).get(`/api/v1/gestion/signalements?par_page=100${parametres}`);
  expect(reponse.statusCode).toBe(200);
  return reponse.json<{ signalements: Signalement[] }>().signalements;
}

describe('POST /api/v1/signalements', () => {
  it('enregistre le signalement d’un visiteur et l’envoie aux responsables de la structure et aux coordinateurs de sa région', async () => {
    const message = `Les horaires du mardi ont changé : fermé l’après-midi (${randomUUID().slice(0, 8)}).`;
    const reponse = await visiteur().post('/api/v1/signalements', signalement(message, { type: 'site', id: lieuDeA.id }, 'lea.dupont@exemple.fr'));
    expect(reponse.statusCode).toBe(201);
    const { id } = reponse.json<{ id: string }>();

    const pourResponsable = await smtp.attendreCourriel((c) => c.a.includes(email('responsableA')) && c.texte.includes(message));
    expect(pourResponsable.texte).toContain(`le lieu « ${lieuDeA.nom} »`);
    expect(pourResponsable.texte).toContain('lea.dupont@exemple.fr');
    expect(pourResponsable.texte).toContain(`https://trajectoires.exemple.fr/gestion/structures/${A}?onglet=signalements`);
    expect(pourResponsable.texte).toContain('en tant que responsable de cette structure');
    const pourCoordinateur = await smtp.attendreCourriel((c) => c.a.includes(email('coordinateur75')) && c.texte.includes(message));
    // One message per recipient: nobody sees the others' addresses.
    expect(pourCoordinateur.a).toEqual([email('coordinateur75')]);
    const autres = smtp.courriels.filter(
      (c) => c.texte.includes(message) && [email('responsableB'), email('coordinateur11'), email('conseillerA')].some((e) => c.a.includes(e)),
    );
    expect(autres).toEqual([]);

    const [evenement] = await rows<{ action: string; resultat: string; cible_id: string; cible_structure_id: string }>(
      t.database.db,
      sql`SELECT action, resultat, cible_id, cible_structure_id FROM audit_evenement WHERE cible_id = ${id}`,
    );
    expect(evenement).toEqual({ action: 'annuaire.signalement.creer', resultat: 'succes', cible_id: id, cible_structure_id: A });
  });

  it('exige le jeton CSRF de la page', async () => {
    const reponse = await visiteur().requete({
      method: 'POST',
      url: '/api/v1/signalements',
      payload: signalement('Le numéro de téléphone est faux.'),
      sansCsrf: true,
    });
    expect(reponse.statusCode).toBe(403);
    expect(reponse.json().erreur.code).toBe('securite.jeton_csrf');
  });

  it('refuse en français un message trop court et une adresse invalide', async () => {
    const reponse = await visiteur().post('/api/v1/signalements', { ...signalement('Faux'), courriel: 'pas-une-adresse' });
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json().erreur.champs).toEqual(
      expect.arrayContaining([
        { chemin: 'message', message: 'message : 10 caractères au moins, pour que la structure comprenne l’erreur' },
        { chemin: 'courriel', message: 'adresse électronique invalide, par exemple prenom.nom@exemple.fr' },
      ]),
    );
  });

  it('renvoie 404 pour une fiche qui n’appartient pas à la structure nommée', async () => {
    const reponse = await visiteur().post('/api/v1/signalements', signalement('Ce lieu a fermé ses portes.', { type: 'site', id: lieuDeB.id }));
    expect(reponse.statusCode).toBe(404);
    expect(reponse.json().erreur.code).toBe('annuaire.fiche_introuvable');
  });

  it(`limite à ${SIGNALEMENTS_PAR_HEURE} signalements par heure et par adresse`, async () => {
    const meme = visiteur();
    const statuts: number[] = [];
    for (let i = 0; i <= SIGNALEMENTS_PAR_HEURE; i++)
      statuts.push((await meme.post('/api/v1/signalements', signalement(`Signalement répété numéro ${i}.`))).statusCode);
    expect(statuts).toEqual([...Array(SIGNALEMENTS_PAR_HEURE).fill(201), 429]);
    expect((await visiteur().post('/api/v1/signalements', signalement('Depuis une autre adresse.'))).statusCode).toBe(201);
  });
});

describe('GET /api/v1/gestion/signalements', () => {
  it('montre les signalements aux responsables de la structure et aux coordinateurs de sa région seulement', async () => {
    const id = await signaler('Le lieu a déménagé au 3 rue de la Gare.');
    expect((await liste('responsableA')).map((s) => s.id)).toContain(id);
    expect((await liste('coordinateur75', `&structure_id=${A}`)).find((s) => s.id === id)).toMatchObject({
      structure: { id: A },
      objet: { type: 'site', id: lieuDeA.id, nom: lieuDeA.nom },
      message: 'Le lieu a déménagé au 3 rue de la Gare.',
      courriel: 'lea.dupont@exemple.fr',
      traite_le: null,
    });
    expect((await liste('responsableB')).map((s) => s.id)).not.toContain(id);
    expect((await liste('coordinateur11')).map((s) => s.id)).not.toContain(id);
  });

  it('journalise la lecture des adresses des personnes', async () => {
    const id = await signaler('Le site web ne répond plus.');
    await liste('responsableA');
    const [lecture] = await rows<{ acteur_utilisateur_id: string; details: { signalements: string[] } }>(
      t.database.db,
      sql`SELECT acteur_utilisateur_id::text AS acteur_utilisateur_id, details FROM audit_evenement WHERE action = 'annuaire.signalement.lire' ORDER BY id DESC LIMIT 1`,
    );
    expect(lecture!.acteur_utilisateur_id).toBe(monde.acteurs.responsableA.utilisateurId);
    expect(lecture!.details.signalements).toContain(id);
  });

  it('renvoie 404 pour une structure hors du périmètre, 401 sans session, 403 à un conseiller', async () => {
    const horsPerimetre = await client('responsableB').get(`/api/v1/gestion/signalements?structure_id=${A}`);
    const inexistante = await client('responsableB').get(`/api/v1/gestion/signalements?structure_id=${randomUUID()}`);
    expect(horsPerimetre.statusCode).toBe(404);
    expect(horsPerimetre.json()).toEqual(inexistante.json());
    expect((await client('coordinateur11').get(`/api/v1/gestion/signalements?structure_id=${A}`)).statusCode).toBe(404);
    expect((await client('anonyme').get('/api/v1/gestion/signalements')).statusCode).toBe(401);
    expect((await client('conseillerA').get('/api/v1/gestion/signalements')).statusCode).toBe(403);
  });

  it('journalise le refus d’une structure hors du périmètre, toujours en 404 comme une structure inexistante, et rien pour une structure inexistante', async () => {
    const evenements = (structureId: string) =>
      rows<{ acteur_utilisateur_id: string; resultat: string; raison: string; details: unknown }>(
        t.database.db,
        sql`SELECT acteur_utilisateur_id::text AS acteur_utilisateur_id, resultat, raison, details FROM audit_evenement
              WHERE action = 'annuaire.signalement.lire' AND cible_structure_id = ${structureId} ORDER BY id`,
      );
    const avant = (await evenements(A)).length;
    const horsPerimetre = await client('responsableB').get(`/api/v1/gestion/signalements?structure_id=${A}`);
    const inconnue = randomUUID();
    const inexistante = await client('responsableB').get(`/api/v1/gestion/signalements?structure_id=${inconnue}`);
    expect(horsPerimetre.statusCode).toBe(404);
    expect(horsPerimetre.json()).toEqual({
      erreur: {
        code: 'annuaire.signalement_introuvable',
        message: 'Ce signalement n’existe pas ou ne concerne pas une structure que vous gérez : rechargez la liste.',
      },
    });
    expect(inexistante.json()).toEqual(horsPerimetre.json());
    expect((await evenements(A)).slice(avant)).toEqual([
      { acteur_utilisateur_id: monde.acteurs.responsableB.utilisateurId, resultat: 'refus', raison: 'hors_perimetre', details: {} },
    ]);
    expect(await evenements(inconnue)).toEqual([]);
  });

  it('journalise chaque liste rendue avec son fondement, même sans adresse lue', async () => {
    const derniere = async () =>
      (
        await rows<{ acteur_utilisateur_id: string; resultat: string; raison: string; cible_structure_id: string | null }>(
          t.database.db,
          sql`SELECT acteur_utilisateur_id::text AS acteur_utilisateur_id, resultat, raison, cible_structure_id
                FROM audit_evenement WHERE action = 'annuaire.signalement.lire' ORDER BY id DESC LIMIT 1`,
        )
      )[0];
    expect(await liste('responsableB', '&statut=traites')).toEqual([]);
    expect(await derniere()).toEqual({
      acteur_utilisateur_id: monde.acteurs.responsableB.utilisateurId,
      resultat: 'succes',
      raison: 'perimetre',
      cible_structure_id: null,
    });
    await liste('coordinateur75', `&structure_id=${A}`);
    expect(await derniere()).toEqual({
      acteur_utilisateur_id: monde.acteurs.coordinateur75.utilisateurId,
      resultat: 'succes',
      raison: 'coordination',
      cible_structure_id: A,
    });
  });
});

describe('POST /api/v1/gestion/signalements/:id/traitement', () => {
  it('renvoie 404 hors du périmètre, comme pour un signalement inexistant, et ne change rien', async () => {
    const id = await signaler('La description du service est périmée.');
    const horsPerimetre = await client('responsableB').post(`/api/v1/gestion/signalements/${id}/traitement`);
    const inexistant = await client('responsableB').post(`/api/v1/gestion/signalements/${randomUUID()}/traitement`);
    expect(horsPerimetre.statusCode).toBe(404);
    expect(horsPerimetre.json()).toEqual(inexistant.json());
    expect((await client('coordinateur11').post(`/api/v1/gestion/signalements/${id}/traitement`)).statusCode).toBe(404);
    expect((await client('anonyme').post(`/api/v1/gestion/signalements/${id}/traitement`)).statusCode).toBe(401);
    expect((await client('conseillerA').post(`/api/v1/gestion/signalements/${id}/traitement`)).statusCode).toBe(403);
    expect((await liste('responsableA')).find((s) => s.id === id)?.traite_le).toBeNull();
  });

  it('marque le signalement comme traité, efface l’adresse de la personne, une seule fois', async () => {
    const id = await signaler('Le courriel de contact est erroné.');
    const traite = await client('coordinateur75').post(`/api/v1/gestion/signalements/${id}/traitement`);
    expect(traite.statusCode).toBe(200);
    const { traite_le } = traite.json<{ traite_le: string }>();
    expect((await liste('responsableA')).map((s) => s.id)).not.toContain(id);
    expect((await liste('responsableA', '&statut=traites')).find((s) => s.id === id)).toMatchObject({ courriel: null, traite_le });
    const encore = await client('responsableA').post(`/api/v1/gestion/signalements/${id}/traitement`);
    expect(encore.json()).toEqual({ id, traite_le });
    const [evenement] = await rows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_evenement WHERE action = 'annuaire.signalement.traiter' AND cible_id = ${id} AND resultat = 'succes'`,
    );
    expect(evenement!.n).toBe(1);
  });
});
