import { type CodeEchecConnexion, MESSAGES_ECHEC_CONNEXION } from './oidc.contract.js';

/**
 * A sign-in through a provider that did not go through. Not an API error: the browser is on a
 * top-level navigation, so the routes answer with a redirect to the sign-in page and this code.
 */
export class EchecConnexionOidc extends Error {
  constructor(
    readonly code: CodeEchecConnexion,
    /** For the audit trail: the account was refused ('refus') or the sign-in failed ('echec'). */
    readonly resultat: 'echec' | 'refus',
    /** What went wrong underneath, for the server's log only. */
    cause?: unknown,
  ) {
    super(MESSAGES_ECHEC_CONNEXION[code], { cause });
    this.name = 'EchecConnexionOidc';
  }
}

export const etatInvalide = () => new EchecConnexionOidc('etat_invalide', 'echec');
export const refusUsager = (cause: unknown) => new EchecConnexionOidc('refus_usager', 'echec', cause);
export const erreurFournisseur = (cause: unknown) => new EchecConnexionOidc('fournisseur_erreur', 'echec', cause);
export const fournisseurIndisponible = (cause?: unknown) => new EchecConnexionOidc('fournisseur_indisponible', 'echec', cause);
export const donneesIncompletes = () => new EchecConnexionOidc('donnees_incompletes', 'echec');
export const compteAgentInconnu = () => new EchecConnexionOidc('compte_agent_inconnu', 'refus');
export const adresseCompteAgent = () => new EchecConnexionOidc('adresse_compte_agent', 'refus');
export const compteSuspendu = () => new EchecConnexionOidc('compte_suspendu', 'refus');
