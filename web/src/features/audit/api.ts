import type { AccesStructureReponse, MesAccesReponse } from '../../../../src/modules/audit/audit.contract.js';
import { lireJson } from '../../api/client.js';

export type { AccesStructure, AccesStructureReponse, MesAccesReponse, MonAcces } from '../../../../src/modules/audit/audit.contract.js';

export const lireAccesStructure = (structureId: string, page: number, signal?: AbortSignal) =>
  lireJson<AccesStructureReponse>(`/api/v1/structures/${encodeURIComponent(structureId)}/acces`, { page }, signal);

export const lireMesAcces = (page: number, signal?: AbortSignal) => lireJson<MesAccesReponse>('/api/v1/moi/acces', { page }, signal);

/** The page asked in the address (?page=n), 1 when absent or not a page number. */
export function pageDemandee(recherche: string): number {
  const page = Number(new URLSearchParams(recherche).get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
