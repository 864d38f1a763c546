import type { Db } from '../../src/db/client.js';
import { codeTotpCourant, genererSecretTotp } from '../../src/modules/identite/identite.totp.js';
import { type AdhesionDeTest, type CompteDeTest, creerCompte } from '../factories/identite.js';
import type { AppDeTest } from './app.js';
import { ClientHttp } from './client-http.js';

export interface CompteAvecSecondFacteur extends CompteDeTest {
  totpSecret: string;
}

/** An agent whose second factor (TOTP) is set up, as after a real enrolment. */
export async function creerAgentAvecSecondFacteur(
  db: Db,
  adhesions: AdhesionDeTest[],
  options: { email?: string; prenom?: string; nom?: string } = {},
): Promise<CompteAvecSecondFacteur> {
  const totpSecret = genererSecretTotp();
  return { ...(await creerCompte(db, { ...options, adhesions, totpSecret })), totpSecret };
}

/**
 * Signs the account in as a person would, password then the current TOTP code, and returns the
 * client holding the session (second factor passed) and the CSRF token. A code is accepted once:
 * sign the same account in again only in another 30-second step.
 */
export async function connecterAvecSecondFacteur(t: AppDeTest, compte: CompteAvecSecondFacteur, client = new ClientHttp(t.app)): Promise<ClientHttp> {
  const connexion = await client.connecter(compte.email, compte.motDePasse);
  if (connexion.statusCode !== 200 || connexion.json<{ etape: string }>().etape !== 'second_facteur') {
    throw new Error(`Connexion de ${compte.email} : ${connexion.statusCode} ${connexion.body}`);
  }
  const preuve = await client.post('/api/v1/connexion/second-facteur', { code: codeTotpCourant(compte.totpSecret, new Date()) });
  if (preuve.statusCode !== 200) throw new Error(`Second facteur de ${compte.email} : ${preuve.statusCode} ${preuve.body}`);
  return client;
}

/** An agent with these memberships, already signed in with their second factor. */
export async function agentConnecte(
  t: AppDeTest,
  adhesions: AdhesionDeTest[],
  options: { email?: string; prenom?: string; nom?: string; ip?: string } = {},
): Promise<{ compte: CompteAvecSecondFacteur; client: ClientHttp }> {
  const compte = await creerAgentAvecSecondFacteur(t.database.db, adhesions, options);
  const client = await connecterAvecSecondFacteur(t, compte, new ClientHttp(t.app, options.ip));
  return { compte, client };
}
