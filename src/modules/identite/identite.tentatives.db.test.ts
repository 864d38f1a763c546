import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { rows } from '../../db/client.js';
import { type AppDeTest, creerAppDeTest } from '../../../test/harness/app.js';
import { ClientHttp } from '../../../test/harness/client-http.js';
import { creerCompte } from '../../../test/factories/identite.js';
import { empreinteAdresse } from './identite.adresse.js';
import type * as motdepasse from './identite.motdepasse.js';
import { PARAMETRES_SCRYPT, verifierMotDePasse } from './identite.motdepasse.js';
import * as repository from './identite.repository.js';

// The real verification, watched: which hash each attempt is checked against, and how many times.
vi.mock('./identite.motdepasse.js', async (importOriginal) => {
  const original = await importOriginal<typeof motdepasse>();
  return { ...original, verifierMotDePasse: vi.fn(original.verifierMotDePasse) };
});

const ECHECS_AVANT_VERROU = 5;
const VERROU_MINUTES = 30;
const OUBLI_HEURES = 24;

let t: AppDeTest;
// The application's clock, moved by hand: delays and lock-outs are waited out without waiting.
let instant = Date.parse('2026-03-02T08:00:00Z');
const avancer = (secondes: number) => {
  instant += secondes * 1000;
};

beforeAll(async () => {
  t = await creerAppDeTest(
    {
      CONNEXION_ECHECS_AVANT_VERROU: String(ECHECS_AVANT_VERROU),
      CONNEXION_ATTENTES_SECONDES: '0,0,1,2',
      CONNEXION_VERROU_MINUTES: String(VERROU_MINUTES),
      CONNEXION_OUBLI_HEURES: String(OUBLI_HEURES),
      CONNEXION_LIMITE_PAR_IP_MINUTE: '10000',
    },
    { now: () => new Date(instant) },
  );
});
afterAll(async () => t?.close());
beforeEach(() => vi.mocked(verifierMotDePasse).mockClear());

let numero = 0;
const adresseInconnue = () => `inconnue-${++numero}-${Date.now()}@exemple.invalid`;

/** What the caller sees of an answer: status, body and Retry-After, nothing else. */
function vu(reponse: LightMyRequestResponse) {
  return { statut: reponse.statusCode, corps: reponse.json(), retryAfter: reponse.headers['retry-after'] };
}

describe('connexion : une adresse sans compte et une adresse qui en a un reçoivent les mêmes réponses', () => {
  it('même suite de statuts, de corps et de Retry-After sous la même série de mauvais mots de passe, verrou au seuil configuré', async () => {
    const compte = await creerCompte(t.database.db, { type: 'personne' });
    const inconnue = adresseInconnue();
    const versCompte = new ClientHttp(t.app, '203.0.113.50');
    const versInconnue = new ClientHttp(t.app, '203.0.113.51');
    // Seconds waited before each attempt: some attempts come too early, others wait the delay out.
    const plan = [0, 0, 0, 0, 1, 0, 2, 0];

    const surCompte: ReturnType<typeof vu>[] = [];
    const surInconnue: ReturnType<typeof vu>[] = [];
    for (const [i, attente] of plan.entries()) {
      avancer(attente);
      surCompte.push(vu(await versCompte.connecter(compte.email, `mauvais-${i}`)));
      surInconnue.push(vu(await versInconnue.connecter(inconnue, `mauvais-${i}`)));
    }

    expect(surInconnue).toEqual(surCompte);
    // No delay after the first two failures, 1 s after the third, 2 s after the fourth, and the
    // 30-minute lock-out at the fifth (CONNEXION_ECHECS_AVANT_VERROU).
    expect(surCompte.map((r) => r.statut)).toEqual([401, 401, 401, 429, 401, 429, 401, 429]);
    expect(surCompte.map((r) => r.retryAfter)).toEqual([undefined, undefined, undefined, '1', undefined, '2', undefined, String(VERROU_MINUTES * 60)]);
    expect(surCompte[0]!.corps.erreur.code).toBe('identite.identifiants_invalides');
    expect(surCompte[3]!.corps.erreur).toEqual({
      code: 'identite.compte_verrouille',
      message:
        'Trop de tentatives de connexion avec cette adresse : réessayez dans 1 seconde. Si vous avez oublié votre mot de passe, adressez-vous au responsable de votre structure.',
    });

    // The right password is refused while the lock-out lasts, with the same answer as the unknown address.
    avancer(VERROU_MINUTES * 60 - 1);
    const pendant = await new ClientHttp(t.app, '198.51.100.50').connecter(compte.email, compte.motDePasse);
    expect(vu(pendant)).toEqual(vu(await versInconnue.connecter(inconnue, 'encore-un')));
    expect(vu(pendant)).toMatchObject({ statut: 429, retryAfter: '1' });

    // Once it has expired, the account signs in again with its password.
    avancer(1);
    const titulaire = new ClientHttp(t.app, '198.51.100.51');
    const apres = await titulaire.connecter(compte.email, compte.motDePasse);
    expect(apres.statusCode).toBe(200);
    expect(apres.json()).toEqual({ etape: 'connecte' });
    expect(await repository.findTentative(t.database.db, empreinteAdresse(compte.email))).toBeUndefined();
    // The unknown address, past its lock-out too, gets the answer of a wrong password, and its next failure locks it again.
    expect(vu(await versInconnue.connecter(inconnue, 'encore-un'))).toMatchObject({ statut: 401 });
    expect(vu(await versInconnue.connecter(inconnue, 'encore-un'))).toMatchObject({ statut: 429, retryAfter: String(VERROU_MINUTES * 60) });
  });

  it('compte les échecs d’une adresse, quelle que soit la casse ou les espaces saisis', async () => {
    const compte = await creerCompte(t.database.db, { type: 'personne' });
    const client = new ClientHttp(t.app, '203.0.113.52');
    for (const saisie of [compte.email, compte.email.toUpperCase(), `  ${compte.email} `]) {
      expect((await client.connecter(saisie, 'mauvais')).statusCode).toBe(401);
    }
    expect(vu(await client.connecter(compte.email, compte.motDePasse))).toMatchObject({ statut: 429, retryAfter: '1' });
  });

  it('vérifie le mot de passe d’une adresse sans compte contre un hachage au coût de production, une fois par tentative', async () => {
    const inconnue = adresseInconnue();
    const client = new ClientHttp(t.app, '203.0.113.53');
    const sansMotDePasse = adresseInconnue();
    // An account that signs in only through an identity provider has no password to check.
    await repository.insertUtilisateur(t.database.db, { type: 'agent', email: sansMotDePasse, prenom: 'Lou', nom: 'Essai', motDePasse: null });
    const compte = await creerCompte(t.database.db, { type: 'personne' });
    const coutProduction = `scrypt$${PARAMETRES_SCRYPT.log2N}$${PARAMETRES_SCRYPT.r}$${PARAMETRES_SCRYPT.p}$`;

    expect((await client.connecter(inconnue, 'essai-inconnue')).statusCode).toBe(401);
    expect((await client.connecter(sansMotDePasse, 'essai-sans-mot-de-passe')).statusCode).toBe(401);
    expect((await client.connecter(compte.email, 'essai-compte')).statusCode).toBe(401);

    const appels = vi.mocked(verifierMotDePasse).mock.calls;
    expect(appels.map(([motDePasse]) => motDePasse)).toEqual(['essai-inconnue', 'essai-sans-mot-de-passe', 'essai-compte']);
    expect(appels[0]![1].startsWith(coutProduction)).toBe(true);
    expect(appels[1]![1].startsWith(coutProduction)).toBe(true);
    // One stand-in hash for every address without a password, never an account's own.
    expect(appels[0]![1]).toBe(appels[1]![1]);
    expect(appels[0]![1]).not.toBe((await repository.findUtilisateurParEmail(t.database.db, compte.email))!.motDePasse);
  });

  it('ne hache rien pendant un délai, ni pour une adresse inconnue ni pour un compte', async () => {
    const compte = await creerCompte(t.database.db, { type: 'personne' });
    const inconnue = adresseInconnue();
    const client = new ClientHttp(t.app, '203.0.113.54');
    for (let i = 0; i < 3; i++) {
      await client.connecter(compte.email, 'mauvais');
      await client.connecter(inconnue, 'mauvais');
    }
    vi.mocked(verifierMotDePasse).mockClear();

    expect((await client.connecter(compte.email, compte.motDePasse)).statusCode).toBe(429);
    expect((await client.connecter(inconnue, 'mauvais')).statusCode).toBe(429);
    expect(verifierMotDePasse).not.toHaveBeenCalled();
  });
});

describe('tentatives gardées', () => {
  it('ne garde d’une adresse essayée que son empreinte, et l’oublie après CONNEXION_OUBLI_HEURES sans échec', async () => {
    const inconnue = adresseInconnue();
    const client = new ClientHttp(t.app, '203.0.113.55');
    await client.connecter(inconnue, 'mauvais');
    const lignes = await rows<Record<string, unknown>>(t.database.db, sql`SELECT * FROM identite_tentative_connexion`);
    expect(JSON.stringify(lignes)).not.toContain(inconnue.split('@')[0]);
    expect(await repository.findTentative(t.database.db, empreinteAdresse(inconnue))).toMatchObject({ echecs: 1 });

    // The forgetting itself, on accounts' addresses (their hash is the cheap one of the tests).
    const compte = await creerCompte(t.database.db, { type: 'personne' });
    const autre = await creerCompte(t.database.db, { type: 'personne' });
    await client.connecter(compte.email, 'mauvais');
    await client.connecter(compte.email, 'mauvais');
    expect(await repository.findTentative(t.database.db, empreinteAdresse(compte.email))).toMatchObject({ echecs: 2 });
    avancer(OUBLI_HEURES * 3600 + 1);
    // Any failure forgets the addresses gone quiet; the next failure of one starts again from one.
    await client.connecter(autre.email, 'mauvais');
    expect(await repository.findTentative(t.database.db, empreinteAdresse(compte.email))).toBeUndefined();
    expect(await repository.findTentative(t.database.db, empreinteAdresse(inconnue))).toBeUndefined();
    await client.connecter(compte.email, 'mauvais');
    expect(await repository.findTentative(t.database.db, empreinteAdresse(compte.email))).toMatchObject({ echecs: 1 });
  });
});
