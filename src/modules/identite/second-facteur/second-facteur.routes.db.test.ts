import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../db/client.js';
import { type AppDeTest, creerAppDeTest } from '../../../../test/harness/app.js';
import { ClientHttp } from '../../../../test/harness/client-http.js';
import { type AdhesionDeTest, type CompteDeTest, creerCompte, permissionsDuRole } from '../../../../test/factories/identite.js';
import { genererCodesRecuperation } from '../identite.recuperation.js';
import { empreinteAdresse } from '../identite.adresse.js';
import * as identiteRepository from '../identite.repository.js';
import { codeTotpCourant, genererSecretTotp } from '../identite.totp.js';

const ECHECS_AVANT_VERROU = 5;
const COOKIE = 'trajectoires_session';

let t: AppDeTest;
let structureId: string;

beforeAll(async () => {
  t = await creerAppDeTest({ CONNEXION_ECHECS_AVANT_VERROU: String(ECHECS_AVANT_VERROU) });
  const [structure] = await rows<{ id: string }>(
    t.database.db,
    sql`SELECT id::text AS id FROM annuaire_structure WHERE source = 'demonstration' AND source_id = 'cibc-gironde'`,
  );
  structureId = structure!.id;
});
afterAll(async () => t?.close());

const responsable = (): AdhesionDeTest[] => [{ role: 'structure_manager', structureId }];

async function compteAvecTotp(adhesions: AdhesionDeTest[] = responsable()): Promise<CompteDeTest & { secret: string }> {
  const secret = genererSecretTotp();
  return { ...(await creerCompte(t.database.db, { adhesions, totpSecret: secret })), secret };
}

const codeCourant = (secret: string) => codeTotpCourant(secret, new Date());

/** A 6-digit code that no step of the accepted window (now ± 30 s) gives. */
function codeFaux(secret: string): string {
  const maintenant = Date.now();
  const valides = new Set([-30_000, 0, 30_000].map((d) => codeTotpCourant(secret, new Date(maintenant + d))));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!valides.has(code)) return code;
  }
}

async function compte(id: string) {
  return (await identiteRepository.findUtilisateur(t.database.db, id))!;
}

/** The failures counted on an account's address (passwords and codes alike). */
async function echecsSur(email: string): Promise<number> {
  return (await identiteRepository.findTentative(t.database.db, empreinteAdresse(email)))?.echecs ?? 0;
}

interface EvenementLu {
  action: string;
  resultat: string;
  acteur_utilisateur_id: string | null;
  cible_type: string | null;
  ip: string | null;
  raison: string | null;
  details: Record<string, unknown>;
}

function evenementsSur(utilisateurId: string): Promise<EvenementLu[]> {
  return rows<EvenementLu>(
    t.database.db,
    sql`SELECT action, resultat, acteur_utilisateur_id::text AS acteur_utilisateur_id, cible_type, ip, raison, details
        FROM audit_evenement WHERE cible_id = ${utilisateurId} ORDER BY id`,
  );
}

/** A client whose password step is done, and the cookie of that half-signed-in session. */
async function apresMotDePasse(c: CompteDeTest, ip?: string): Promise<{ client: ClientHttp; cookie: string }> {
  const client = new ClientHttp(t.app, ip);
  const reponse = await client.connecter(c.email, c.motDePasse);
  expect(reponse.statusCode).toBe(200);
  return { client, cookie: client.cookies.get(COOKIE)! };
}

async function sessionDuCookie(cookie: string) {
  const autre = new ClientHttp(t.app);
  autre.cookies.set(COOKIE, cookie);
  return (await autre.get('/api/v1/session')).json();
}

describe('POST /api/v1/connexion/second-facteur', () => {
  it('valide le code TOTP, remplace la session et ne donne les permissions qu’après', async () => {
    const c = await compteAvecTotp();
    const { client, cookie } = await apresMotDePasse(c);
    expect((await client.get('/api/v1/session')).json()).toMatchObject({
      connecte: true,
      permissions: [],
      second_facteur: { requis: true, valide: false, configure: true },
    });

    const reponse = await client.post('/api/v1/connexion/second-facteur', { code: codeCourant(c.secret) });

    expect(reponse.statusCode).toBe(200);
    expect(reponse.json()).toEqual({ etape: 'connecte', codes_recuperation_restants: 0 });
    expect(reponse.headers['cache-control']).toBe('no-store');
    const nouveau = client.cookies.get(COOKIE);
    expect(nouveau).toBeDefined();
    expect(nouveau).not.toBe(cookie);
    const session = (await client.get('/api/v1/session')).json();
    expect(session).toMatchObject({ connecte: true, second_facteur: { requis: true, valide: true, configure: true } });
    expect(session.permissions).toEqual(expect.arrayContaining(['identite.equipe.gerer', 'annuaire.structure.modifier']));
    expect(await sessionDuCookie(cookie)).toMatchObject({ connecte: false });
  });

  it('accepte le code tel que l’application l’affiche, avec une espace', async () => {
    const c = await compteAvecTotp();
    const { client } = await apresMotDePasse(c);
    const code = codeCourant(c.secret);
    const reponse = await client.post('/api/v1/connexion/second-facteur', { code: `${code.slice(0, 3)} ${code.slice(3)}` });
    expect(reponse.statusCode).toBe(200);
  });

  it('refuse de rejouer un code déjà accepté', async () => {
    const c = await compteAvecTotp();
    const code = codeCourant(c.secret);
    const premier = await apresMotDePasse(c);
    expect((await premier.client.post('/api/v1/connexion/second-facteur', { code })).statusCode).toBe(200);

    const second = await apresMotDePasse(c, '198.51.100.30');
    const rejeu = await second.client.post('/api/v1/connexion/second-facteur', { code });

    expect(rejeu.statusCode).toBe(401);
    expect(rejeu.json().erreur).toMatchObject({ code: 'identite.code_invalide', champs: [{ chemin: 'code' }] });
    expect((await second.client.get('/api/v1/session')).json()).toMatchObject({ permissions: [], second_facteur: { valide: false } });
  });

  it('compte un mauvais code comme un échec de connexion, journalisé', async () => {
    const c = await compteAvecTotp();
    const { client } = await apresMotDePasse(c, '203.0.113.41');

    const reponse = await client.post('/api/v1/connexion/second-facteur', { code: codeFaux(c.secret) });

    expect(reponse.statusCode).toBe(401);
    expect(reponse.json().erreur.code).toBe('identite.code_invalide');
    expect(await echecsSur(c.email)).toBe(1);
    expect(await evenementsSur(c.id)).toContainEqual(
      expect.objectContaining({
        action: 'identite.connexion.second_facteur',
        resultat: 'echec',
        acteur_utilisateur_id: c.id,
        cible_type: 'utilisateur',
        ip: '203.0.113.41',
        raison: 'code_invalide',
      }),
    );
  });

  it('verrouille le compte au même seuil que les mots de passe : le bon mot de passe est alors refusé', async () => {
    const c = await compteAvecTotp();
    const { client } = await apresMotDePasse(c);
    // Failures already counted (passwords or codes), one short of the threshold.
    for (let i = 1; i < ECHECS_AVANT_VERROU; i++) await identiteRepository.incrementEchecs(t.database.db, empreinteAdresse(c.email), new Date());

    expect((await client.post('/api/v1/connexion/second-facteur', { code: codeFaux(c.secret) })).statusCode).toBe(401);

    const refus = await client.post('/api/v1/connexion/second-facteur', { code: codeCourant(c.secret) });
    expect(refus.statusCode).toBe(429);
    expect(refus.json().erreur.code).toBe('identite.compte_verrouille');
    const motDePasse = await new ClientHttp(t.app, '198.51.100.31').connecter(c.email, c.motDePasse);
    expect(motDePasse.statusCode).toBe(429);
    expect(Number(motDePasse.headers['retry-after'])).toBeGreaterThan(0);
    expect(await evenementsSur(c.id)).toContainEqual(
      expect.objectContaining({ action: 'identite.compte.verrouiller', resultat: 'succes', raison: 'echecs_repetes' }),
    );
  });

  it('accepte un code de récupération une seule fois', async () => {
    const c = await compteAvecTotp();
    const { codes, empreintes } = genererCodesRecuperation();
    await identiteRepository.updateUtilisateur(t.database.db, c.id, { codesRecuperation: empreintes });
    const premier = await apresMotDePasse(c);

    // As typed on paper: upper case, without dashes.
    const reponse = await premier.client.post('/api/v1/connexion/second-facteur', { code_recuperation: codes[3]!.toUpperCase().replaceAll('-', ' ') });

    expect(reponse.statusCode).toBe(200);
    expect(reponse.json()).toEqual({ etape: 'connecte', codes_recuperation_restants: 9 });
    expect((await premier.client.get('/api/v1/session')).json()).toMatchObject({ second_facteur: { valide: true } });
    expect(await evenementsSur(c.id)).toContainEqual(
      expect.objectContaining({
        action: 'identite.code_recuperation.utiliser',
        resultat: 'succes',
        details: { pour: 'identite.connexion.second_facteur', restants: 9 },
      }),
    );

    const second = await apresMotDePasse(c);
    const rejeu = await second.client.post('/api/v1/connexion/second-facteur', { code_recuperation: codes[3] });
    expect(rejeu.statusCode).toBe(401);
    expect(rejeu.json().erreur).toMatchObject({ code: 'identite.code_invalide', champs: [{ chemin: 'code_recuperation' }] });
    expect((await compte(c.id)).codesRecuperation).toHaveLength(9);
  });

  it('refuse sans session, et à un compte sans second facteur configuré', async () => {
    const anonyme = new ClientHttp(t.app);
    const refus = await anonyme.post('/api/v1/connexion/second-facteur', { code: '123456' });
    expect(refus.statusCode).toBe(401);
    expect(refus.json().erreur.code).toBe('identite.non_connecte');

    const sansTotp = await creerCompte(t.database.db, { adhesions: responsable() });
    const { client } = await apresMotDePasse(sansTotp);
    const conflit = await client.post('/api/v1/connexion/second-facteur', { code: '123456' });
    expect(conflit.statusCode).toBe(409);
    expect(conflit.json().erreur.code).toBe('identite.second_facteur_non_configure');
  });

  it('demande un code, ou un code de récupération, mais pas les deux', async () => {
    const c = await compteAvecTotp();
    const { client } = await apresMotDePasse(c);
    const vide = await client.post('/api/v1/connexion/second-facteur', {});
    expect(vide.statusCode).toBe(400);
    expect(vide.json().erreur.champs).toEqual([expect.objectContaining({ chemin: 'code' })]);
    const lesDeux = await client.post('/api/v1/connexion/second-facteur', { code: '123456', code_recuperation: 'abcd-efgh-jkmn' });
    expect(lesDeux.statusCode).toBe(400);
    expect(lesDeux.json().erreur.champs).toEqual([expect.objectContaining({ chemin: 'code_recuperation' })]);
    expect(await echecsSur(c.email)).toBe(0);
  });
});

describe('enrôlement : POST /api/v1/moi/second-facteur/initialisation puis /activation', () => {
  it('configure le second facteur d’un conseiller, rend ses permissions utilisables et donne dix codes de récupération', async () => {
    const c = await creerCompte(t.database.db, { adhesions: [{ role: 'advisor', structureId }] });
    const client = new ClientHttp(t.app);
    expect((await client.connecter(c.email, c.motDePasse)).json()).toEqual({ etape: 'enrolement_second_facteur' });

    const initialisation = await client.post('/api/v1/moi/second-facteur/initialisation', {});
    expect(initialisation.statusCode).toBe(200);
    const { secret, uri_otpauth, qr_code } = initialisation.json();
    expect(uri_otpauth).toMatch(/^otpauth:\/\/totp\/.+secret=/);
    expect(uri_otpauth).toContain(`secret=${secret}`);
    expect(qr_code).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await compte(c.id)).toMatchObject({ totpSecret: secret, totpActive: false });
    expect((await client.get('/api/v1/session')).json()).toMatchObject({ permissions: [], second_facteur: { valide: false, configure: false } });

    const faux = await client.post('/api/v1/moi/second-facteur/activation', { code: codeFaux(secret) });
    expect(faux.statusCode).toBe(401);
    expect((await compte(c.id)).totpActive).toBe(false);

    const cookieAvant = client.cookies.get(COOKIE)!;
    const activation = await client.post('/api/v1/moi/second-facteur/activation', { code: codeCourant(secret) });
    expect(activation.statusCode).toBe(200);
    const { codes_recuperation } = activation.json();
    expect(codes_recuperation).toHaveLength(10);
    for (const code of codes_recuperation) expect(code).toMatch(/^[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}$/);
    expect(new Set(codes_recuperation).size).toBe(10);

    expect(client.cookies.get(COOKIE)).not.toBe(cookieAvant);
    expect(await sessionDuCookie(cookieAvant)).toMatchObject({ connecte: false });
    expect((await client.get('/api/v1/session')).json()).toMatchObject({
      permissions: permissionsDuRole('advisor'),
      second_facteur: { requis: true, valide: true, configure: true },
    });
    expect(await compte(c.id)).toMatchObject({ totpActive: true });
    expect(await echecsSur(c.email)).toBe(0);
    expect(await evenementsSur(c.id)).toContainEqual(
      expect.objectContaining({ action: 'identite.second_facteur.activer', resultat: 'succes', acteur_utilisateur_id: c.id }),
    );

    // The next sign-in asks for the factor; a recovery code of the list passes it.
    const ensuite = new ClientHttp(t.app);
    expect((await ensuite.connecter(c.email, c.motDePasse)).json()).toEqual({ etape: 'second_facteur' });
    expect((await ensuite.post('/api/v1/connexion/second-facteur', { code_recuperation: codes_recuperation[0] })).statusCode).toBe(200);
  });

  it('refuse d’activer sans secret en attente', async () => {
    const c = await creerCompte(t.database.db, { adhesions: responsable() });
    const { client } = await apresMotDePasse(c);
    const reponse = await client.post('/api/v1/moi/second-facteur/activation', { code: '123456' });
    expect(reponse.statusCode).toBe(409);
    expect(reponse.json().erreur.code).toBe('identite.second_facteur_non_initialise');
  });

  it('ne laisse pas une session au seul mot de passe remplacer un second facteur actif', async () => {
    const c = await compteAvecTotp();
    const { client } = await apresMotDePasse(c);

    const sansPreuve = await client.post('/api/v1/moi/second-facteur/initialisation', {});
    expect(sansPreuve.statusCode).toBe(403);
    expect(sansPreuve.json().erreur.code).toBe('identite.preuve_second_facteur_requise');
    const mauvaisePreuve = await client.post('/api/v1/moi/second-facteur/initialisation', { code: codeFaux(c.secret) });
    expect(mauvaisePreuve.statusCode).toBe(401);

    expect(await compte(c.id)).toMatchObject({ totpSecret: c.secret, totpActive: true });
    expect(await echecsSur(c.email)).toBe(1);
  });

  it('remplace un second facteur actif sur preuve du code actuel : le nouveau secret est aussitôt en vigueur', async () => {
    const c = await compteAvecTotp();
    const { client } = await apresMotDePasse(c);

    const remplacement = await client.post('/api/v1/moi/second-facteur/initialisation', { code: codeCourant(c.secret) });

    expect(remplacement.statusCode).toBe(200);
    const { secret } = remplacement.json();
    expect(secret).not.toBe(c.secret);
    expect(await compte(c.id)).toMatchObject({ totpSecret: secret, totpActive: true });
    expect(await evenementsSur(c.id)).toContainEqual(
      expect.objectContaining({ action: 'identite.second_facteur.initialiser', resultat: 'succes', details: { remplacement: true } }),
    );
    const activation = await client.post('/api/v1/moi/second-facteur/activation', { code: codeCourant(secret) });
    expect(activation.statusCode).toBe(200);
    expect((await client.get('/api/v1/session')).json()).toMatchObject({ second_facteur: { valide: true } });
  });
});

describe('POST /api/v1/moi/second-facteur/desactivation', () => {
  it('retire le second facteur d’un coordinateur, sur preuve', async () => {
    const c = await compteAvecTotp([{ role: 'coordinator', territoireCode: '75' }]);
    const { client } = await apresMotDePasse(c);
    const { codes, empreintes } = genererCodesRecuperation();
    await identiteRepository.updateUtilisateur(t.database.db, c.id, { codesRecuperation: empreintes });

    const reponse = await client.post('/api/v1/moi/second-facteur/desactivation', { code_recuperation: codes[0] });

    expect(reponse.statusCode).toBe(200);
    expect(reponse.json()).toEqual({ configure: false });
    expect(await compte(c.id)).toMatchObject({ totpSecret: null, totpActive: false, codesRecuperation: [] });
    expect((await new ClientHttp(t.app).connecter(c.email, c.motDePasse)).json()).toEqual({ etape: 'connecte' });
  });

  it('le refuse aux rôles qui exigent un second facteur', async () => {
    const c = await compteAvecTotp();
    const { client } = await apresMotDePasse(c);
    await client.post('/api/v1/connexion/second-facteur', { code: codeCourant(c.secret) });

    const reponse = await client.post('/api/v1/moi/second-facteur/desactivation', { code: codeFaux(c.secret) });

    expect(reponse.statusCode).toBe(403);
    expect(reponse.json().erreur.code).toBe('identite.second_facteur_obligatoire');
    expect((await compte(c.id)).totpActive).toBe(true);
  });
});

describe('journal d’audit de la connexion par mot de passe', () => {
  it('journalise la réussite, l’échec et le compte inconnu, avec l’adresse IP', async () => {
    const c = await creerCompte(t.database.db, { type: 'personne' });
    const client = new ClientHttp(t.app, '203.0.113.50');
    await client.connecter(c.email, 'pas-le-bon-mot-de-passe');
    await client.connecter(c.email, c.motDePasse);

    expect(await evenementsSur(c.id)).toEqual([
      expect.objectContaining({
        action: 'identite.connexion',
        resultat: 'echec',
        acteur_utilisateur_id: null,
        ip: '203.0.113.50',
        raison: 'mot_de_passe_invalide',
      }),
      expect.objectContaining({
        action: 'identite.connexion',
        resultat: 'succes',
        acteur_utilisateur_id: c.id,
        cible_type: 'utilisateur',
        ip: '203.0.113.50',
        details: { methode: 'mot_de_passe', etape: 'connecte' },
      }),
    ]);

    const ip = '203.0.113.51';
    await new ClientHttp(t.app, ip).connecter('inconnu-journal@exemple.invalid', 'peu-importe');
    const inconnus = await rows<{ raison: string; cible_id: string | null }>(
      t.database.db,
      sql`SELECT raison, cible_id FROM audit_evenement WHERE action = 'identite.connexion' AND ip = ${ip}`,
    );
    expect(inconnus).toEqual([{ raison: 'compte_inconnu', cible_id: null }]);
  });
});
