import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerCompte, permissionsDuRole } from '../../../../test/factories/identite.js';
import { type AppDeTest, creerAppDeTest } from '../../../../test/harness/app.js';
import { ClientHttp } from '../../../../test/harness/client-http.js';
import { type ChoixUsager, type CompteFournisseur, type FournisseurOidcDeTest, demarrerFournisseurOidc } from '../../../../test/harness/fournisseur-oidc.js';
import { rows } from '../../../db/client.js';
import * as identite from '../identite.repository.js';

const URL_PUBLIQUE = 'http://trajectoires.test';
const ACR_MFA = 'https://proconnect.gouv.fr/assurance/self-asserted-2fa';
const ACR_SANS_MFA = 'eidas1';

let t: AppDeTest;
let proconnect: FournisseurOidcDeTest;
let franceconnect: FournisseurOidcDeTest;

beforeAll(async () => {
  const retour = (id: string) => `${URL_PUBLIQUE}/api/v1/connexion/oidc/${id}/retour`;
  proconnect = await demarrerFournisseurOidc({ redirectUri: retour('proconnect'), acrValues: [ACR_SANS_MFA, ACR_MFA, 'eidas2'] });
  franceconnect = await demarrerFournisseurOidc({ redirectUri: retour('franceconnect'), acrValues: ['eidas1'] });
  t = await creerAppDeTest({
    URL_PUBLIQUE,
    PROCONNECT_ISSUER: proconnect.issuer,
    PROCONNECT_CLIENT_ID: proconnect.clientId,
    PROCONNECT_CLIENT_SECRET: proconnect.clientSecret,
    FRANCECONNECT_ISSUER: franceconnect.issuer,
    FRANCECONNECT_CLIENT_ID: franceconnect.clientId,
    FRANCECONNECT_CLIENT_SECRET: franceconnect.clientSecret,
    // The callbacks of every test come from one address: the limit is not what is tested here.
    CONNEXION_LIMITE_PAR_IP_MINUTE: '1000',
  });
});
afterAll(async () => {
  await t?.close();
  await proconnect?.close();
  await franceconnect?.close();
});

const fournisseurs = () => ({ proconnect, franceconnect });

/** Starts the sign-in through the app, lets the provider walk the browser back, and returns the start and the callback's answer. */
async function seConnecter(
  client: ClientHttp,
  id: 'proconnect' | 'franceconnect',
  choix: ChoixUsager,
  options: { retour?: string; alterer?: (url: URL) => void } = {},
): Promise<{ depart: LightMyRequestResponse; arrivee: LightMyRequestResponse }> {
  const depart = await client.get(`/api/v1/connexion/oidc/${id}${options.retour ? `?retour=${encodeURIComponent(options.retour)}` : ''}`);
  expect(depart.statusCode).toBe(303);
  const urlDeRetour = await fournisseurs()[id].parcourir(String(depart.headers.location), choix);
  expect(urlDeRetour.origin).toBe(URL_PUBLIQUE);
  options.alterer?.(urlDeRetour);
  const arrivee = await client.get(`${urlDeRetour.pathname}${urlDeRetour.search}`);
  return { depart, arrivee };
}

let numero = 0;
function compteFournisseur(email: string, noms: Partial<CompteFournisseur> = {}): CompteFournisseur {
  return { sub: `sujet-${++numero}-${randomUUID()}`, email, given_name: 'Dominique', usual_name: 'Martin', family_name: 'Martin', ...noms };
}

async function evenementsConnexion(fournisseur: string) {
  return rows<{ resultat: string; raison: string; cible_id: string | null; acteur_utilisateur_id: string | null; details: Record<string, unknown> }>(
    t.database.db,
    sql`SELECT resultat, raison, cible_id, acteur_utilisateur_id, details FROM audit_evenement
        WHERE action = 'identite.connexion' AND details->>'fournisseur' = ${fournisseur} ORDER BY id`,
  );
}

const conseiller = () => creerCompte(t.database.db, { adhesions: [{ role: 'advisor', structureId: randomUUID() }] });

/** The gate's answer on a route that needs a permission (any one: the second factor is checked first). */
async function codeSurRouteAPermission(client: ClientHttp): Promise<string | undefined> {
  const route = t.app.routesDeclarees.find((r) => 'permission' in r.access && r.method === 'GET');
  expect(route, 'une route GET à permission').toBeDefined();
  const reponse = await client.get(route!.url.replace(/:[a-z_]+/g, randomUUID()));
  return reponse.statusCode >= 400 ? reponse.json().erreur.code : undefined;
}

describe('GET /api/v1/connexion/fournisseurs', () => {
  it('liste les fournisseurs configurés, avec leur public et l’adresse de leur bouton', async () => {
    const reponse = await new ClientHttp(t.app).get('/api/v1/connexion/fournisseurs');
    expect(reponse.statusCode).toBe(200);
    expect(reponse.json()).toEqual({
      fournisseurs: [
        { id: 'proconnect', libelle: 'ProConnect', public: 'agent', url: '/api/v1/connexion/oidc/proconnect' },
        { id: 'franceconnect', libelle: 'FranceConnect', public: 'personne', url: '/api/v1/connexion/oidc/franceconnect' },
      ],
    });
  });

  it('ne propose pas un fournisseur sans configuration, et refuse d’y envoyer', async () => {
    const client = new ClientHttp(t.app);
    const depart = await client.get('/api/v1/connexion/oidc/inconnu');
    expect(depart.statusCode).toBe(303);
    expect(depart.headers.location).toBe('/connexion?erreur=fournisseur_indisponible');
  });
});

describe('connexion d’un agent par ProConnect', () => {
  it('envoie vers le fournisseur avec PKCE S256, state, nonce, les données demandées et l’exigence d’un second facteur', async () => {
    const client = new ClientHttp(t.app);
    const depart = await client.get('/api/v1/connexion/oidc/proconnect');
    expect(depart.statusCode).toBe(303);
    const url = new URL(String(depart.headers.location));
    expect(`${url.origin}${url.pathname}`).toBe(`${proconnect.issuer}/auth`);
    const p = url.searchParams;
    expect(p.get('client_id')).toBe(proconnect.clientId);
    expect(p.get('redirect_uri')).toBe(`${URL_PUBLIQUE}/api/v1/connexion/oidc/proconnect/retour`);
    expect(p.get('scope')).toBe('openid email given_name usual_name');
    expect(p.get('code_challenge_method')).toBe('S256');
    expect(p.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(p.get('state')!.length).toBeGreaterThanOrEqual(32);
    expect(p.get('nonce')!.length).toBeGreaterThanOrEqual(32);
    expect(JSON.parse(p.get('claims')!)).toEqual({
      id_token: {
        acr: {
          essential: true,
          values: ['eidas2', 'eidas3', ACR_MFA, 'https://proconnect.gouv.fr/assurance/consistency-checked-2fa'],
        },
      },
    });
    const cookie = depart.cookies.find((c) => c.name === 'trajectoires_oidc');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 600 });
    // Nothing the provider could be asked to return to is in the cookie in clear.
    expect(cookie!.value).not.toContain(p.get('state')!);
  });

  it('ouvre une session avec second facteur et permissions quand l’acr du jeton prouve un second facteur, et garde le lien', async () => {
    const agent = await conseiller();
    const usager = compteFournisseur(agent.email.toUpperCase());
    const client = new ClientHttp(t.app);

    const { arrivee } = await seConnecter(client, 'proconnect', { compte: usager, acr: ACR_MFA }, { retour: '/espace/rendez-vous?jour=lundi' });

    expect(arrivee.statusCode).toBe(303);
    expect(arrivee.headers.location).toBe('/espace/rendez-vous?jour=lundi');
    expect(arrivee.cookies.find((c) => c.name === 'trajectoires_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(arrivee.cookies.find((c) => c.name === 'trajectoires_oidc')?.value).toBe('');
    const session = (await client.get('/api/v1/session')).json();
    expect(session).toMatchObject({
      connecte: true,
      methode: 'proconnect',
      utilisateur: { id: agent.id, type: 'agent' },
      second_facteur: { requis: true, valide: true },
      permissions: permissionsDuRole('advisor'),
    });
    expect(await codeSurRouteAPermission(client)).not.toBe('identite.second_facteur_requis');
    expect(
      await rows(t.database.db, sql`SELECT utilisateur_id FROM identite_compte_externe WHERE fournisseur = 'proconnect' AND sujet = ${usager.sub}`),
    ).toEqual([{ utilisateur_id: agent.id }]);
    expect((await evenementsConnexion('proconnect')).at(-1)).toMatchObject({
      resultat: 'succes',
      raison: 'adresse_electronique',
      cible_id: agent.id,
      acteur_utilisateur_id: agent.id,
      details: { fournisseur: 'proconnect', methode: 'oidc', second_facteur: true, acr: ACR_MFA },
    });

    // The link decides from now on, even if the provider's address changes.
    const ailleurs = new ClientHttp(t.app);
    const { arrivee: encore } = await seConnecter(ailleurs, 'proconnect', { compte: { ...usager, email: 'nouvelle-adresse@exemple.invalid' }, acr: ACR_MFA });
    expect(encore.headers.location).toBe('/');
    expect((await ailleurs.get('/api/v1/session')).json()).toMatchObject({ connecte: true, utilisateur: { id: agent.id } });
    expect((await evenementsConnexion('proconnect')).at(-1)).toMatchObject({ resultat: 'succes', raison: 'compte_lie', cible_id: agent.id });
  });

  it('ouvre une session sans permission quand l’acr ne prouve pas de second facteur, pour un rôle qui en exige un', async () => {
    const agent = await conseiller();
    const client = new ClientHttp(t.app);

    const { arrivee } = await seConnecter(client, 'proconnect', { compte: compteFournisseur(agent.email), acr: ACR_SANS_MFA });

    expect(arrivee.statusCode).toBe(303);
    expect(arrivee.headers.location).toBe('/');
    expect((await client.get('/api/v1/session')).json()).toMatchObject({
      connecte: true,
      utilisateur: { id: agent.id },
      second_facteur: { requis: true, valide: false },
      permissions: [],
    });
    expect(await codeSurRouteAPermission(client)).toBe('identite.second_facteur_requis');
    expect((await evenementsConnexion('proconnect')).at(-1)).toMatchObject({
      resultat: 'succes',
      details: { second_facteur: false, acr: ACR_SANS_MFA },
    });
  });

  it('refuse un agent inconnu : les comptes agents naissent d’une invitation, pas d’une connexion', async () => {
    const personne = await creerCompte(t.database.db, { type: 'personne' });
    for (const email of ['agent-jamais-invite@exemple.invalid', personne.email]) {
      const client = new ClientHttp(t.app);
      const { arrivee } = await seConnecter(client, 'proconnect', { compte: compteFournisseur(email), acr: ACR_MFA });

      expect(arrivee.statusCode).toBe(303);
      expect(arrivee.headers.location).toBe('/connexion?erreur=compte_agent_inconnu');
      expect(arrivee.cookies.find((c) => c.name === 'trajectoires_session')).toBeUndefined();
      expect((await client.get('/api/v1/session')).json()).toMatchObject({ connecte: false });
      expect((await evenementsConnexion('proconnect')).at(-1)).toMatchObject({ resultat: 'refus', raison: 'compte_agent_inconnu', cible_id: null });
    }
    expect(await identite.findUtilisateurParEmail(t.database.db, 'agent-jamais-invite@exemple.invalid')).toBeUndefined();
  });

  it('refuse un compte suspendu, même déjà lié', async () => {
    const agent = await conseiller();
    const usager = compteFournisseur(agent.email);
    await seConnecter(new ClientHttp(t.app), 'proconnect', { compte: usager, acr: ACR_MFA });
    await identite.updateUtilisateur(t.database.db, agent.id, { statut: 'suspendu' });
    const client = new ClientHttp(t.app);

    const { arrivee } = await seConnecter(client, 'proconnect', { compte: usager, acr: ACR_MFA });

    expect(arrivee.headers.location).toBe('/connexion?erreur=compte_suspendu');
    expect(arrivee.cookies.find((c) => c.name === 'trajectoires_session')).toBeUndefined();
    expect((await evenementsConnexion('proconnect')).at(-1)).toMatchObject({ resultat: 'refus', raison: 'compte_suspendu', cible_id: agent.id });
  });
});

describe('connexion d’une personne par FranceConnect', () => {
  it('crée le compte de la personne à sa première connexion, puis le retrouve', async () => {
    const usager = compteFournisseur('louise.bernard@exemple.invalid', { given_name: 'Louise', family_name: 'Bernard' });
    const client = new ClientHttp(t.app);

    const { depart, arrivee } = await seConnecter(client, 'franceconnect', { compte: usager, acr: 'eidas1' });

    const demande = new URL(String(depart.headers.location)).searchParams;
    expect(demande.get('scope')).toBe('openid email given_name family_name');
    expect(demande.get('acr_values')).toBe('eidas1');
    expect(demande.get('claims')).toBeNull();
    expect(arrivee.headers.location).toBe('/');
    const cree = await identite.findUtilisateurParEmail(t.database.db, usager.email);
    expect(cree).toMatchObject({ type: 'personne', prenom: 'Louise', nom: 'Bernard', motDePasse: null, statut: 'actif' });
    expect((await client.get('/api/v1/session')).json()).toMatchObject({
      connecte: true,
      methode: 'franceconnect',
      utilisateur: { id: cree!.id, type: 'personne' },
      second_facteur: { requis: false, valide: false },
      permissions: permissionsDuRole('personne'),
    });
    expect((await evenementsConnexion('franceconnect')).at(-1)).toMatchObject({ resultat: 'succes', raison: 'compte_cree', cible_id: cree!.id });

    const plusTard = new ClientHttp(t.app);
    await seConnecter(plusTard, 'franceconnect', { compte: usager, acr: 'eidas1' });
    expect((await plusTard.get('/api/v1/session')).json()).toMatchObject({ connecte: true, utilisateur: { id: cree!.id } });
    expect(await rows(t.database.db, sql`SELECT count(*)::int AS n FROM identite_utilisateur WHERE email = ${usager.email}`)).toEqual([{ n: 1 }]);
    expect((await evenementsConnexion('franceconnect')).at(-1)).toMatchObject({ resultat: 'succes', raison: 'compte_lie', cible_id: cree!.id });
  });

  it('deux premières connexions simultanées de la même personne créent un seul compte et ouvrent deux sessions', async () => {
    const usager = compteFournisseur('camille.petit@exemple.invalid', { given_name: 'Camille', family_name: 'Petit' });
    const onglets = [new ClientHttp(t.app), new ClientHttp(t.app)];
    const retours: URL[] = [];
    for (const onglet of onglets) {
      const depart = await onglet.get('/api/v1/connexion/oidc/franceconnect');
      retours.push(await franceconnect.parcourir(String(depart.headers.location), { compte: usager, acr: 'eidas1' }));
    }

    const arrivees = await Promise.all(onglets.map((onglet, i) => onglet.get(`${retours[i]!.pathname}${retours[i]!.search}`)));

    expect(arrivees.map((a) => [a.statusCode, a.headers.location])).toEqual([
      [303, '/'],
      [303, '/'],
    ]);
    const comptes = await rows<{ id: string }>(t.database.db, sql`SELECT id FROM identite_utilisateur WHERE email = ${usager.email}`);
    expect(comptes).toHaveLength(1);
    for (const onglet of onglets) {
      expect((await onglet.get('/api/v1/session')).json()).toMatchObject({ connecte: true, utilisateur: { id: comptes[0]!.id } });
    }
  });

  it('relie le compte d’une personne existante par son adresse', async () => {
    const personne = await creerCompte(t.database.db, { type: 'personne', prenom: 'Yasmine' });
    const client = new ClientHttp(t.app);

    await seConnecter(client, 'franceconnect', { compte: compteFournisseur(personne.email), acr: 'eidas1' });

    expect((await client.get('/api/v1/session')).json()).toMatchObject({ connecte: true, utilisateur: { id: personne.id, prenom: 'Yasmine' } });
  });

  it('ne crée pas de compte de personne sur l’adresse d’un agent', async () => {
    const agent = await conseiller();
    const client = new ClientHttp(t.app);

    const { arrivee } = await seConnecter(client, 'franceconnect', { compte: compteFournisseur(agent.email), acr: 'eidas1' });

    expect(arrivee.headers.location).toBe('/connexion?erreur=adresse_compte_agent');
    expect((await client.get('/api/v1/session')).json()).toMatchObject({ connecte: false });
  });
});

describe('réponses du fournisseur qui ne sont pas acceptées', () => {
  it('refuse un state altéré, sans ouvrir de session', async () => {
    const agent = await conseiller();
    const client = new ClientHttp(t.app);

    const { arrivee } = await seConnecter(
      client,
      'proconnect',
      { compte: compteFournisseur(agent.email), acr: ACR_MFA },
      { alterer: (url) => url.searchParams.set('state', `${url.searchParams.get('state')}x`) },
    );

    expect(arrivee.statusCode).toBe(303);
    expect(arrivee.headers.location).toBe('/connexion?erreur=etat_invalide');
    expect(arrivee.cookies.find((c) => c.name === 'trajectoires_session')).toBeUndefined();
    expect((await evenementsConnexion('proconnect')).at(-1)).toMatchObject({ resultat: 'echec', raison: 'etat_invalide' });
  });

  it('refuse un retour arrivé dans un autre navigateur que celui qui a commencé, et un retour rejoué', async () => {
    const agent = await conseiller();
    const client = new ClientHttp(t.app);
    const depart = await client.get('/api/v1/connexion/oidc/proconnect');
    const urlDeRetour = await proconnect.parcourir(String(depart.headers.location), { compte: compteFournisseur(agent.email), acr: ACR_MFA });
    const chemin = `${urlDeRetour.pathname}${urlDeRetour.search}`;

    const autreNavigateur = await new ClientHttp(t.app).get(chemin);
    expect(autreNavigateur.headers.location).toBe('/connexion?erreur=etat_invalide');

    expect((await client.get(chemin)).headers.location).toBe('/');
    const rejoue = await client.get(chemin);
    expect(rejoue.headers.location).toBe('/connexion?erreur=etat_invalide');
  });

  it('ignore un retour vers un autre site et renvoie vers l’accueil', async () => {
    const agent = await conseiller();
    for (const retour of ['https://evil.example', '//evil.example/page', '/\\evil.example']) {
      const client = new ClientHttp(t.app);
      const { arrivee } = await seConnecter(client, 'proconnect', { compte: compteFournisseur(agent.email), acr: ACR_MFA }, { retour });
      expect(arrivee.statusCode).toBe(303);
      expect(arrivee.headers.location).toBe('/');
    }
  });

  it('revient sur la page de connexion quand la personne refuse de partager ses données', async () => {
    const client = new ClientHttp(t.app);

    const { arrivee } = await seConnecter(client, 'franceconnect', { refuse: true });

    expect(arrivee.headers.location).toBe('/connexion?erreur=refus_usager');
    expect((await client.get('/api/v1/session')).json()).toMatchObject({ connecte: false });
    expect((await evenementsConnexion('franceconnect')).at(-1)).toMatchObject({ resultat: 'echec', raison: 'refus_usager' });
  });
});
