import type { z } from 'zod';
import type {
  comparaisonReponse,
  creationRegles,
  detailReglesSchema,
  essaiReponse,
  listeReglesReponse,
  profilSchema,
  ReponseAiguillage,
} from '../../../../src/modules/aiguillage/aiguillage.contract.js';
import { envoyerJson, lireJson } from '../../api/client.js';

export type {
  Condition,
  ContenuRegles,
  ReponseAiguillage,
  SiteProche,
  Situation,
  TypeOperateur,
  VersionRegles,
} from '../../../../src/modules/aiguillage/aiguillage.contract.js';
export type ProfilSaisi = z.input<typeof profilSchema>;
export type ListeVersions = z.infer<typeof listeReglesReponse>;
export type DetailVersion = z.infer<typeof detailReglesSchema>;
export type Essai = z.infer<typeof essaiReponse>;
export type Comparaison = z.infer<typeof comparaisonReponse>;
export type DepotVersion = z.input<typeof creationRegles>;

export const URL_REGLES = '/coordination/aiguillage';
export const urlVersion = (id: string) => `${URL_REGLES}/versions/${encodeURIComponent(id)}`;
export const urlDepot = (region: string, depuis?: string) => `${URL_REGLES}/nouvelle-version?region=${region}${depuis ? `&depuis=${depuis}` : ''}`;
export const urlComparaison = (region: string, de?: string, a?: string) =>
  `${URL_REGLES}/comparaison?region=${region}${de ? `&de=${de}` : ''}${a ? `&a=${a}` : ''}`;

const base = '/api/v1/aiguillage/regles';

export const aiguiller = (profil: ProfilSaisi) => envoyerJson<ReponseAiguillage>('POST', '/api/v1/aiguillage', profil);
export const listerVersions = (region: string, signal?: AbortSignal) => lireJson<ListeVersions>(base, { region }, signal);
export const lireVersion = (id: string, signal?: AbortSignal) => lireJson<DetailVersion>(`${base}/${encodeURIComponent(id)}`, {}, signal);
export const deposerVersion = (depot: DepotVersion) => envoyerJson<DetailVersion>('POST', base, depot);
export const essayerVersion = (id: string) => envoyerJson<Essai>('POST', `${base}/${encodeURIComponent(id)}/essai`);
export const publierVersion = (id: string) => envoyerJson<DetailVersion>('POST', `${base}/${encodeURIComponent(id)}/publication`);
export const comparerVersions = (de: string, a: string, signal?: AbortSignal) => lireJson<Comparaison>(`${base}/comparaison`, { de, a }, signal);
