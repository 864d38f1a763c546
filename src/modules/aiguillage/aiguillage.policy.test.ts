import { describe, expect, it } from 'vitest';
import { type Acteur, type AdhesionActeur, ACTEUR_ANONYME, asSystem } from '../identite/index.js';
import { type FaitsRegles, peutGererRegles, peutLireRegles } from './aiguillage.policy.js';

const NOUVELLE_AQUITAINE = '75';
const BRETAGNE = '53';
const STRUCTURE = '11111111-1111-4111-8111-111111111111';

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

const regional: FaitsRegles = { regionCode: NOUVELLE_AQUITAINE };
const national: FaitsRegles = { regionCode: null };

const coordinateur = agent(role('coordinator', { territoireCode: NOUVELLE_AQUITAINE }));
const coordinateurAilleurs = agent(role('coordinator', { territoireCode: BRETAGNE }));
const administrateur = agent(role('admin'));
const analyste = agent(role('analyst', { territoireCode: NOUVELLE_AQUITAINE }));
const responsable = agent(role('structure_manager', { structureId: STRUCTURE }));
const conseiller = agent(role('advisor', { structureId: STRUCTURE }));
const personne: Acteur = { type: 'personne', utilisateurId: 'u', session: { empreinte: 'e', methode: 'mot_de_passe', secondFacteur: false } };

// [case, actor, rule set, basis to write (null: refused), basis to read (null: refused)]
const TABLE: [string, Acteur, FaitsRegles, string | null, string | null][] = [
  ['coordinateur de la région, règles de sa région', coordinateur, regional, 'coordination', 'coordination'],
  ['coordinateur d’une autre région, règles de cette région', coordinateurAilleurs, regional, null, null],
  ['coordinateur, règles nationales', coordinateur, national, null, 'reference_nationale'],
  [
    'coordinateur de deux régions, la seconde',
    agent(role('coordinator', { territoireCode: BRETAGNE }), role('coordinator', { territoireCode: NOUVELLE_AQUITAINE })),
    regional,
    'coordination',
    'coordination',
  ],
  ['administrateur, règles d’une région', administrateur, regional, 'administration', 'administration'],
  ['administrateur, règles nationales', administrateur, national, 'administration', 'administration'],
  ['analyste de la région', analyste, regional, null, null],
  ['analyste, règles nationales', analyste, national, null, null],
  ['responsable de structure', responsable, regional, null, null],
  ['conseiller', conseiller, national, null, null],
  ['personne accompagnée', personne, national, null, null],
  ['visiteur anonyme', ACTEUR_ANONYME, regional, null, null],
  ['la plateforme (chargement des règles nationales)', asSystem('essai'), national, 'systeme', 'systeme'],
];

describe('règles d’aiguillage : qui les gère, qui les lit (rôle × périmètre)', () => {
  it.each(TABLE)('%s', (_cas, acteur, faits, gerer, lire) => {
    const decisionGerer = peutGererRegles(acteur, faits);
    const decisionLire = peutLireRegles(acteur, faits);
    if (gerer === null) expect(decisionGerer).toEqual({ autorise: false, raison: 'hors_perimetre' });
    else expect(decisionGerer).toMatchObject({ autorise: true, fondement: gerer });
    if (lire === null) expect(decisionLire).toEqual({ autorise: false, raison: 'hors_perimetre' });
    else expect(decisionLire).toMatchObject({ autorise: true, fondement: lire });
  });

  it('lire est toujours permis à qui peut gérer', () => {
    for (const [, acteur, faits] of TABLE) {
      if (peutGererRegles(acteur, faits).autorise) expect(peutLireRegles(acteur, faits).autorise).toBe(true);
    }
  });

  it('donne le rôle au titre duquel l’agent agit, pour le journal', () => {
    expect(peutGererRegles(coordinateur, regional)).toEqual({ autorise: true, fondement: 'coordination', role: 'coordinator' });
    expect(peutGererRegles(administrateur, national)).toEqual({ autorise: true, fondement: 'administration', role: 'admin' });
  });
});
