import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ContenuAudit, calculerHash, contenuAudit, type EvenementAudit, formeCanonique, HASH_INITIAL } from './audit.chaine.js';

const horodatage = new Date('2026-03-14T09:26:53.589Z');
const evenement: EvenementAudit = {
  action: 'dossier.lire',
  resultat: 'succes',
  acteurUtilisateurId: '6F1C2A3B-0D4E-4F5A-8B6C-7D8E9F0A1B2C',
  acteurStructureId: 'structure-cio-bordeaux',
  acteurRole: 'conseiller',
  cibleType: 'dossier',
  cibleId: 'd-42',
  cibleStructureId: 'structure-ml-pau',
  cibleUtilisateurId: '0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d',
  ip: '203.0.113.7',
  raison: 'consentement',
  details: { fondement: 'consentement', consentementId: 'c-7', champs: ['nom', 'téléphone'] },
};

describe('forme canonique et hash d’un événement d’audit', () => {
  it('écrit le contenu selon RFC 8785 : clés triées, sans espace, champs absents à null, uuid en minuscules', () => {
    const contenu = contenuAudit(7, horodatage, {
      action: 'identite.connexion',
      resultat: 'refus',
      acteurUtilisateurId: 'AAAAAAAA-BBBB-4CCC-8DDD-EEEEEEEEEEEE',
      details: { b: 1, a: 'é' },
    });

    expect(formeCanonique(contenu)).toBe(
      '{"acteur_role":null,"acteur_structure_id":null,"acteur_utilisateur_id":"aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee","action":"identite.connexion",' +
        '"cible_id":null,"cible_structure_id":null,"cible_type":null,"cible_utilisateur_id":null,"details":{"a":"é","b":1},' +
        '"horodatage":"2026-03-14T09:26:53.589Z","id":7,"ip":null,"raison":null,"resultat":"refus"}',
    );
  });

  it('donne le même hash au même événement, quel que soit l’ordre des clés de details', () => {
    const inverse = { ...evenement, details: { champs: ['nom', 'téléphone'], consentementId: 'c-7', fondement: 'consentement' } };

    const hash = calculerHash(HASH_INITIAL, contenuAudit(1, horodatage, evenement));

    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(calculerHash(HASH_INITIAL, contenuAudit(1, horodatage, inverse))).toBe(hash);
    // Pinned (sha256 of 64 zeros + the JCS text, computed apart): a change of the canonical form
    // would make every stored chain fail verification.
    expect(hash).toBe('008805e80865ec6dd9b4848874b898217140e3c5dca04499bbaa53ac8cc5f77c');
  });

  it('garde dans details ce que jsonb rend : sans undefined, les dates en texte', () => {
    const contenu = contenuAudit(1, horodatage, { ...evenement, details: { absent: undefined, le: new Date('2026-01-02T03:04:05.000Z') } });

    expect(contenu.details).toEqual({ le: '2026-01-02T03:04:05.000Z' });
  });

  it('refuse un identifiant de personne qui n’est pas un uuid, et un horodatage invalide', () => {
    expect(() => contenuAudit(1, horodatage, { ...evenement, cibleUtilisateurId: 'u-42' })).toThrow(
      'Audit : cibleUtilisateurId doit être un uuid (reçu « u-42 »).',
    );
    expect(() => contenuAudit(1, new Date('pas une date'), evenement)).toThrow('Audit : horodatage invalide.');
  });

  const texteOuNull = fc.option(fc.string({ maxLength: 12 }), { nil: null });
  const contenuArbitraire: fc.Arbitrary<ContenuAudit> = fc.record({
    id: fc.integer({ min: 1, max: 2 ** 40 }),
    horodatage: fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
    acteur_utilisateur_id: fc.option(fc.uuid(), { nil: null }),
    acteur_structure_id: texteOuNull,
    acteur_role: texteOuNull,
    action: fc.string({ maxLength: 12 }),
    cible_type: texteOuNull,
    cible_id: texteOuNull,
    cible_structure_id: texteOuNull,
    cible_utilisateur_id: fc.option(fc.uuid(), { nil: null }),
    resultat: fc.constantFrom('succes', 'refus', 'echec'),
    ip: texteOuNull,
    raison: texteOuNull,
    details: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 })).map((d) => JSON.parse(JSON.stringify(d)) as unknown),
  });
  const champs = Object.keys(contenuAudit(1, horodatage, evenement)) as (keyof ContenuAudit)[];

  it('change de hash quand un seul champ change, ou quand le hash précédent change', () => {
    fc.assert(
      fc.property(
        contenuArbitraire,
        contenuArbitraire,
        fc.constantFrom(...champs),
        fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
        (contenu, autre, champ, autrePrecedent) => {
          fc.pre(JSON.stringify(contenu[champ]) !== JSON.stringify(autre[champ]));
          const hash = calculerHash(HASH_INITIAL, contenu);

          expect(calculerHash(HASH_INITIAL, { ...contenu, [champ]: autre[champ] })).not.toBe(hash);
          if (autrePrecedent !== HASH_INITIAL) expect(calculerHash(autrePrecedent, contenu)).not.toBe(hash);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('ne dépend que du contenu : recalculé, il est identique', () => {
    fc.assert(
      fc.property(contenuArbitraire, (contenu) => {
        const copie = JSON.parse(JSON.stringify(contenu)) as ContenuAudit;
        expect(calculerHash(HASH_INITIAL, copie)).toBe(calculerHash(HASH_INITIAL, contenu));
      }),
    );
  });
});
