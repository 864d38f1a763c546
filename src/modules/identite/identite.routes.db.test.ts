import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../db/client.js';
import { type AppDeTest, creerAppDeTest } from '../../../test/harness/app.js';
import { ClientHttp } from '../../../test/harness/client-http.js';
import { creerCompte, permissionsDuRole } from '../../../test/factories/identite.js';
import { codeTotpCourant, genererSecretTotp } from './identite.totp.js';
import { empreinteAdresse } from './identite.adresse.js';
import * as repository from './identite.repository.js';

let t: AppDeTest;

beforeAll(async () => {
  t = await creerAppDeTest({ CONNEXION_ECHECS_AVANT_VERROU: '5' });
});
afterAll(async () => t?.close());

describe('connexion par mot de passe', () => {
  it('ouvre une session pour une personne et la décrit', async () => {
    const compte = await creerCompte(t.database.db, { type: 'personne', prenom: 'Inès' });
    const client = new ClientHttp(t.app);
    const connexion = await client.connecter(compte.email, compte.motDePasse);
    expect(connexion.statusCode).toBe(200);
    expect(connexion.json()).toEqual({ etape: 'connecte' });
    const cookie = connexion.cookies.find((c) => c.name === 'trajectoires_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });

    const session = await client.get('/api/v1/session');
    expect(session.headers['cache-control']).toBe('no-store');
    expect(session.json()).toMatchObject({
      connecte: true,
      utilisateur: { id: compte.id, type: 'personne', prenom: 'Inès', email: compte.email },
      permissions: permissionsDuRole('personne'),
      second_facteur: { requis: false },
    });
  });

  it('change de jeton de session à chaque connexion', async () => {
    const compte = await creerCompte(t.database.db, { type: 'personne' });
    const client = new ClientHttp(t.app);
    await client.connecter(compte.email, compte.motDePasse);
    const premier = client.cookies.get('trajectoires_session');
    await client.connecter(compte.email, compte.motDePasse);
    const second = client.cookies.get('trajectoires_session');
    expect(second).toBeDefined();
    expect(second).not.toBe(premier);

    const ancien = new ClientHttp(t.app);
    ancien.cookies.set('trajectoires_session', premier!);
    expect((await ancien.get('/api/v1/session')).json()).toMatchObject({ connecte: false });
  });

  it('refuse un mauvais mot de passe et une adresse inconnue avec la même réponse', async () => {
    const compte = await creerCompte(t.database.db, { type: 'personne' });
    const client = new ClientHttp(t.app);
    const mauvais = await client.connecter(compte.email, 'pas-le-bon-mot-de-passe');
    const inconnu = await client.connecter('personne-inconnue@exemple.invalid', 'pas-le-bon-mot-de-passe');
    expect(mauvais.statusCode).toBe(401);
    expect(inconnu.statusCode).toBe(401);
    expect(mauvais.json()).toEqual(inconnu.json());
    expect(mauvais.json().erreur.code).toBe('identite.identifiants_invalides');
    expect(client.cookies.has('trajectoires_session')).toBe(false);
  });

  it('verrouille le compte après des échecs répétés : le bon mot de passe est alors refusé', async () => {
    const compte = await creerCompte(t.database.db, { type: 'personne' });
    const attaquant = new ClientHttp(t.app, '203.0.113.7');
    const empreinte = empreinteAdresse(compte.email);
    const attente = async () => {
      const tentative = await repository.findTentative(t.database.db, empreinte);
      return tentative?.bloqueJusquAu ? tentative.bloqueJusquAu.getTime() - tentative.dernierEchecLe.getTime() : 0;
    };
    const statuts: number[] = [];
    const attentes: number[] = [];
    for (let i = 0; i < 5; i++) {
      // The attacker waits out each progressive delay; lifting it here keeps the test free of timing.
      await repository.bloquerAdresse(t.database.db, empreinte, null);
      statuts.push((await attaquant.connecter(compte.email, `mauvais-${i}`)).statusCode);
      attentes.push(await attente());
    }
    expect(statuts).toEqual([401, 401, 401, 401, 401]);
    // No delay for the first two failures, then 1 s, 2 s, and the 30-minute lock at the fifth.
    expect(attentes).toEqual([0, 0, 1_000, 2_000, 30 * 60_000]);

    const titulaire = new ClientHttp(t.app, '198.51.100.20');
    const refus = await titulaire.connecter(compte.email, compte.motDePasse);
    expect(refus.statusCode).toBe(429);
    expect(refus.json().erreur.code).toBe('identite.compte_verrouille');
    expect(Number(refus.headers['retry-after'])).toBeGreaterThan(0);
    expect(titulaire.cookies.has('trajectoires_session')).toBe(false);

    // Another account, from another address, is not affected.
    const autre = await creerCompte(t.database.db, { type: 'personne' });
    expect((await new ClientHttp(t.app, '198.51.100.21').connecter(autre.email, autre.motDePasse)).statusCode).toBe(200);
  });

  it('demande le second facteur à un conseiller avant toute permission', async () => {
    const structureId = '00000000-0000-4000-8000-000000000001';
    const compte = await creerCompte(t.database.db, { adhesions: [{ role: 'advisor', structureId }] });
    const client = new ClientHttp(t.app);
    expect((await client.connecter(compte.email, compte.motDePasse)).json()).toEqual({ etape: 'enrolement_second_facteur' });
    expect((await client.get('/api/v1/session')).json()).toMatchObject({
      connecte: true,
      permissions: [],
      second_facteur: { requis: true, valide: false, configure: false },
    });
  });
});

describe('déconnexion', () => {
  it('rend l’ancien cookie inutile après la déconnexion', async () => {
    const compte = await creerCompte(t.database.db, { type: 'personne' });
    const client = new ClientHttp(t.app);
    await client.connecter(compte.email, compte.motDePasse);
    const cookie = client.cookies.get('trajectoires_session')!;
    expect((await client.post('/api/v1/deconnexion')).json()).toEqual({ sessions_fermees: 1 });

    const rejoue = new ClientHttp(t.app);
    rejoue.cookies.set('trajectoires_session', cookie);
    expect((await rejoue.get('/api/v1/session')).json()).toMatchObject({ connecte: false });
    const refus = await rejoue.post('/api/v1/deconnexion/partout');
    expect(refus.statusCode).toBe(401);
    expect(refus.json().erreur.code).toBe('identite.non_connecte');
  });

  it('ferme toutes les sessions du compte, sur tous les appareils', async () => {
    const compte = await creerCompte(t.database.db, { type: 'personne' });
    const telephone = new ClientHttp(t.app);
    const ordinateur = new ClientHttp(t.app);
    await telephone.connecter(compte.email, compte.motDePasse);
    await ordinateur.connecter(compte.email, compte.motDePasse);
    expect((await ordinateur.post('/api/v1/deconnexion/partout')).json()).toEqual({ sessions_fermees: 2 });
    expect((await telephone.get('/api/v1/session')).json()).toMatchObject({ connecte: false });
  });
});

describe('protection CSRF', () => {
  it('refuse une requête qui change l’état sans jeton CSRF, et l’accepte avec', async () => {
    const compte = await creerCompte(t.database.db, { type: 'personne' });
    const client = new ClientHttp(t.app);
    await client.connecter(compte.email, compte.motDePasse);
    const sansJeton = await client.requete({ method: 'POST', url: '/api/v1/deconnexion', sansCsrf: true });
    expect(sansJeton.statusCode).toBe(403);
    expect(sansJeton.json().erreur.code).toBe('securite.jeton_csrf');
    expect((await client.get('/api/v1/session')).json()).toMatchObject({ connecte: true });

    const avecJeton = await client.post('/api/v1/deconnexion');
    expect(avecJeton.statusCode).toBe(200);
  });

  it('refuse une requête venue d’un autre site, même avec un jeton', async () => {
    const client = new ClientHttp(t.app);
    await client.rafraichirCsrf();
    const reponse = await client.requete({
      method: 'POST',
      url: '/api/v1/connexion',
      payload: { email: 'x@exemple.invalid', mot_de_passe: 'y' },
      headers: { origin: 'https://site-malveillant.example', host: 'localhost:80' },
    });
    expect(reponse.statusCode).toBe(403);
    expect(reponse.json().erreur.code).toBe('securite.origine_refusee');
  });
});

describe('refus du contrôle d’accès', () => {
  it('trace dans le journal d’audit le refus opposé à un compte connecté', async () => {
    const structureId = '00000000-0000-4000-8000-000000000002';
    const compte = await creerCompte(t.database.db, { adhesions: [{ role: 'advisor', structureId }] });
    const client = new ClientHttp(t.app);
    await client.connecter(compte.email, compte.motDePasse);
    const avant = await evenementsDe(compte.id);
    // The password step is done, not the second factor: every permission route is refused.
    const route = t.app.routesDeclarees.find((r) => 'permission' in r.access && r.method === 'GET');
    expect(route, 'une route GET à permission').toBeDefined();
    const reponse = await client.get(route!.url.replace(/:[a-z_]+/g, '00000000-0000-4000-8000-00000000abcd'));
    expect(reponse.statusCode).toBe(403);
    expect(reponse.json().erreur.code).toBe('identite.second_facteur_requis');
    const apres = await evenementsDe(compte.id);
    expect(apres.length - avant.length).toBe(1);
    expect(apres.at(-1)).toMatchObject({ action: 'acces.route', resultat: 'refus', raison: 'identite.second_facteur_requis' });
  });
});

async function evenementsDe(utilisateurId: string) {
  return rows<{ action: string; resultat: string; raison: string }>(
    t.database.db,
    sql`SELECT action, resultat, raison FROM audit_evenement WHERE acteur_utilisateur_id = ${utilisateurId} ORDER BY id`,
  );
}

describe('second facteur activé par choix', () => {
  it('exige le code d’une personne qui a activé son second facteur avant toute permission', async () => {
    const secret = genererSecretTotp();
    const compte = await creerCompte(t.database.db, { type: 'personne', totpSecret: secret });
    const client = new ClientHttp(t.app);
    expect((await client.connecter(compte.email, compte.motDePasse)).json()).toEqual({ etape: 'second_facteur' });
    const avant = await client.get('/api/v1/moi/acces');
    expect(avant.statusCode).toBe(403);
    expect(avant.json().erreur.code).toBe('identite.second_facteur_requis');

    const code = await client.post('/api/v1/connexion/second-facteur', { code: codeTotpCourant(secret, new Date()) });
    expect(code.statusCode).toBe(200);
    expect((await client.get('/api/v1/moi/acces')).statusCode).toBe(200);
  });
});
