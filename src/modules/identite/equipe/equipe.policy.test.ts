import { describe, expect, it } from 'vitest';
import { ACTEUR_ANONYME, type Acteur, type AdhesionActeur, asSystem } from '../../../shared/acteur.js';
import {
  type FaitsAdhesion,
  type FaitsStructure,
  actionsSurAdhesion,
  droitSurEquipe,
  peutAccepterInvitation,
  peutChangerRole,
  peutGererEquipe,
  peutReactiver,
  peutSuspendre,
} from './equipe.policy.js';

const STRUCTURE = '11111111-1111-4111-8111-111111111111';
const AUTRE_STRUCTURE = '22222222-2222-4222-8222-222222222222';
const MOI = '33333333-3333-4333-8333-333333333333';
const COLLEGUE = '44444444-4444-4444-8444-444444444444';
const NOUVELLE_AQUITAINE = '75';
const BRETAGNE = '53';

let n = 0;
function agent(...adhesions: Omit<AdhesionActeur, 'id'>[]): Acteur {
  return {
    type: 'agent',
    utilisateurId: MOI,
    session: { empreinte: 'e', methode: 'mot_de_passe', secondFacteur: true },
    adhesions: adhesions.map((a) => ({ ...a, id: `a${++n}` })),
  };
}
const role = (r: AdhesionActeur['role'], ou: { structureId?: string; territoireCode?: string } = {}) => ({
  role: r,
  structureId: ou.structureId ?? null,
  territoireCode: ou.territoireCode ?? null,
});

const structure: FaitsStructure = { id: STRUCTURE, regionCode: NOUVELLE_AQUITAINE };
const sansRegion: FaitsStructure = { id: STRUCTURE, regionCode: null };

const responsable = agent(role('structure_manager', { structureId: STRUCTURE }));
const administrateur = agent(role('admin'));
const personne: Acteur = { type: 'personne', utilisateurId: MOI, session: { empreinte: 'e', methode: 'mot_de_passe', secondFacteur: false } };

describe('droitSurEquipe : rôle × situation', () => {
  it.each<[string, Acteur, FaitsStructure, 'gestion' | 'lecture' | null]>([
    ['responsable de la structure', responsable, structure, 'gestion'],
    ['responsable d’une autre structure', agent(role('structure_manager', { structureId: AUTRE_STRUCTURE })), structure, null],
    ['administrateur', administrateur, structure, 'gestion'],
    ['conseiller de la structure', agent(role('advisor', { structureId: STRUCTURE })), structure, 'lecture'],
    ['conseiller d’une autre structure', agent(role('advisor', { structureId: AUTRE_STRUCTURE })), structure, null],
    ['coordinateur de la région de la structure', agent(role('coordinator', { territoireCode: NOUVELLE_AQUITAINE })), structure, 'lecture'],
    ['coordinateur d’une autre région', agent(role('coordinator', { territoireCode: BRETAGNE })), structure, null],
    ['coordinateur, structure sans région connue', agent(role('coordinator', { territoireCode: NOUVELLE_AQUITAINE })), sansRegion, null],
    ['analyste de la région', agent(role('analyst', { territoireCode: NOUVELLE_AQUITAINE })), structure, null],
    [
      'conseiller ici et responsable ailleurs',
      agent(role('advisor', { structureId: STRUCTURE }), role('structure_manager', { structureId: AUTRE_STRUCTURE })),
      structure,
      'lecture',
    ],
    [
      'conseiller et responsable de la même structure',
      agent(role('advisor', { structureId: STRUCTURE }), role('structure_manager', { structureId: STRUCTURE })),
      structure,
      'gestion',
    ],
    ['personne accompagnée', personne, structure, null],
    ['visiteur anonyme', ACTEUR_ANONYME, structure, null],
    ['la plateforme', asSystem('essai'), structure, null],
  ])('%s', (_cas, acteur, faits, niveau) => {
    expect(droitSurEquipe(acteur, faits)?.niveau ?? null).toBe(niveau);
  });

  it('donne le rôle et la structure au nom desquels l’agent agit, pour le journal', () => {
    expect(droitSurEquipe(responsable, structure)).toEqual({ niveau: 'gestion', role: 'structure_manager', structureId: STRUCTURE });
    expect(droitSurEquipe(administrateur, structure)).toEqual({ niveau: 'gestion', role: 'admin', structureId: null });
    expect(droitSurEquipe(agent(role('coordinator', { territoireCode: NOUVELLE_AQUITAINE })), structure)).toEqual({
      niveau: 'lecture',
      role: 'coordinator',
      structureId: null,
    });
  });
});

describe('peutGererEquipe (inviter, annuler une invitation)', () => {
  it.each<[string, Acteur, string]>([
    ['responsable de la structure', responsable, 'autorise'],
    ['administrateur', administrateur, 'autorise'],
    ['conseiller de la structure', agent(role('advisor', { structureId: STRUCTURE })), 'lecture_seule'],
    ['coordinateur de la région', agent(role('coordinator', { territoireCode: NOUVELLE_AQUITAINE })), 'lecture_seule'],
    ['responsable d’une autre structure', agent(role('structure_manager', { structureId: AUTRE_STRUCTURE })), 'hors_perimetre'],
    ['visiteur anonyme', ACTEUR_ANONYME, 'hors_perimetre'],
  ])('%s', (_cas, acteur, attendu) => {
    const decision = peutGererEquipe(acteur, structure);
    expect(decision.autorise ? 'autorise' : decision.raison).toBe(attendu);
  });
});

const conseillerActif: FaitsAdhesion = { utilisateurId: COLLEGUE, role: 'advisor', statut: 'active' };
const responsableActif: FaitsAdhesion = { utilisateurId: COLLEGUE, role: 'structure_manager', statut: 'active' };
const responsableSuspendu: FaitsAdhesion = { utilisateurId: COLLEGUE, role: 'structure_manager', statut: 'suspendue' };
const moiResponsable: FaitsAdhesion = { utilisateurId: MOI, role: 'structure_manager', statut: 'active' };

describe('peutSuspendre : cible × nombre de responsables actifs', () => {
  it.each<[string, Acteur, FaitsAdhesion, number, string]>([
    ['un conseiller, par le responsable', responsable, conseillerActif, 1, 'autorise'],
    ['un autre responsable, quand il en reste un', responsable, responsableActif, 2, 'autorise'],
    ['le dernier responsable actif, par l’administrateur', administrateur, responsableActif, 1, 'dernier_responsable'],
    ['soi-même, même avec d’autres responsables', responsable, moiResponsable, 3, 'suspension_de_soi'],
    ['un conseiller, par un conseiller de la structure', agent(role('advisor', { structureId: STRUCTURE })), conseillerActif, 1, 'lecture_seule'],
    [
      'un conseiller, par le responsable d’une autre structure',
      agent(role('structure_manager', { structureId: AUTRE_STRUCTURE })),
      conseillerActif,
      1,
      'hors_perimetre',
    ],
    ['un conseiller, par l’administrateur', administrateur, conseillerActif, 0, 'autorise'],
  ])('%s', (_cas, acteur, cible, responsables, attendu) => {
    const decision = peutSuspendre(acteur, structure, cible, responsables);
    expect(decision.autorise ? 'autorise' : decision.raison).toBe(attendu);
  });
});

describe('peutChangerRole : cible × nouveau rôle × nombre de responsables actifs', () => {
  it.each<[string, Acteur, FaitsAdhesion, 'advisor' | 'structure_manager', number, string]>([
    ['conseiller → responsable', responsable, conseillerActif, 'structure_manager', 1, 'autorise'],
    ['responsable → conseiller, quand il en reste un autre', responsable, responsableActif, 'advisor', 2, 'autorise'],
    ['dernier responsable actif → conseiller', administrateur, responsableActif, 'advisor', 1, 'dernier_responsable'],
    ['soi-même → conseiller, dernier responsable', responsable, moiResponsable, 'advisor', 1, 'dernier_responsable'],
    ['soi-même → conseiller, avec un autre responsable', responsable, moiResponsable, 'advisor', 2, 'autorise'],
    // A suspended manager is not one of the active ones: demoting them removes nobody.
    ['responsable suspendu → conseiller', responsable, responsableSuspendu, 'advisor', 1, 'autorise'],
    [
      'par un coordinateur de la région',
      agent(role('coordinator', { territoireCode: NOUVELLE_AQUITAINE })),
      conseillerActif,
      'structure_manager',
      1,
      'lecture_seule',
    ],
  ])('%s', (_cas, acteur, cible, nouveauRole, responsables, attendu) => {
    const decision = peutChangerRole(acteur, structure, cible, nouveauRole, responsables);
    expect(decision.autorise ? 'autorise' : decision.raison).toBe(attendu);
  });
});

describe('peutReactiver', () => {
  it('est réservé à ceux qui gèrent l’équipe', () => {
    expect(peutReactiver(responsable, structure).autorise).toBe(true);
    expect(peutReactiver(agent(role('advisor', { structureId: STRUCTURE })), structure)).toEqual({ autorise: false, raison: 'lecture_seule' });
  });
});

describe('actionsSurAdhesion : ce que la page d’équipe propose', () => {
  it('propose au responsable de suspendre un conseiller actif, pas de le réactiver', () => {
    expect(actionsSurAdhesion(responsable, structure, conseillerActif, 1)).toEqual({ changer_role: true, suspendre: true, reactiver: false });
  });

  it('ne propose ni de se suspendre ni de quitter son rôle quand on est le dernier responsable', () => {
    expect(actionsSurAdhesion(responsable, structure, moiResponsable, 1)).toEqual({ changer_role: false, suspendre: false, reactiver: false });
  });

  it('propose de réactiver une adhésion suspendue', () => {
    expect(actionsSurAdhesion(responsable, structure, responsableSuspendu, 1)).toEqual({ changer_role: true, suspendre: false, reactiver: true });
  });

  it('ne propose rien à qui lit seulement l’équipe', () => {
    const conseiller = agent(role('advisor', { structureId: STRUCTURE }));
    expect(actionsSurAdhesion(conseiller, structure, conseillerActif, 1)).toEqual({ changer_role: false, suspendre: false, reactiver: false });
  });
});

describe('acceptation d’une invitation', () => {
  const maintenant = new Date('2026-03-10T12:00:00Z');
  const enAttente = { accepteeLe: null, annuleeLe: null, expireLe: new Date('2026-03-10T12:00:01Z') };

  it('autorise un lien ni utilisé, ni annulé, ni expiré, fondé sur l’invitation elle-même', () => {
    expect(peutAccepterInvitation(enAttente, maintenant)).toEqual({ autorise: true, fondement: 'invitation' });
  });

  it('refuse un lien déjà utilisé, annulé, ou arrivé à son échéance, chacun avec sa raison', () => {
    expect(peutAccepterInvitation({ ...enAttente, accepteeLe: maintenant }, maintenant)).toEqual({ autorise: false, raison: 'deja_acceptee' });
    expect(peutAccepterInvitation({ ...enAttente, annuleeLe: maintenant }, maintenant)).toEqual({ autorise: false, raison: 'annulee' });
    expect(peutAccepterInvitation({ ...enAttente, expireLe: maintenant }, maintenant)).toEqual({ autorise: false, raison: 'expiree' });
  });
});
