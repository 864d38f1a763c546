import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AdhesionDeTest, creerCompte } from '../../../test/factories/identite.js';
import { type AppDeTest, creerAppDeTest } from '../../../test/harness/app.js';
import { ClientHttp } from '../../../test/harness/client-http.js';
import { consignerAudit } from '../../../test/harness/audit.js';
import { rows } from '../../db/client.js';
import { nomsCookies, reglagesSession } from '../identite/index.js';
import { ouvrirSession } from '../identite/identite.session.js';
import type { EvenementAudit } from './index.js';

let t: AppDeTest;
let structureA: string;
let structureB: string;

beforeAll(async () => {
  t = await creerAppDeTest();
  [structureA, structureB] = (
    await rows<{ id: string }>(t.database.db, sql`SELECT id FROM annuaire_structure WHERE demonstration ORDER BY source, source_id LIMIT 2`)
  ).map((s) => s.id) as [string, string];
});
afterAll(async () => t?.close());

let rang = 0;
/** An account signed in with its second factor done, as a browser holding its cookie. */
async function connecte(options: { type?: 'personne'; adhesions?: AdhesionDeTest[]; prenom?: string; nom?: string }) {
  const compte = await creerCompte(t.database.db, options);
  const client = new ClientHttp(t.app, `198.51.100.${++rang}`);
  const ouverture = { utilisateurId: compte.id, methode: 'mot_de_passe', secondFacteur: true, ip: null, agentUtilisateur: null };
  client.cookies.set(nomsCookies(t.config).session, await ouvrirSession(t.database.db, ouverture, new Date(), reglagesSession(t.config)));
  return { ...compte, client };
}

const instant = (minutes: number) => new Date(Date.UTC(2026, 1, 2, 9, minutes));
const lecture = (acteurUtilisateurId: string, evenement: Partial<EvenementAudit>): EvenementAudit => ({
  action: 'dossier.lire',
  resultat: 'succes',
  acteurUtilisateurId,
  acteurRole: 'advisor',
  cibleType: 'dossier',
  ...evenement,
});

async function evenementsDe(acteurUtilisateurId: string) {
  return rows<{
    action: string;
    resultat: string;
    cible_structure_id: string | null;
    raison: string | null;
    acteur_role: string | null;
    details: Record<string, unknown>;
  }>(
    t.database.db,
    sql`SELECT action, resultat, cible_structure_id, raison, acteur_role, details FROM audit_evenement WHERE acteur_utilisateur_id = ${acteurUtilisateurId}::uuid ORDER BY id`,
  );
}

describe('GET /api/v1/structures/:id/acces', () => {
  it('montre au responsable de A les accès aux données que A détient, du plus récent au plus ancien, par page', async () => {
    const responsable = await connecte({ adhesions: [{ role: 'structure_manager', structureId: structureA }] });
    const conseiller = await creerCompte(t.database.db, { adhesions: [{ role: 'advisor', structureId: structureA }], prenom: 'Léna', nom: 'Moreau' });
    const personne = randomUUID();
    await consignerAudit(
      t.database.db,
      lecture(conseiller.id, { cibleId: 'd-1', cibleStructureId: structureA, cibleUtilisateurId: personne, acteurStructureId: structureA }),
      instant(1),
    );
    await consignerAudit(t.database.db, lecture(conseiller.id, { cibleId: 'd-autre', cibleStructureId: structureB }), instant(2));
    await consignerAudit(
      t.database.db,
      lecture(conseiller.id, { cibleId: 'd-2', cibleStructureId: structureA, resultat: 'refus', raison: 'sans_consentement', acteurStructureId: structureA }),
      instant(3),
    );
    await consignerAudit(
      t.database.db,
      { action: 'annuaire.site.creer', resultat: 'succes', cibleType: 'site', cibleId: 's-1', cibleStructureId: structureA },
      instant(4),
    );

    const premiere = await responsable.client.get(`/api/v1/structures/${structureA}/acces?par_page=2`);
    const seconde = await responsable.client.get(`/api/v1/structures/${structureA}/acces?par_page=2&page=2`);

    expect(premiere.statusCode).toBe(200);
    expect(premiere.headers['cache-control']).toBe('no-store');
    const corps = premiere.json();
    expect(corps.pagination).toEqual({ page: 1, par_page: 2, total: 3, pages: 2 });
    expect(corps.acces).toEqual([
      {
        id: expect.any(Number),
        horodatage: instant(4).toISOString(),
        acteur: { type: 'plateforme', id: null, prenom: null, nom: null, structure_id: null },
        action: 'annuaire.site.creer',
        action_libelle: 'Création : site',
        cible: { type: 'site', id: 's-1' },
        resultat: 'succes',
        raison: null,
        raison_libelle: null,
      },
      {
        id: expect.any(Number),
        horodatage: instant(3).toISOString(),
        acteur: { type: 'agent', id: conseiller.id, prenom: 'Léna', nom: 'Moreau', structure_id: structureA },
        action: 'dossier.lire',
        action_libelle: 'Consultation : dossier',
        cible: { type: 'dossier', id: 'd-2' },
        resultat: 'refus',
        raison: 'sans_consentement',
        raison_libelle: 'Sans le consentement de la personne',
      },
    ]);
    expect(seconde.json().acces.map((a: { cible: { id: string } }) => a.cible.id)).toEqual(['d-1']);
  });

  it('journalise la consultation elle-même comme une lecture de données personnelles, hors de la liste qu’elle montre', async () => {
    const responsable = await connecte({ adhesions: [{ role: 'structure_manager', structureId: structureA }] });

    const premiere = await responsable.client.get(`/api/v1/structures/${structureA}/acces?page=3`);
    const seconde = await responsable.client.get(`/api/v1/structures/${structureA}/acces?page=3`);

    expect(premiere.statusCode).toBe(200);
    expect(seconde.json()).toEqual(premiere.json());
    const consultation = {
      action: 'audit.acces.lire',
      resultat: 'succes',
      cible_structure_id: null,
      raison: 'responsable',
      acteur_role: 'structure_manager',
      details: { page: 3, evenements: 0, lecture_donnees_personnelles: true },
    };
    expect(await evenementsDe(responsable.id)).toEqual([consultation, consultation]);
  });

  it('renvoie au responsable de B la même 404 pour A que pour une structure inexistante, et journalise le refus', async () => {
    const responsableB = await connecte({ adhesions: [{ role: 'structure_manager', structureId: structureB }] });

    const pourA = await responsableB.client.get(`/api/v1/structures/${structureA}/acces`);
    const inexistante = await responsableB.client.get(`/api/v1/structures/${randomUUID()}/acces`);

    expect(pourA.statusCode).toBe(404);
    expect(pourA.json()).toEqual({
      erreur: {
        code: 'audit.structure_introuvable',
        message: 'Cette structure n’existe pas ou vous n’en êtes pas responsable : vérifiez le lien, ou ouvrez le journal des accès depuis le menu.',
      },
    });
    expect(inexistante.statusCode).toBe(404);
    expect(inexistante.json()).toEqual(pourA.json());
    const [refus] = await evenementsDe(responsableB.id);
    expect(refus).toEqual({
      action: 'audit.acces.lire',
      resultat: 'refus',
      cible_structure_id: structureA,
      raison: 'hors_perimetre',
      acteur_role: null,
      details: {},
    });
    // Its allowed twin: B's own list.
    expect((await responsableB.client.get(`/api/v1/structures/${structureB}/acces`)).statusCode).toBe(200);
  });

  it('ouvre la liste de toute structure à l’administrateur', async () => {
    const admin = await connecte({ adhesions: [{ role: 'admin' }] });
    const reponse = await admin.client.get(`/api/v1/structures/${structureA}/acces`);
    expect(reponse.statusCode).toBe(200);
    expect(reponse.json().pagination.total).toBeGreaterThan(0);
    expect((await evenementsDe(admin.id))[0]).toMatchObject({ action: 'audit.acces.lire', raison: 'administration', acteur_role: 'admin' });
  });

  it('refuse le conseiller de la structure (403), le visiteur non connecté (401) et un identifiant mal formé (400)', async () => {
    const conseiller = await connecte({ adhesions: [{ role: 'advisor', structureId: structureA }] });
    const responsable = await connecte({ adhesions: [{ role: 'structure_manager', structureId: structureA }] });

    const refus = await conseiller.client.get(`/api/v1/structures/${structureA}/acces`);
    const anonyme = await new ClientHttp(t.app).get(`/api/v1/structures/${structureA}/acces`);
    const malForme = await responsable.client.get('/api/v1/structures/pas-un-uuid/acces');
    const pageHors = await responsable.client.get(`/api/v1/structures/${structureA}/acces?page=0`);

    expect(refus.statusCode).toBe(403);
    expect(refus.json().erreur.code).toBe('identite.acces_refuse');
    expect(anonyme.statusCode).toBe(401);
    expect(anonyme.json().erreur.code).toBe('identite.non_connecte');
    expect(malForme.statusCode).toBe(400);
    expect(malForme.json().erreur.champs).toEqual([{ chemin: 'id', message: 'identifiant invalide (UUID attendu)' }]);
    expect(pageHors.statusCode).toBe(400);
    expect(pageHors.json().erreur.champs).toEqual([{ chemin: 'page', message: 'la page commence à 1' }]);
  });
});

describe('GET /api/v1/moi/acces', () => {
  it('montre à la personne qui a consulté ses données, par prénom et structure, jamais l’adresse ni le nom de l’agent', async () => {
    const personne = await connecte({ type: 'personne' });
    const autre = await connecte({ type: 'personne' });
    const conseiller = await creerCompte(t.database.db, { adhesions: [{ role: 'advisor', structureId: structureA }], prenom: 'Yanis', nom: 'Berthier' });
    await consignerAudit(
      t.database.db,
      lecture(conseiller.id, { cibleId: 'd-10', cibleStructureId: structureA, cibleUtilisateurId: personne.id }),
      instant(10),
    );
    await consignerAudit(t.database.db, lecture(conseiller.id, { cibleId: 'd-11', cibleStructureId: structureA, cibleUtilisateurId: autre.id }), instant(11));
    await consignerAudit(
      t.database.db,
      {
        action: 'dossier.modifier',
        resultat: 'succes',
        acteurUtilisateurId: personne.id,
        cibleType: 'dossier',
        cibleId: 'd-10',
        cibleUtilisateurId: personne.id,
      },
      instant(12),
    );

    const reponse = await personne.client.get('/api/v1/moi/acces');

    expect(reponse.statusCode).toBe(200);
    expect(reponse.headers['cache-control']).toBe('no-store');
    expect(reponse.json()).toEqual({
      acces: [
        {
          id: expect.any(Number),
          horodatage: instant(12).toISOString(),
          acteur: { type: 'vous', prenom: null, structure_id: null },
          action: 'dossier.modifier',
          action_libelle: 'Modification : dossier',
          cible: { type: 'dossier', id: 'd-10' },
          resultat: 'succes',
          raison: null,
          raison_libelle: null,
        },
        {
          id: expect.any(Number),
          horodatage: instant(10).toISOString(),
          acteur: { type: 'agent', prenom: 'Yanis', structure_id: structureA },
          action: 'dossier.lire',
          action_libelle: 'Consultation : dossier',
          cible: { type: 'dossier', id: 'd-10' },
          resultat: 'succes',
          raison: null,
          raison_libelle: null,
        },
      ],
      pagination: { page: 1, par_page: 20, total: 2, pages: 1 },
    });
    expect(reponse.body).not.toContain(conseiller.email);
    expect(reponse.body).not.toContain('Berthier');

    const pourAutre = await autre.client.get('/api/v1/moi/acces');
    expect(pourAutre.json().acces.map((a: { cible: { id: string } }) => a.cible.id)).toEqual(['d-11']);
  });

  it('journalise la consultation, sans l’ajouter à la liste de la personne', async () => {
    const personne = await connecte({ type: 'personne' });

    await personne.client.get('/api/v1/moi/acces');
    const seconde = await personne.client.get('/api/v1/moi/acces');

    expect(seconde.json()).toEqual({ acces: [], pagination: { page: 1, par_page: 20, total: 0, pages: 0 } });
    expect(await evenementsDe(personne.id)).toEqual([
      {
        action: 'audit.acces.lire',
        resultat: 'succes',
        cible_structure_id: null,
        raison: null,
        acteur_role: 'personne',
        details: { page: 1, evenements: 0, lecture_donnees_personnelles: true },
      },
      {
        action: 'audit.acces.lire',
        resultat: 'succes',
        cible_structure_id: null,
        raison: null,
        acteur_role: 'personne',
        details: { page: 1, evenements: 0, lecture_donnees_personnelles: true },
      },
    ]);
  });

  it('est réservée aux personnes : 403 pour un agent, 401 sans session', async () => {
    const responsable = await connecte({ adhesions: [{ role: 'structure_manager', structureId: structureA }] });
    const refus = await responsable.client.get('/api/v1/moi/acces');
    expect(refus.statusCode).toBe(403);
    expect(refus.json().erreur.code).toBe('identite.acces_refuse');
    expect((await new ClientHttp(t.app).get('/api/v1/moi/acces')).statusCode).toBe(401);
  });
});
