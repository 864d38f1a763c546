import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerBaseDeTest } from '../../../test/harness/base.js';
import { consignerAudit } from '../../../test/harness/audit.js';
import { type Database, rows } from '../../db/client.js';
import { calculerHash, contenuAudit, type EvenementAudit, HASH_INITIAL, type MaillonAudit, type RaisonInvalidite } from './audit.chaine.js';
import * as repository from './audit.repository.js';
import { listerAccesParPersonne, listerAccesParStructure, recordAudit, verifierChaineAudit } from './index.js';

let database: Database;
beforeAll(async () => {
  database = await creerBaseDeTest();
});
afterAll(async () => {
  await database?.close();
});

const instant = (i: number) => new Date(Date.UTC(2026, 0, 5, 8, 0, 0, 0) + i * 1_537);

// The trail is one chain for the whole database: tests that count or tamper start from an empty one.
// Only the owner with the trigger disabled can do this, which is what the tampering tests need anyway.
async function sansGarde(requete: () => Promise<unknown>): Promise<void> {
  await database.db.execute(sql`ALTER TABLE audit_evenement DISABLE TRIGGER USER`);
  try {
    await requete();
  } finally {
    await database.db.execute(sql`ALTER TABLE audit_evenement ENABLE TRIGGER USER`);
  }
}
const viderJournal = () => sansGarde(() => database.db.execute(sql`TRUNCATE audit_evenement`));

async function messageDErreur(requete: Promise<unknown>): Promise<string> {
  try {
    await requete;
  } catch (error) {
    // Drizzle wraps the engine's error; the trigger's message is the cause's.
    const cause = (error as { cause?: unknown }).cause ?? error;
    return (cause as Error).message;
  }
  throw new Error('la requête devait échouer');
}

const lecture = (i: number): EvenementAudit => ({
  action: 'dossier.lire',
  resultat: 'succes',
  acteurUtilisateurId: randomUUID(),
  acteurStructureId: 'structure-conseil',
  acteurRole: 'conseiller',
  cibleType: 'dossier',
  cibleId: `d-${i}`,
  details: { rang: i },
});

describe('recordAudit', () => {
  it('chaîne chaque événement au précédent, du hash initial au dernier, et la chaîne se vérifie', async () => {
    await viderJournal();
    expect(await verifierChaineAudit(database.db)).toEqual({ valide: true, total: 0, dernier: null });

    await consignerAudit(database.db, { action: 'identite.connexion', resultat: 'refus', ip: '198.51.100.4', raison: 'mot_de_passe' }, instant(0));
    await database.db.transaction((tx) => recordAudit(tx, lecture(1), instant(1)));
    await consignerAudit(database.db, { ...lecture(2), details: { champs: ['nom', 'téléphone'], profondeur: { a: [1.5, null, true] } } }, instant(2));

    const stockes = await rows<{ id: number; hash_precedent: string; hash: string }>(
      database.db,
      sql`SELECT id, hash_precedent, hash FROM audit_evenement ORDER BY id`,
    );
    expect(stockes.map((e) => Number(e.id))).toEqual([1, 2, 3]);
    expect(stockes.map((e) => e.hash_precedent)).toEqual([HASH_INITIAL, stockes[0]!.hash, stockes[1]!.hash]);
    expect(await verifierChaineAudit(database.db)).toEqual({ valide: true, total: 3, dernier: { id: 3, hash: stockes[2]!.hash } });
  });

  it('n’accepte qu’une transaction : la base seule est une erreur de type, et refusée à l’exécution si on force le type', async () => {
    const evenement = lecture(1);
    // @ts-expect-error a plain Db is not a Transaction: an event written beside its data could outlive their rollback
    const horsTransaction = recordAudit(database.db, evenement, instant(1));
    await expect(horsTransaction).rejects.toThrow('Audit « dossier.lire » écrit hors d’une transaction : il ne suivrait pas ses données.');
  });

  it('n’écrit rien si la transaction auditée est annulée, et l’événement suivant prend le même numéro', async () => {
    await viderJournal();
    await consignerAudit(database.db, lecture(1), instant(1));

    const annulee = database.db.transaction(async (tx) => {
      await recordAudit(tx, lecture(2), instant(2));
      throw new Error('écriture métier refusée');
    });
    await expect(annulee).rejects.toThrow('écriture métier refusée');
    const suivant = await consignerAudit(database.db, lecture(3), instant(3));

    expect(suivant.id).toBe(2);
    expect(await verifierChaineAudit(database.db)).toEqual({ valide: true, total: 2, dernier: suivant });
  });

  it('garde une chaîne linéaire sous 50 transactions concurrentes', async () => {
    await viderJournal();

    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        // A fifth in a transaction that writes nothing else.
        i % 5 === 0
          ? consignerAudit(database.db, lecture(i), instant(i))
          : database.db.transaction(async (tx) => {
              await tx.execute(sql`SELECT count(*) FROM territoire_region`);
              return recordAudit(tx, lecture(i), instant(i));
            }),
      ),
    );

    expect(await verifierChaineAudit(database.db)).toEqual({ valide: true, total: 50, dernier: { id: 50, hash: expect.any(String) } });
    const cibles = await rows<{ cible_id: string }>(database.db, sql`SELECT cible_id FROM audit_evenement ORDER BY cible_id`);
    expect(cibles.map((c) => c.cible_id)).toEqual(Array.from({ length: 50 }, (_, i) => `d-${i}`).sort());
  });
});

describe('audit_evenement en ajout seul', () => {
  it('refuse UPDATE, DELETE et TRUNCATE, même sans ligne concernée, et garde l’événement intact', async () => {
    await viderJournal();
    const enregistre = await consignerAudit(database.db, lecture(1), instant(1));

    expect(await messageDErreur(database.db.execute(sql`UPDATE audit_evenement SET action = 'dossier.modifier'`))).toBe(
      "Le journal d'audit est en ajout seul : UPDATE refusé sur audit_evenement.",
    );
    expect(await messageDErreur(database.db.execute(sql`DELETE FROM audit_evenement WHERE id = 1`))).toBe(
      "Le journal d'audit est en ajout seul : DELETE refusé sur audit_evenement.",
    );
    expect(await messageDErreur(database.db.execute(sql`DELETE FROM audit_evenement WHERE false`))).toBe(
      "Le journal d'audit est en ajout seul : DELETE refusé sur audit_evenement.",
    );
    expect(await messageDErreur(database.db.execute(sql`TRUNCATE audit_evenement`))).toBe(
      "Le journal d'audit est en ajout seul : TRUNCATE refusé sur audit_evenement.",
    );

    expect(await rows(database.db, sql`SELECT action FROM audit_evenement`)).toEqual([{ action: 'dossier.lire' }]);
    expect(await verifierChaineAudit(database.db)).toEqual({ valide: true, total: 1, dernier: enregistre });
  });
});

describe('verifierChaineAudit', () => {
  // Values the engines keep as they are but JSON or jsonb could rewrite: numbers, nesting, accents.
  const evenementArbitraire: fc.Arbitrary<EvenementAudit> = fc.record({
    action: fc.constantFrom('identite.connexion', 'annuaire.structure.modifier', 'dossier.lire'),
    resultat: fc.constantFrom('succes', 'refus', 'echec'),
    acteurUtilisateurId: fc.option(fc.uuid(), { nil: null }),
    acteurRole: fc.option(fc.string({ unit: 'grapheme', maxLength: 8 }), { nil: undefined }),
    cibleStructureId: fc.option(fc.constantFrom('s-1', 's-2'), { nil: null }),
    raison: fc.option(fc.string({ unit: 'grapheme', maxLength: 8 }), { nil: null }),
    details: fc.dictionary(fc.string({ unit: 'grapheme', maxLength: 5 }), fc.jsonValue({ maxDepth: 2, stringUnit: 'grapheme' }), { maxKeys: 3 }),
  });

  // Edits in place, each of which changes what the event says or how it is sealed.
  const modifications = [
    sql`action = action || '!'`,
    sql`acteur_role = coalesce(acteur_role, '') || 'x'`,
    sql`resultat = CASE resultat WHEN 'succes' THEN 'refus' ELSE 'succes' END`,
    sql`horodatage = horodatage + interval '1 microsecond'`,
    sql`details = details || '{"§falsifié": true}'`,
    sql`cible_utilisateur_id = gen_random_uuid()`,
    sql`ip = coalesce(ip, '') || '1'`,
    sql`hash = repeat('f', 64)`,
    sql`hash_precedent = repeat('e', 64)`,
  ];

  async function maillon(id: number): Promise<MaillonAudit> {
    const [trouve] = await repository.readChain(database.db, id - 1, 1);
    return trouve!;
  }

  // Renumbers without breaking the primary key midway: out of the way first, then into place.
  async function decaler(depuis: number): Promise<void> {
    await database.db.execute(sql`UPDATE audit_evenement SET id = id + 1000000 WHERE id >= ${depuis}`);
    await database.db.execute(sql`UPDATE audit_evenement SET id = id - 999999 WHERE id >= 1000000`);
  }

  type Falsification = (n: number) => Promise<{ id: number; raison: RaisonInvalidite }>;

  const falsifications: Record<string, fc.Arbitrary<Falsification>> = {
    modifie: fc.tuple(fc.nat(), fc.nat({ max: modifications.length - 1 })).map(([r, m]) => async (n) => {
      const id = (r % n) + 1;
      await database.db.execute(sql`UPDATE audit_evenement SET ${modifications[m]!} WHERE id = ${id}`);
      return { id, raison: 'modifie' };
    }),
    // Rewritten with a hash that matches its new content: only the next event can tell.
    modifieEtRescelle: fc.nat().map((r) => async (n) => {
      const id = (r % (n - 1)) + 1;
      const { hash_precedent, hash: _ancien, ...contenu } = await maillon(id);
      const falsifie = { ...contenu, action: 'dossier.supprimer' };
      await database.db.execute(sql`UPDATE audit_evenement SET action = ${falsifie.action}, hash = ${calculerHash(hash_precedent, falsifie)} WHERE id = ${id}`);
      return { id, raison: 'modifie' };
    }),
    // The last event's deletion leaves nothing behind to tell: only earlier ones are chosen.
    supprime: fc.tuple(fc.nat(), fc.nat()).map(([r, c]) => async (n) => {
      const id = (r % (n - 1)) + 1;
      const nombre = (c % (n - id)) + 1;
      await database.db.execute(sql`DELETE FROM audit_evenement WHERE id >= ${id} AND id < ${id + nombre}`);
      return { id, raison: 'supprime' };
    }),
    // A forger who knows the scheme: the new event is well sealed and follows its predecessor.
    insere: fc.nat().map((r) => async (n) => {
      const id = (r % n) + 1;
      const precedent = id === 1 ? HASH_INITIAL : (await maillon(id - 1)).hash;
      await decaler(id);
      const faux = contenuAudit(id, instant(id), { action: 'dossier.lire', resultat: 'succes', cibleId: 'd-falsifie' });
      await repository.insertEvenement(database.db, faux, precedent, calculerHash(precedent, faux));
      return { id, raison: 'insere' };
    }),
    reordonne: fc.tuple(fc.nat(), fc.nat()).map(([r, s]) => async (n) => {
      const a = (r % (n - 1)) + 1;
      const b = a + 1 + (s % (n - a));
      await database.db.execute(sql`UPDATE audit_evenement SET id = 1000000 WHERE id = ${a}`);
      await database.db.execute(sql`UPDATE audit_evenement SET id = ${a} WHERE id = ${b}`);
      await database.db.execute(sql`UPDATE audit_evenement SET id = ${b} WHERE id = 1000000`);
      return { id: a, raison: 'reordonne' };
    }),
  };

  it('nomme le premier événement falsifié et ce qui a été fait, sur une chaîne lue par tranches', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(evenementArbitraire, { minLength: 3, maxLength: 7 }),
        fc.oneof(...Object.values(falsifications)),
        fc.integer({ min: 1, max: 4 }),
        async (evenements, falsifier, tranche) => {
          await viderJournal();
          for (const [i, evenement] of evenements.entries()) await consignerAudit(database.db, evenement, instant(i));
          expect(await verifierChaineAudit(database.db, { tranche })).toMatchObject({
            valide: true,
            total: evenements.length,
            dernier: { id: evenements.length },
          });

          let attendu: { id: number; raison: RaisonInvalidite } | undefined;
          await sansGarde(async () => {
            attendu = await falsifier(evenements.length);
          });
          const total = Number((await rows<{ n: number }>(database.db, sql`SELECT count(*) AS n FROM audit_evenement`))[0]!.n);

          expect(await verifierChaineAudit(database.db, { tranche })).toEqual({
            valide: false,
            total,
            premierEvenementInvalide: attendu!.id,
            raison: attendu!.raison,
          });
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('listes des accès', () => {
  it('liste les accès aux enregistrements d’une structure, du plus récent au plus ancien, sans hash, par page', async () => {
    const structure = `s-${randomUUID()}`;
    const personne = randomUUID();
    const acteur = randomUUID();
    await consignerAudit(database.db, { ...lecture(1), acteurUtilisateurId: acteur, cibleStructureId: structure, cibleUtilisateurId: personne }, instant(1));
    await consignerAudit(database.db, { ...lecture(2), cibleStructureId: 'une-autre-structure' }, instant(2));
    await consignerAudit(
      database.db,
      {
        action: 'dossier.lire',
        resultat: 'refus',
        acteurUtilisateurId: acteur,
        acteurRole: 'conseiller',
        cibleType: 'dossier',
        cibleId: 'd-3',
        cibleStructureId: structure,
        raison: 'sans_consentement',
        ip: '192.0.2.1',
      },
      instant(3),
    );
    await consignerAudit(database.db, { ...lecture(4), cibleStructureId: structure }, instant(4));

    const premiere = await listerAccesParStructure(database.db, structure, { page: 1, parPage: 2 });
    const seconde = await listerAccesParStructure(database.db, structure, { page: 2, parPage: 2 });
    const auDela = await listerAccesParStructure(database.db, structure, { page: 3, parPage: 2 });

    expect(premiere.pagination).toEqual({ page: 1, par_page: 2, total: 3, pages: 2 });
    expect(premiere.evenements.map((e) => e.cible_id)).toEqual(['d-4', 'd-3']);
    expect(premiere.evenements[1]).toEqual({
      id: expect.any(Number),
      horodatage: instant(3).toISOString(),
      acteur_utilisateur_id: acteur,
      acteur_structure_id: null,
      acteur_role: 'conseiller',
      action: 'dossier.lire',
      cible_type: 'dossier',
      cible_id: 'd-3',
      cible_structure_id: structure,
      cible_utilisateur_id: null,
      resultat: 'refus',
      raison: 'sans_consentement',
    });
    expect(seconde.evenements.map((e) => e.cible_id)).toEqual(['d-1']);
    expect(auDela).toEqual({ evenements: [], pagination: { page: 3, par_page: 2, total: 3, pages: 2 } });
  });

  it('liste les accès aux données d’une personne, et seulement les siens', async () => {
    await viderJournal();
    const personne = randomUUID();
    await consignerAudit(database.db, { ...lecture(1), cibleUtilisateurId: personne.toUpperCase() }, instant(1));
    await consignerAudit(database.db, { ...lecture(2), cibleUtilisateurId: randomUUID() }, instant(2));
    await consignerAudit(database.db, { ...lecture(3), cibleUtilisateurId: personne }, instant(3));

    const liste = await listerAccesParPersonne(database.db, personne, { page: 1, parPage: 20 });

    expect(liste.pagination).toEqual({ page: 1, par_page: 20, total: 2, pages: 1 });
    expect(liste.evenements.map((e) => [e.cible_id, e.cible_utilisateur_id])).toEqual([
      ['d-3', personne],
      ['d-1', personne],
    ]);
    expect(await verifierChaineAudit(database.db)).toMatchObject({ valide: true, total: 3 });
  });
});
