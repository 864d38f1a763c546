import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerBaseDeTest } from '../../../test/harness/base.js';
import { type Database, type Transaction, rows } from '../../db/client.js';
import type { EvenementAPublier } from './evenements.contract.js';
import { lireEvenements, publierEvenement } from './evenements.service.js';

let database: Database;
let structure: { id: string; region: string };

beforeAll(async () => {
  database = await creerBaseDeTest();
  const [ligne] = await rows<{ id: string; region: string }>(
    database.db,
    sql`SELECT id, region_code AS region FROM annuaire_structure WHERE demonstration AND region_code IS NOT NULL ORDER BY source, source_id LIMIT 1`,
  );
  structure = ligne!;
});
afterAll(async () => database?.close());

const SURVENU_LE = new Date('2026-03-10T09:00:00.000Z');

/** A confirmation of the test structure, as the directory publishes it. */
const confirmation = (donnees: Record<string, unknown> = {}): EvenementAPublier => ({
  type: 'annuaire.structure_confirmee',
  regionCode: structure.region,
  agregatId: structure.id,
  structureId: structure.id,
  survenuLe: SURVENU_LE,
  donnees: { reseau_code: 'mission-locale', demonstration: true, fondement: 'responsable', confirmee_precedemment_le: null, ...donnees },
});

/** The change the event describes: the structure's confirmation date, read back to see what committed. */
const confirmer = (tx: Transaction, le: Date) =>
  tx.execute(sql`UPDATE annuaire_structure SET confirme_le = ${le.toISOString()}::timestamptz WHERE id = ${structure.id}::uuid`);

async function confirmeeLe(): Promise<string | null> {
  const [ligne] = await rows<{ le: string | null }>(
    database.db,
    sql`SELECT to_char(confirme_le AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS le FROM annuaire_structure WHERE id = ${structure.id}::uuid`,
  );
  return ligne!.le;
}

async function nombreEvenements(): Promise<number> {
  const [ligne] = await rows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM evenement_domaine`);
  return ligne!.n;
}

const dernierNumero = async () => {
  const [ligne] = await rows<{ n: number }>(database.db, sql`SELECT coalesce(max(numero), 0)::int AS n FROM evenement_domaine`);
  return ligne!.n;
};

describe('publierEvenement', () => {
  it('écrit l’événement dans la transaction du changement : les deux sont validés ensemble', async () => {
    const depuis = await dernierNumero();
    const le = new Date('2026-03-10T09:00:00Z');
    const publie = await database.db.transaction(async (tx) => {
      await confirmer(tx, le);
      return publierEvenement(tx, confirmation());
    });

    expect(await confirmeeLe()).toBe('2026-03-10T09:00:00Z');
    expect(await lireEvenements(database.db, { region: structure.region, depuisNumero: depuis, limite: 10 })).toEqual([
      {
        numero: publie.numero,
        id: publie.id,
        regionCode: structure.region,
        type: 'annuaire.structure_confirmee',
        agregatType: 'structure',
        agregatId: structure.id,
        structureId: structure.id,
        survenuLe: SURVENU_LE,
        donnees: { reseau_code: 'mission-locale', demonstration: true, fondement: 'responsable', confirmee_precedemment_le: null },
      },
    ]);
  });

  it('disparaît avec la transaction annulée, comme le changement qu’il décrit', async () => {
    const avant = { evenements: await nombreEvenements(), confirmee: await confirmeeLe() };
    await expect(
      database.db.transaction(async (tx) => {
        await confirmer(tx, new Date('2026-04-01T08:00:00Z'));
        await publierEvenement(tx, confirmation());
        throw new Error('panne simulée après l’événement');
      }),
    ).rejects.toThrow('panne simulée après l’événement');

    expect({ evenements: await nombreEvenements(), confirmee: await confirmeeLe() }).toEqual(avant);
  });

  it('refuse d’écrire hors d’une transaction, où il ne suivrait pas son changement', async () => {
    const avant = await nombreEvenements();
    // @ts-expect-error a Db is not a Transaction: the type refuses it before the code runs.
    await expect(publierEvenement(database.db, confirmation())).rejects.toThrow(
      'Événement « annuaire.structure_confirmee » publié hors d’une transaction : il ne suivrait pas son changement.',
    );
    // Cast past the type, the check at run time still holds.
    await expect(publierEvenement(database.db as unknown as Transaction, confirmation())).rejects.toThrow(/hors d’une transaction/);
    expect(await nombreEvenements()).toBe(avant);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'un champ que le catalogue ne nomme pas (un nom)',
      { nom: 'Léa Martin' },
      'Événement « annuaire.structure_confirmee » refusé par le catalogue : (racine) : unrecognized_keys nom.',
    ],
    [
      'du texte libre à la place d’un code',
      { reseau_code: 'Mission locale de Léa Martin' },
      'Événement « annuaire.structure_confirmee » refusé par le catalogue : reseau_code : invalid_format.',
    ],
    [
      'une date écrite à la main',
      { confirmee_precedemment_le: 'le 3 mars, par Léa' },
      'Événement « annuaire.structure_confirmee » refusé par le catalogue : confirmee_precedemment_le : invalid_format.',
    ],
  ])('refuse %s, sans en répéter la valeur, et la transaction n’écrit rien', async (_, donnees, message) => {
    const avant = { evenements: await nombreEvenements(), confirmee: await confirmeeLe() };
    const issue = database.db.transaction(async (tx) => {
      await confirmer(tx, new Date('2026-05-01T08:00:00Z'));
      await publierEvenement(tx, confirmation(donnees));
    });
    const erreur = await issue.then(
      () => null,
      (e: unknown) => e,
    );
    expect(erreur).toBeInstanceOf(Error);
    expect((erreur as Error).message).toBe(message);
    expect({ evenements: await nombreEvenements(), confirmee: await confirmeeLe() }).toEqual(avant);
  });
});

describe('lireEvenements', () => {
  it('donne les événements d’une région après un numéro, dans l’ordre des numéros, par tranches', async () => {
    const depuis = await dernierNumero();
    const autreRegion = structure.region === '11' ? '75' : '11';
    const publies = await database.db.transaction(async (tx) => {
      const ids = [];
      for (const region of [structure.region, autreRegion, structure.region, structure.region]) {
        ids.push({ region, ...(await publierEvenement(tx, { ...confirmation(), regionCode: region, agregatId: randomUUID() })) });
      }
      return ids;
    });
    const dIci = publies.filter((p) => p.region === structure.region).map((p) => p.numero);

    const premiers = await lireEvenements(database.db, { region: structure.region, depuisNumero: depuis, limite: 2 });
    expect(premiers.map((e) => e.numero)).toEqual(dIci.slice(0, 2));
    const suite = await lireEvenements(database.db, { region: structure.region, depuisNumero: premiers.at(-1)!.numero, limite: 2 });
    expect(suite.map((e) => e.numero)).toEqual(dIci.slice(2));
    expect((await lireEvenements(database.db, { region: autreRegion, depuisNumero: depuis, limite: 10 })).map((e) => e.regionCode)).toEqual([autreRegion]);
  });
});
