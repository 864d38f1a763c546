import type { z } from 'zod';
import type {
  activationReponse,
  initialisationReponse,
  PreuveSecondFacteur,
  validationReponse,
} from '../../../../src/modules/identite/second-facteur/second-facteur.contract.js';
import { envoyerJson } from '../../api/client.js';

export type { PreuveSecondFacteur };
export type InitialisationSecondFacteur = z.infer<typeof initialisationReponse>;

/** Second step of the sign-in: the session is replaced by one whose second factor is done. */
export const validerSecondFacteur = (preuve: PreuveSecondFacteur) =>
  envoyerJson<z.infer<typeof validationReponse>>('POST', '/api/v1/connexion/second-facteur', preuve);

/** A new secret and its QR code; replacing an active factor needs a proof of it (`{}` otherwise). */
export const initialiserSecondFacteur = (preuve: PreuveSecondFacteur = {}) =>
  envoyerJson<InitialisationSecondFacteur>('POST', '/api/v1/moi/second-facteur/initialisation', preuve);

/** Activates the secret with a first code; returns the recovery codes, shown this once. */
export const activerSecondFacteur = (code: string) => envoyerJson<z.infer<typeof activationReponse>>('POST', '/api/v1/moi/second-facteur/activation', { code });
