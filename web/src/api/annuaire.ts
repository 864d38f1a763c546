import { lireJson } from './client.js';
import type { CommunesReponse, Contours, Marque, Referentiels, RegionsReponse, ServiceDetail, ServicesReponse, StructureDetail } from './types.js';

export interface CriteresRecherche {
  q?: string;
  commune?: string;
  rayon_km?: number;
  thematiques?: string[];
  publics?: string[];
  reseaux?: string[];
  tri?: 'pertinence' | 'distance';
  page?: number;
  par_page?: number;
}

export const rechercherServices = (c: CriteresRecherche, signal?: AbortSignal) => lireJson<ServicesReponse>('/api/v1/services', { ...c }, signal);

export const lireService = (id: string, signal?: AbortSignal) => lireJson<ServiceDetail>(`/api/v1/services/${encodeURIComponent(id)}`, {}, signal);

export const lireStructure = (id: string, signal?: AbortSignal) => lireJson<StructureDetail>(`/api/v1/structures/${encodeURIComponent(id)}`, {}, signal);

export const chercherCommunes = (q: string, signal?: AbortSignal) => lireJson<CommunesReponse>('/api/v1/communes', { q, limite: 8 }, signal);

export const lireContours = (parametres: { niveau: 'region' | 'departement'; region?: string }, signal?: AbortSignal) =>
  lireJson<Contours>('/api/v1/contours', parametres, signal);

export const lireMarque = (signal?: AbortSignal) => lireJson<Marque>('/api/v1/marque', {}, signal);

/** Vocabularies and regions change at most once per deployment: read once per page load. */
let referentiels: Promise<Referentiels> | null = null;
export function lireReferentiels(): Promise<Referentiels> {
  referentiels ??= lireJson<Referentiels>('/api/v1/referentiels').catch((e: unknown) => {
    referentiels = null;
    throw e;
  });
  return referentiels;
}

let regions: Promise<RegionsReponse> | null = null;
export function lireRegions(): Promise<RegionsReponse> {
  regions ??= lireJson<RegionsReponse>('/api/v1/regions').catch((e: unknown) => {
    regions = null;
    throw e;
  });
  return regions;
}
