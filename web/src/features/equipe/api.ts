import type { z } from 'zod';
import type {
  AcceptationCorps,
  AcceptationReponse,
  EquipeReponse,
  InvitationCorps,
  InvitationPublique,
  RoleEquipeContrat,
  invitationEnvoyeeReponse,
} from '../../../../src/modules/identite/equipe/equipe.contract.js';
import { envoyerJson, lireJson } from '../../api/client.js';

export type { AgentEquipe, EquipeReponse, InvitationEquipe, InvitationPublique } from '../../../../src/modules/identite/equipe/equipe.contract.js';
export type RoleEquipe = RoleEquipeContrat;
export type InvitationEnvoyee = z.infer<typeof invitationEnvoyeeReponse>;

export const urlEquipe = (structureId: string) => `/structures/${encodeURIComponent(structureId)}/equipe`;
export const urlInvitation = (jeton: string) => `/invitation/${encodeURIComponent(jeton)}`;

const base = (structureId: string) => `/api/v1/structures/${encodeURIComponent(structureId)}/equipe`;
const adhesion = (structureId: string, adhesionId: string) => `${base(structureId)}/adhesions/${encodeURIComponent(adhesionId)}`;
const invitationPublique = (jeton: string) => `/api/v1/invitations/${encodeURIComponent(jeton)}`;

export const lireEquipe = (structureId: string, signal?: AbortSignal) => lireJson<EquipeReponse>(base(structureId), {}, signal);

export const inviter = (structureId: string, corps: InvitationCorps) => envoyerJson<InvitationEnvoyee>('POST', `${base(structureId)}/invitations`, corps);

export const annulerInvitation = (structureId: string, invitationId: string) =>
  envoyerJson<void>('DELETE', `${base(structureId)}/invitations/${encodeURIComponent(invitationId)}`);

export const changerRole = (structureId: string, adhesionId: string, role: RoleEquipe) =>
  envoyerJson<EquipeReponse>('PATCH', adhesion(structureId, adhesionId), { role });

export const suspendre = (structureId: string, adhesionId: string) => envoyerJson<EquipeReponse>('POST', `${adhesion(structureId, adhesionId)}/suspendre`);

export const reactiver = (structureId: string, adhesionId: string) => envoyerJson<EquipeReponse>('POST', `${adhesion(structureId, adhesionId)}/reactiver`);

export const lireInvitation = (jeton: string, signal?: AbortSignal) => lireJson<InvitationPublique>(invitationPublique(jeton), {}, signal);

export const accepterInvitation = (jeton: string, corps: AcceptationCorps) =>
  envoyerJson<AcceptationReponse>('POST', `${invitationPublique(jeton)}/acceptation`, corps);
