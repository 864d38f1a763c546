import type { z } from 'zod';
import type {
  StructureGeree,
  contactCreation,
  contactModification,
  historiqueReponse,
  serviceCreation,
  serviceModification,
  siteCreation,
  siteModification,
  structureModification,
  structuresGereesReponse,
} from '../../../../src/modules/annuaire/gestion/gestion.contract.js';
import type { SignalementCorps, signalementsReponse } from '../../../../src/modules/annuaire/signalement/signalement.contract.js';
import { envoyerJson, lireJson } from '../../api/client.js';

export type { StructureGeree } from '../../../../src/modules/annuaire/gestion/gestion.contract.js';
export type { Signalement } from '../../../../src/modules/annuaire/signalement/signalement.contract.js';
export type StructuresGerees = z.infer<typeof structuresGereesReponse>;
export type Historique = z.infer<typeof historiqueReponse>;
export type Signalements = z.infer<typeof signalementsReponse>;
export type LieuGere = StructureGeree['sites'][number];
export type ServiceGere = StructureGeree['services'][number];
export type ContactGere = StructureGeree['contacts'][number];

// What the forms send: the API's input types, before its own trimming and defaults.
export type SaisieStructure = z.input<typeof structureModification>;
export type SaisieLieu = z.input<typeof siteCreation>;
export type SaisieService = z.input<typeof serviceCreation>;
export type SaisieContact = z.input<typeof contactCreation>;

const base = (id: string) => `/api/v1/gestion/structures/${encodeURIComponent(id)}`;

export const URL_GESTION = '/gestion/structures';
export const urlGestion = (id: string, onglet?: string) => `${URL_GESTION}/${encodeURIComponent(id)}${onglet ? `?onglet=${onglet}` : ''}`;

export const listerStructuresGerees = (parametres: { q?: string; page?: number }, signal?: AbortSignal) =>
  lireJson<StructuresGerees>('/api/v1/gestion/structures', { ...parametres, par_page: 20 }, signal);

export const lireStructureGeree = (id: string, signal?: AbortSignal) => lireJson<StructureGeree>(base(id), {}, signal);

export const modifierStructure = (id: string, saisie: SaisieStructure) => envoyerJson<StructureGeree>('PATCH', base(id), saisie);
export const confirmerStructure = (id: string) => envoyerJson<StructureGeree>('POST', `${base(id)}/confirmation`);

export const lireHistorique = (id: string, page: number, signal?: AbortSignal) => lireJson<Historique>(`${base(id)}/historique`, { page }, signal);

type Objet = 'sites' | 'services' | 'contacts';
interface Saisies {
  sites: { creation: SaisieLieu; modification: z.input<typeof siteModification> };
  services: { creation: SaisieService; modification: z.input<typeof serviceModification> };
  contacts: { creation: SaisieContact; modification: z.input<typeof contactModification> };
}

export const creerObjet = <O extends Objet>(id: string, objet: O, saisie: Saisies[O]['creation']) =>
  envoyerJson<StructureGeree>('POST', `${base(id)}/${objet}`, saisie);
export const modifierObjet = <O extends Objet>(id: string, objet: O, objetId: string, saisie: Saisies[O]['modification']) =>
  envoyerJson<StructureGeree>('PATCH', `${base(id)}/${objet}/${encodeURIComponent(objetId)}`, saisie);
export const supprimerObjet = (id: string, objet: Objet, objetId: string, version: number) =>
  envoyerJson<StructureGeree>('DELETE', `${base(id)}/${objet}/${encodeURIComponent(objetId)}?version=${version}`);

export const listerSignalements = (parametres: { structure_id?: string; statut: 'ouverts' | 'traites' | 'tous'; page?: number }, signal?: AbortSignal) =>
  lireJson<Signalements>('/api/v1/gestion/signalements', { ...parametres, par_page: 20 }, signal);
export const traiterSignalement = (id: string) =>
  envoyerJson<{ id: string; traite_le: string }>('POST', `/api/v1/gestion/signalements/${encodeURIComponent(id)}/traitement`);

export const signalerErreur = (corps: SignalementCorps) => envoyerJson<{ id: string }>('POST', '/api/v1/signalements', corps);
