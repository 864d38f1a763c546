import type { z } from 'zod';
import type { connexionReponse, sessionReponse } from '../../../src/modules/identite/identite.contract.js';
import { envoyerJson, lireJson, retenirJetonCsrf } from './client.js';

export type Session = z.infer<typeof sessionReponse>;
export type SessionConnectee = Extract<Session, { connecte: true }>;
export type ConnexionReponse = z.infer<typeof connexionReponse>;

export async function lireSession(signal?: AbortSignal): Promise<Session> {
  const session = await lireJson<Session>('/api/v1/session', {}, signal);
  retenirJetonCsrf(session.jeton_csrf);
  return session;
}

export const connecter = (email: string, motDePasse: string) => envoyerJson<ConnexionReponse>('POST', '/api/v1/connexion', { email, mot_de_passe: motDePasse });

export const deconnecter = () => envoyerJson<{ sessions_fermees: number }>('POST', '/api/v1/deconnexion');

export const deconnecterPartout = () => envoyerJson<{ sessions_fermees: number }>('POST', '/api/v1/deconnexion/partout');
