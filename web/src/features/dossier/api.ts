import type { z } from 'zod';
import type {
  ChoixSaisie,
  DossierResume,
  DossierVue,
  DossiersReponse,
  modificationDossier,
  ouvertureDossier,
} from '../../../../src/modules/dossier/dossier.contract.js';
import type { ConsentementSaisie, ConsentementVue } from '../../../../src/modules/consentement/consentement.contract.js';
import { envoyerJson, lireJson } from '../../api/client.js';
import type { ProfilSaisi, ReponseAiguillage } from '../aiguillage/api.js';

export type { ChoixSaisie, ConsentementSaisie, ConsentementVue, DossierResume, DossierVue, DossiersReponse };
export type OuvertureSaisie = z.input<typeof ouvertureDossier>;
export type ModificationSaisie = z.input<typeof modificationDossier>;

export const URL_ACCUEIL = '/accueil';
export const URL_DOSSIERS = '/dossiers';
export const urlDossier = (id: string) => `${URL_DOSSIERS}/${encodeURIComponent(id)}`;

const base = '/api/v1/dossiers';

export const aiguillerPourAccueil = (profil: ProfilSaisi) => envoyerJson<ReponseAiguillage>('POST', '/api/v1/accueil/aiguillage', profil);
export const ouvrirDossier = (saisie: OuvertureSaisie) => envoyerJson<DossierVue>('POST', base, saisie);
export const listerDossiers = (page: number, signal?: AbortSignal) => lireJson<DossiersReponse>(base, { page }, signal);
export const lireDossier = (id: string, signal?: AbortSignal) => lireJson<DossierVue>(`${base}/${encodeURIComponent(id)}`, {}, signal);
export const modifierDossier = (id: string, saisie: ModificationSaisie) => envoyerJson<DossierVue>('PATCH', `${base}/${encodeURIComponent(id)}`, saisie);
export const ajouterConsentement = (id: string, saisie: ConsentementSaisie) =>
  envoyerJson<ConsentementVue>('POST', `${base}/${encodeURIComponent(id)}/consentements`, saisie);
export const revoquerConsentement = (id: string, motif: string) =>
  envoyerJson<ConsentementVue>('POST', `/api/v1/consentements/${encodeURIComponent(id)}/revocation`, { motif });

/**
 * The routing answer a file keeps, read with today's routing types: it is stored as it was given
 * (the API does not check it against today's format), the screens show what it holds.
 */
export const reponseDuDossier = (dossier: DossierVue) => (dossier.orientation?.aiguillage ?? null) as ReponseAiguillage | null;
