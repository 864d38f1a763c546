import { lireJson } from './client.js';

export type { VoieReponse, VoiesReponse } from '../../../src/modules/voies/voies.contract.js';
import type { VoiesReponse } from '../../../src/modules/voies/voies.contract.js';

export interface CriteresVoies {
  commune?: string;
  rayon_km?: number;
  /** ROME code of the occupation aimed at. */
  metier?: string;
}

export const lireVoies = (c: CriteresVoies, signal?: AbortSignal) => lireJson<VoiesReponse>('/api/v1/voies', { ...c }, signal);
