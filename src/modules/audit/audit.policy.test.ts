import { describe, expect, it } from 'vitest';
import type { Acteur, AdhesionActeur } from '../identite/index.js';
import { peutLireAccesStructure, personneDesAcces } from './audit.policy.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const session = { empreinte: 'e', methode: 'mot_de_passe', secondFacteur: true };
const agent = (...adhesions: Omit<AdhesionActeur, 'id'>[]): Acteur => ({
  type: 'agent',
  utilisateurId: '00000000-0000-4000-8000-000000000001',
  session,
  adhesions: adhesions.map((a, i) => ({ id: `adhesion-${i}`, ...a })),
});
const personne: Acteur = { type: 'personne', utilisateurId: '00000000-0000-4000-8000-000000000002', session };

describe('peutLireAccesStructure', () => {
  it('autorise le responsable de la structure, au titre de cette structure', () => {
    expect(peutLireAccesStructure(agent({ role: 'structure_manager', structureId: A, territoireCode: null }), A)).toEqual({
      autorise: true,
      fondement: 'responsable',
      role: 'structure_manager',
      structureId: A,
    });
  });

  it('refuse le responsable d’une autre structure', () => {
    expect(peutLireAccesStructure(agent({ role: 'structure_manager', structureId: B, territoireCode: null }), A)).toEqual({
      autorise: false,
      raison: 'hors_perimetre',
    });
  });

  it('refuse le conseiller de la structure même, le coordinateur de sa région et l’analyste', () => {
    for (const acteur of [
      agent({ role: 'advisor', structureId: A, territoireCode: null }),
      agent({ role: 'coordinator', structureId: null, territoireCode: '75' }),
      agent({ role: 'analyst', structureId: null, territoireCode: '75' }),
      personne,
      { type: 'anonyme' } as const,
    ]) {
      expect(peutLireAccesStructure(acteur, A)).toEqual({ autorise: false, raison: 'hors_perimetre' });
    }
  });

  it('autorise l’administrateur, sans structure', () => {
    expect(peutLireAccesStructure(agent({ role: 'admin', structureId: null, territoireCode: null }), A)).toEqual({
      autorise: true,
      fondement: 'administration',
      role: 'admin',
      structureId: null,
    });
  });
});

describe('personneDesAcces', () => {
  it('ne donne à une personne que ses propres accès, et rien à un agent', () => {
    expect(personneDesAcces(personne)).toBe('00000000-0000-4000-8000-000000000002');
    expect(personneDesAcces(agent({ role: 'admin', structureId: null, territoireCode: null }))).toBeNull();
    expect(personneDesAcces({ type: 'anonyme' })).toBeNull();
  });
});
