import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { creerBaseDeTest } from '../../../test/harness/base.js';
import { type Database, type Transaction, rows } from '../../db/client.js';
import type { ServiceContext } from '../../shared/contexte.js';
import { type Decision, autoriser, refuser } from '../../shared/decision.js';
import { AppError } from '../../shared/erreurs.js';
import { type AccesProtege, accesProtege, echec } from './index.js';

let database: Database;
beforeAll(async () => {
  database = await creerBaseDeTest();
  // The protected data of these tests: a table of the test only.
  await database.db.execute(sql`CREATE TABLE test_acces_donnee (id uuid PRIMARY KEY)`);
});
afterAll(async () => {
  await database?.close();
});

const agent = randomUUID();
const structure = randomUUID();
const ctx = (): ServiceContext => ({
  db: database.db,
  now: () => new Date(Date.UTC(2026, 0, 5, 8)),
  acteur: { type: 'agent', utilisateurId: agent, session: { empreinte: 'e', methode: 'mot_de_passe', secondFacteur: false }, adhesions: [] },
  ip: '198.51.100.7',
  agentUtilisateur: null,
  messagerie: { envoyer: async () => {} },
});

type DecisionDeTest = Decision<{ fondement: 'detentrice'; structureId: string }, 'hors_perimetre'>;
const refusDeTest = () => new AppError('test.introuvable', 404, 'Introuvable.');

/** An access to one row of the test table: allowed when the facts say so, the row written by the work. */
function acces(
  cible: string,
  autorise: boolean,
  suite: Partial<AccesProtege<{ autorise: boolean }, DecisionDeTest, string>> = {},
): AccesProtege<{ autorise: boolean }, DecisionDeTest, string> {
  return {
    charger: async () => ({ autorise }),
    decider: (faits) => (faits.autorise ? autoriser({ fondement: 'detentrice', structureId: structure }) : refuser('hors_perimetre')),
    tracer: (_faits, decision) => ({
      action: 'test.acces',
      acteurStructureId: decision.autorise ? decision.structureId : null,
      cibleType: 'test',
      cibleId: cible,
      cibleStructureId: structure,
    }),
    refus: refusDeTest,
    async agir(tx) {
      await tx.execute(sql`INSERT INTO test_acces_donnee (id) VALUES (${cible})`);
      return cible;
    },
    ...suite,
  };
}

const evenementsDe = (cible: string) =>
  rows<{
    resultat: string;
    raison: string | null;
    acteur_utilisateur_id: string;
    acteur_structure_id: string | null;
    ip: string;
    details: Record<string, unknown>;
  }>(
    database.db,
    sql`SELECT resultat, raison, acteur_utilisateur_id::text, acteur_structure_id::text, ip, details FROM audit_evenement WHERE cible_id = ${cible} ORDER BY id`,
  );
const donneesDe = (cible: string) => rows<{ id: string }>(database.db, sql`SELECT id::text FROM test_acces_donnee WHERE id = ${cible}`);

describe('accesProtege', () => {
  it('un accès autorisé écrit sa donnée et son événement de succès, avec son fondement, dans la même transaction', async () => {
    const cible = randomUUID();
    await expect(accesProtege(ctx(), acces(cible, true, { completer: (r) => ({ details: { rendu: r } }) }))).resolves.toBe(cible);
    expect(await donneesDe(cible)).toHaveLength(1);
    expect(await evenementsDe(cible)).toEqual([
      { resultat: 'succes', raison: 'detentrice', acteur_utilisateur_id: agent, acteur_structure_id: structure, ip: '198.51.100.7', details: { rendu: cible } },
    ]);
  });

  it('un refus est journalisé et validé, puis l’erreur du module est levée après la validation, sans que le travail ne tourne', async () => {
    const cible = randomUUID();
    const agir = vi.fn();
    await expect(accesProtege(ctx(), acces(cible, false, { agir }))).rejects.toMatchObject({ code: 'test.introuvable', statusCode: 404 });
    expect(agir).not.toHaveBeenCalled();
    expect(await evenementsDe(cible)).toEqual([
      { resultat: 'refus', raison: 'hors_perimetre', acteur_utilisateur_id: agent, acteur_structure_id: null, ip: '198.51.100.7', details: {} },
    ]);
  });

  it('un échec après l’écriture de l’événement annule l’événement avec la donnée', async () => {
    const cible = randomUUID();
    const dansLaTransaction: unknown[] = [];
    const lecture = vi.fn(async (_ctx: ServiceContext, tx: Transaction) => {
      // Past the success event, still inside the transaction: the event is there.
      dansLaTransaction.push(...(await rows(tx, sql`SELECT resultat FROM audit_evenement WHERE cible_id = ${cible}`)));
      throw new Error('panne après le journal');
    });
    await expect(accesProtege(ctx(), acces(cible, true, { lecture }))).rejects.toThrow('panne après le journal');
    expect(dansLaTransaction).toEqual([{ resultat: 'succes' }]);
    expect(await donneesDe(cible)).toEqual([]);
    expect(await evenementsDe(cible)).toEqual([]);
  });

  it('une lecture de données personnelles est marquée comme telle, et ce que la vigilance laisse pour après ne tourne qu’une fois validée', async () => {
    const cible = randomUUID();
    const vuApresValidation: unknown[] = [];
    const lecture = async () => async () => {
      vuApresValidation.push(...(await donneesDe(cible)));
      throw new AppError('vigilance.compte_suspendu', 403, 'Suspendu.');
    };
    await expect(accesProtege(ctx(), acces(cible, true, { lecture }))).rejects.toMatchObject({ code: 'vigilance.compte_suspendu' });
    expect(vuApresValidation).toEqual([{ id: cible }]);
    expect(await evenementsDe(cible)).toMatchObject([{ resultat: 'succes', details: { lecture_donnees_personnelles: true } }]);
  });

  it('un accès autorisé qui ne peut se faire est journalisé en échec avec sa raison, validé, puis son erreur levée', async () => {
    const cible = randomUUID();
    const perimee = new AppError('test.version_perimee', 412, 'Périmée.');
    const travail = acces(cible, true);
    await expect(
      accesProtege(ctx(), {
        ...travail,
        agir: async () => echec('version_perimee', perimee, { version_lue: 3 }),
      }),
    ).rejects.toBe(perimee);
    expect(await evenementsDe(cible)).toMatchObject([{ resultat: 'echec', raison: 'version_perimee', details: { version_lue: 3 } }]);
  });
});
