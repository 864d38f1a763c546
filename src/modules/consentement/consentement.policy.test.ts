import { describe, expect, it } from 'vitest';
import type { Acteur, AdhesionActeur } from '../identite/index.js';
import { type ConsentementActif, partageAvec, peutRevoquer, porteePermise } from './consentement.policy.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

function agent(...adhesions: Omit<AdhesionActeur, 'id'>[]): Acteur {
  return {
    type: 'agent',
    utilisateurId: '00000000-0000-4000-8000-000000000001',
    session: { empreinte: 'e', methode: 'mot_de_passe', secondFacteur: true },
    adhesions: adhesions.map((a, i) => ({ ...a, id: `adhesion-${i}` })),
  };
}
const conseiller = (structureId: string) => ({ role: 'advisor' as const, structureId, territoireCode: null });
const coordinateur = { role: 'coordinator' as const, structureId: null, territoireCode: '75' };

const consentement = (id: string, destinataire: ConsentementActif['destinataire'], portee: ConsentementActif['portee']): ConsentementActif => ({
  id,
  destinataire,
  portee,
});
const versStructure = (structureId: string) => ({ type: 'structure' as const, structureId });

describe('partageAvec', () => {
  it('donne à la structure nommée l’union des parties de ses consentements', () => {
    const partage = partageAvec(agent(conseiller(B)), [
      consentement('c1', versStructure(B), ['identite']),
      consentement('c2', versStructure(B), ['orientation', 'identite']),
      consentement('c3', versStructure(C), ['situation']),
    ]);
    expect(partage).toEqual({ structureId: B, role: 'advisor', portee: ['identite', 'orientation'], consentementIds: ['c1', 'c2'] });
  });

  it('ne partage rien avec une structure qu’aucun consentement ne nomme', () => {
    expect(partageAvec(agent(conseiller(C)), [consentement('c1', versStructure(B), ['identite'])])).toBeNull();
  });

  it('ne partage rien par un consentement « réseau » tant qu’aucune orientation ne nomme la structure', () => {
    expect(partageAvec(agent(conseiller(B)), [consentement('c1', { type: 'reseau' }, ['identite', 'situation'])])).toBeNull();
  });

  it('ne partage jamais les données sensibles, même si un consentement les nomme', () => {
    expect(partageAvec(agent(conseiller(B)), [consentement('c1', versStructure(B), ['donnees_sensibles'])])).toBeNull();
    expect(partageAvec(agent(conseiller(B)), [consentement('c1', versStructure(B), ['donnees_sensibles', 'identite'])])?.portee).toEqual(['identite']);
  });

  it('ne partage rien avec un coordinateur ni avec une personne', () => {
    const consentements = [consentement('c1', versStructure(B), ['identite'])];
    expect(partageAvec(agent(coordinateur), consentements)).toBeNull();
    expect(
      partageAvec({ type: 'personne', utilisateurId: 'p', session: { empreinte: 'e', methode: 'mot_de_passe', secondFacteur: false } }, consentements),
    ).toBeNull();
  });
});

describe('porteePermise', () => {
  it('réserve les données sensibles à la structure qui détient le dossier', () => {
    expect(porteePermise(['donnees_sensibles'], { type: 'structure', structure_id: A }, A)).toBe(true);
    expect(porteePermise(['donnees_sensibles'], { type: 'structure', structure_id: B }, A)).toBe(false);
    expect(porteePermise(['identite', 'donnees_sensibles'], { type: 'reseau' }, A)).toBe(false);
    expect(porteePermise(['identite', 'situation'], { type: 'reseau' }, A)).toBe(true);
  });
});

describe('peutRevoquer', () => {
  it('laisse un agent de la structure qui a recueilli le consentement le retirer', () => {
    expect(peutRevoquer(agent({ role: 'structure_manager', structureId: A, territoireCode: null }), { recueilliParStructureId: A })).toEqual({
      autorise: true,
      fondement: 'detentrice',
      structureId: A,
      role: 'structure_manager',
    });
  });

  it('refuse tout autre acteur, comme un consentement inexistant', () => {
    expect(peutRevoquer(agent(conseiller(B)), { recueilliParStructureId: A })).toEqual({ autorise: false, raison: 'hors_perimetre' });
    expect(peutRevoquer(agent(coordinateur), { recueilliParStructureId: A })).toEqual({ autorise: false, raison: 'hors_perimetre' });
    expect(peutRevoquer({ type: 'anonyme' }, { recueilliParStructureId: A })).toEqual({ autorise: false, raison: 'hors_perimetre' });
  });
});
