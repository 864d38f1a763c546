import { describe, expect, it } from 'vitest';
import { type Acteur, type AdhesionActeur, ACTEUR_ANONYME, asSystem } from '../../identite/index.js';
import { type FaitsStructure, peutGererStructure, perimetreGestion } from './gestion.policy.js';

const STRUCTURE = '11111111-1111-4111-8111-111111111111';
const AUTRE_STRUCTURE = '22222222-2222-4222-8222-222222222222';
const NOUVELLE_AQUITAINE = '75';
const BRETAGNE = '53';

let n = 0;
function agent(...adhesions: Omit<AdhesionActeur, 'id'>[]): Acteur {
  return {
    type: 'agent',
    utilisateurId: '33333333-3333-4333-8333-333333333333',
    session: { empreinte: 'e', methode: 'mot_de_passe', secondFacteur: true },
    adhesions: adhesions.map((a) => ({ ...a, id: `a${++n}` })),
  };
}
const role = (r: AdhesionActeur['role'], ou: { structureId?: string; territoireCode?: string } = {}) => ({
  role: r,
  structureId: ou.structureId ?? null,
  territoireCode: ou.territoireCode ?? null,
});

const reelle: FaitsStructure = { id: STRUCTURE, regionCode: NOUVELLE_AQUITAINE };
const sansRegion: FaitsStructure = { id: STRUCTURE, regionCode: null };

describe('peutGererStructure : rôle × situation', () => {
  it.each<[string, Acteur, FaitsStructure, string | null]>([
    ['responsable de la structure', agent(role('structure_manager', { structureId: STRUCTURE })), reelle, 'responsable'],
    ['responsable d’une autre structure', agent(role('structure_manager', { structureId: AUTRE_STRUCTURE })), reelle, null],
    ['conseiller de la structure', agent(role('advisor', { structureId: STRUCTURE })), reelle, null],
    ['coordinateur de la région', agent(role('coordinator', { territoireCode: NOUVELLE_AQUITAINE })), reelle, 'coordination'],
    ['coordinateur d’une autre région', agent(role('coordinator', { territoireCode: BRETAGNE })), reelle, null],
    ['analyste de la région', agent(role('analyst', { territoireCode: NOUVELLE_AQUITAINE })), reelle, null],
    ['coordinateur, structure sans région connue', agent(role('coordinator', { territoireCode: NOUVELLE_AQUITAINE })), sansRegion, null],
    ['responsable, structure sans région connue', agent(role('structure_manager', { structureId: STRUCTURE })), sansRegion, 'responsable'],
    ['administrateur', agent(role('admin')), reelle, 'administration'],
    [
      'conseiller ici et responsable ailleurs',
      agent(role('advisor', { structureId: STRUCTURE }), role('structure_manager', { structureId: AUTRE_STRUCTURE })),
      reelle,
      null,
    ],
    [
      'personne accompagnée',
      { type: 'personne', utilisateurId: 'u', session: { empreinte: 'e', methode: 'mot_de_passe', secondFacteur: false } },
      reelle,
      null,
    ],
    ['visiteur anonyme', ACTEUR_ANONYME, reelle, null],
    ['la plateforme (tâche planifiée)', asSystem('essai'), reelle, 'systeme'],
  ])('%s', (_cas, acteur, faits, fondement) => {
    const decision = peutGererStructure(acteur, faits);
    if (fondement === null) expect(decision).toEqual({ autorise: false, raison: 'hors_perimetre' });
    else expect(decision).toMatchObject({ autorise: true, fondement });
  });

  it('donne le rôle et la structure au nom desquels l’agent agit, pour le journal', () => {
    expect(peutGererStructure(agent(role('structure_manager', { structureId: STRUCTURE })), reelle)).toEqual({
      autorise: true,
      fondement: 'responsable',
      role: 'structure_manager',
      structureId: STRUCTURE,
    });
    expect(peutGererStructure(agent(role('coordinator', { territoireCode: NOUVELLE_AQUITAINE })), reelle)).toEqual({
      autorise: true,
      fondement: 'coordination',
      role: 'coordinator',
      structureId: null,
    });
  });
});

describe('perimetreGestion', () => {
  it('réunit les structures dont l’agent est responsable et les régions qu’il coordonne, sans les autres rôles', () => {
    const acteur = agent(
      role('structure_manager', { structureId: STRUCTURE }),
      role('advisor', { structureId: AUTRE_STRUCTURE }),
      role('coordinator', { territoireCode: BRETAGNE }),
      role('analyst', { territoireCode: NOUVELLE_AQUITAINE }),
    );
    expect(perimetreGestion(acteur)).toEqual({ tout: false, structureIds: [STRUCTURE], regions: [BRETAGNE] });
  });

  it('couvre tout pour un administrateur et rien pour un visiteur', () => {
    expect(perimetreGestion(agent(role('admin')))).toEqual({ tout: true });
    expect(perimetreGestion(ACTEUR_ANONYME)).toEqual({ tout: false, structureIds: [], regions: [] });
  });
});
