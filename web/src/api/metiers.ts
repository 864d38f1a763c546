import type { z } from 'zod';
import type {
  CompetenceCochable,
  FicheMetier,
  InteretsCorps,
  InteretsReponse,
  Questionnaire,
  rapprochementCorps,
  RapprochementReponse,
  RechercheReponse,
} from '../../../src/modules/metiers/metiers.contract.js';
import { envoyerJson, lireJson } from './client.js';

export type {
  CompetenceCochable,
  Experience,
  FicheMetier,
  InteretsReponse,
  Questionnaire,
  RapprochementReponse,
  RechercheReponse,
  Suggestion,
  TypeCompetence,
} from '../../../src/modules/metiers/metiers.contract.js';

/** What the page sends: the limit and empty lists may be left to the API's defaults. */
export type DemandeRapprochement = z.input<typeof rapprochementCorps>;

export const chercherMetiers = (criteres: { q: string; page?: number; par_page?: number }, signal?: AbortSignal) =>
  lireJson<RechercheReponse>('/api/v1/metiers', criteres, signal);

export const lireFiche = (code: string, signal?: AbortSignal) => lireJson<FicheMetier>(`/api/v1/metiers/${encodeURIComponent(code)}`, {}, signal);

export const lireCompetences = (code: string, signal?: AbortSignal) =>
  lireJson<{ code: string; libelle: string; competences: CompetenceCochable[] }>(`/api/v1/metiers/${encodeURIComponent(code)}/competences`, {}, signal);

export const rapprocherMetiers = (demande: DemandeRapprochement) => envoyerJson<RapprochementReponse>('POST', '/api/v1/metiers/rapprochement', demande);

export const lireQuestionnaire = (signal?: AbortSignal) => lireJson<Questionnaire>('/api/v1/metiers/interets/questionnaire', {}, signal);

export const noterInterets = (corps: InteretsCorps) => envoyerJson<InteretsReponse>('POST', '/api/v1/metiers/interets', corps);
