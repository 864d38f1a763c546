import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import type { ConsentementActif } from '../consentement/index.js';
import type { Acteur, AdhesionActeur } from '../identite/index.js';
import { aiguillageVisible, dossierScope, peutLireDossier, peutModifierDossier } from './dossier.policy.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';

function agent(...adhesions: Omit<AdhesionActeur, 'id'>[]): Acteur {
  return {
    type: 'agent',
    utilisateurId: '00000000-0000-4000-8000-000000000001',
    session: { empreinte: 'e', methode: 'mot_de_passe', secondFacteur: true },
    adhesions: adhesions.map((a, i) => ({ ...a, id: `adhesion-${i}` })),
  };
}
const dans = (role: 'advisor' | 'structure_manager', structureId: string) => ({ role, structureId, territoireCode: null });
const territoire = (role: 'coordinator' | 'analyst') => ({ role, structureId: null, territoireCode: '75' });
const admin = agent({ role: 'admin', structureId: null, territoireCode: null });
const personne: Acteur = { type: 'personne', utilisateurId: 'p', session: { empreinte: 'e', methode: 'franceconnect', secondFacteur: false } };

const aB = (id: string, portee: ConsentementActif['portee']): ConsentementActif => ({ id, destinataire: { type: 'structure', structureId: B }, portee });
const sensibleA: ConsentementActif = {
  id: 'sensible',
  destinataire: { type: 'structure', structureId: A },
  portee: ['identite', 'situation', 'orientation', 'donnees_sensibles'],
};

describe('peutLireDossier', () => {
  it.each([
    ['un conseiller', dans('advisor', A)],
    ['un responsable', dans('structure_manager', A)],
  ])('laisse %s de la structure détentrice lire l’identité, la situation et l’orientation', (_, adhesion) => {
    expect(peutLireDossier(agent(adhesion), { detentriceId: A, consentements: [aB('c1', ['identite'])] })).toEqual({
      autorise: true,
      fondement: 'detentrice',
      structureId: A,
      role: adhesion.role,
      parties: ['identite', 'situation', 'orientation'],
      consentementIds: [],
    });
  });

  it('ajoute les données sensibles pour la détentrice tant que la personne y consent, en nommant ce consentement', () => {
    const decision = peutLireDossier(agent(dans('advisor', A)), { detentriceId: A, consentements: [sensibleA] });
    expect(decision).toMatchObject({ autorise: true, parties: ['identite', 'situation', 'orientation', 'donnees_sensibles'], consentementIds: ['sensible'] });
  });

  it('laisse un conseiller d’une structure nommée par un consentement lire les seules parties partagées', () => {
    expect(peutLireDossier(agent(dans('advisor', B)), { detentriceId: A, consentements: [aB('c1', ['identite', 'orientation']), sensibleA] })).toEqual({
      autorise: true,
      fondement: 'consentement',
      structureId: B,
      role: 'advisor',
      parties: ['identite', 'orientation'],
      consentementIds: ['c1'],
    });
  });

  it('refuse un conseiller d’une autre structure sans consentement, comme un dossier inexistant', () => {
    expect(peutLireDossier(agent(dans('advisor', B)), { detentriceId: A, consentements: [sensibleA] })).toEqual({ autorise: false, raison: 'hors_perimetre' });
  });

  it.each([
    ['un coordinateur', agent(territoire('coordinator'))],
    ['un analyste', agent(territoire('analyst'))],
    ['un administrateur', admin],
    ['une personne', personne],
    ['un visiteur', { type: 'anonyme' } as Acteur],
  ])('ne montre jamais une personne nommée à %s, même avec des consentements', (_, acteur) => {
    expect(peutLireDossier(acteur, { detentriceId: A, consentements: [aB('c1', ['identite']), sensibleA] })).toEqual({
      autorise: false,
      raison: 'hors_perimetre',
    });
  });
});

describe('peutModifierDossier', () => {
  it('laisse la structure détentrice modifier', () => {
    expect(peutModifierDossier(agent(dans('advisor', A)), { detentriceId: A, consentements: [] })).toMatchObject({ autorise: true, fondement: 'detentrice' });
  });

  it('refuse en lecture seule la structure à qui le dossier est partagé', () => {
    expect(peutModifierDossier(agent(dans('advisor', B)), { detentriceId: A, consentements: [aB('c1', ['identite'])] })).toEqual({
      autorise: false,
      raison: 'lecture_seule',
    });
  });

  it('refuse les autres comme un dossier inexistant', () => {
    expect(peutModifierDossier(agent(dans('advisor', B)), { detentriceId: A, consentements: [] })).toEqual({ autorise: false, raison: 'hors_perimetre' });
  });
});

describe('aiguillageVisible', () => {
  const detentrice = peutLireDossier(agent(dans('advisor', A)), { detentriceId: A, consentements: [] });
  const detentriceSensible = peutLireDossier(agent(dans('advisor', A)), { detentriceId: A, consentements: [sensibleA] });
  const partagee = peutLireDossier(agent(dans('advisor', B)), { detentriceId: A, consentements: [aB('c1', ['orientation'])] });
  if (!detentrice.autorise || !detentriceSensible.autorise || !partagee.autorise) throw new Error('décisions attendues');

  it('montre la réponse complète à la détentrice', () => {
    expect(aiguillageVisible(detentrice, false)).toBe(true);
  });

  it('cache à la détentrice une réponse fondée sur une donnée sensible quand le consentement n’est plus là', () => {
    expect(aiguillageVisible(detentrice, true)).toBe(false);
    expect(aiguillageVisible(detentriceSensible, true)).toBe(true);
  });

  it('ne montre jamais la réponse complète à une structure à qui le dossier est partagé', () => {
    expect(aiguillageVisible(partagee, false)).toBe(false);
  });
});

describe('dossierScope', () => {
  const dialecte = new PgDialect();
  const partages = (ids: readonly string[]) => sql`SELECT partages(${ids.join(',')})`;

  it('ne laisse rien passer pour un acteur sans structure d’accueil', () => {
    for (const acteur of [agent(territoire('coordinator')), agent(territoire('analyst')), admin, personne]) {
      expect(dialecte.sqlToQuery(dossierScope(acteur, partages)).sql).toBe('false');
    }
  });

  it('laisse passer les dossiers détenus par les structures de l’agent et ceux que leurs consentements partagent', () => {
    const requete = dialecte.sqlToQuery(dossierScope(agent(dans('advisor', A), dans('structure_manager', B), territoire('coordinator')), partages));
    expect(requete.sql).toBe('("dossier"."detentrice_id" in ($1, $2) or ("dossier"."region_code", "dossier"."personne_id") IN (SELECT partages($3)))');
    expect(requete.params).toEqual([A, B, `${A},${B}`]);
  });
});
