import type { BassinReponse, MetierBmo, PerspectivesReponse, Source } from '../../../src/modules/marche-travail/marche-travail.contract.js';
import { lireJson } from './client.js';

export type {
  BassinReponse,
  Effectif,
  LigneMetier,
  MetierBmo,
  PerspectivesReponse,
  Source,
} from '../../../src/modules/marche-travail/marche-travail.contract.js';

export const chercherMetiersBmo = (q: string, signal?: AbortSignal) =>
  lireJson<{ metiers: MetierBmo[]; source: Source }>('/api/v1/marche-travail/metiers-bmo', { q }, signal);

export const lirePerspectives = (criteres: { commune: string; metier_bmo?: string; rome?: string }, signal?: AbortSignal) =>
  lireJson<PerspectivesReponse>('/api/v1/marche-travail/perspectives', criteres, signal);

export const lireBassin = (code: string, signal?: AbortSignal) =>
  lireJson<BassinReponse>(`/api/v1/marche-travail/bassins/${encodeURIComponent(code)}`, {}, signal);
