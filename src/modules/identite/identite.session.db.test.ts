import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDeTest, creerAppDeTest } from '../../../test/harness/app.js';
import { ClientHttp } from '../../../test/harness/client-http.js';
import { creerCompte } from '../../../test/factories/identite.js';
import { updateUtilisateur } from './identite.repository.js';

// The application reads this clock: the tests move it instead of waiting.
let maintenant = new Date('2026-03-02T08:00:00Z');
const avancer = (minutes: number) => {
  maintenant = new Date(maintenant.getTime() + minutes * 60_000);
};

let t: AppDeTest;

beforeAll(async () => {
  t = await creerAppDeTest({}, { now: () => maintenant });
});
afterAll(async () => t?.close());

async function personneConnectee() {
  const compte = await creerCompte(t.database.db, { type: 'personne' });
  const client = new ClientHttp(t.app);
  expect((await client.connecter(compte.email, compte.motDePasse)).statusCode).toBe(200);
  return { compte, client };
}

const estConnecte = async (client: ClientHttp) => (await client.get('/api/v1/session')).json<{ connecte: boolean }>().connecte;

describe('durée des sessions', () => {
  it('garde la session active tant que la personne agit, moins de 30 minutes entre deux requêtes', async () => {
    const { client } = await personneConnectee();
    for (let i = 0; i < 6; i++) {
      avancer(25);
      expect(await estConnecte(client)).toBe(true);
    }
  });

  it('ferme la session après 30 minutes d’inactivité', async () => {
    const { client } = await personneConnectee();
    avancer(29);
    expect(await estConnecte(client)).toBe(true);
    avancer(31);
    expect(await estConnecte(client)).toBe(false);
  });

  it('ferme la session au bout de 12 heures, même active', async () => {
    const { client } = await personneConnectee();
    // 35 × 20 minutes = 11 h 40: still alive; 20 more minutes reach 12 hours.
    for (let i = 0; i < 35; i++) {
      avancer(20);
      expect(await estConnecte(client)).toBe(true);
    }
    avancer(20);
    expect(await estConnecte(client)).toBe(false);
  });

  it('ferme toutes les sessions d’un compte suspendu dès sa requête suivante', async () => {
    const { compte, client } = await personneConnectee();
    await updateUtilisateur(t.database.db, compte.id, { statut: 'suspendu' });
    expect(await estConnecte(client)).toBe(false);
    await updateUtilisateur(t.database.db, compte.id, { statut: 'actif' });
    // Reactivation does not revive the session: the person signs in again.
    expect(await estConnecte(client)).toBe(false);
  });
});

describe('jeton de session', () => {
  it('est un jeton aléatoire de 256 bits, différent à chaque connexion', async () => {
    const jetons = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const { client } = await personneConnectee();
      const jeton = client.cookies.get('trajectoires_session')!;
      expect(Buffer.from(jeton, 'base64url')).toHaveLength(32);
      jetons.add(jeton);
    }
    expect(jetons.size).toBe(3);
  });
});
