import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { creerBaseDeTest } from '../../../test/harness/base.js';
import type { Database } from '../../db/client.js';
import { EchecDeTravail, type FileDeTravaux, creerFileDeTravaux } from './index.js';

let database: Database;
let file: FileDeTravaux;
const echecs: string[] = [];
const erreurs: unknown[] = [];

// One queue per rule, each with its own handler; the queue is started once for the file.
const appels = { repris: [] as string[], annule: [] as string[] };

beforeAll(async () => {
  database = await creerBaseDeTest();
  file = creerFileDeTravaux(database, { sondageSecondes: 0.5 });
  file.travail<{ ref: string }>(
    'essai.repris',
    async ({ ref }) => {
      appels.repris.push(ref);
      if (appels.repris.length === 1) throw Object.assign(new Error('serveur injoignable : lea.martin@exemple.fr'), { code: 'ECONNREFUSED' });
    },
    { reprises: 1, delaiSecondes: 0 },
  );
  file.travail<{ ref: string }>('essai.transaction', async ({ ref }) => void appels.annule.push(ref), { reprises: 0, delaiSecondes: 0 });
  await file.demarrer({ surEchec: (f) => echecs.push(f), surErreur: (e) => erreurs.push(e) });
});
afterAll(async () => {
  await file?.arreter();
  await database?.close();
});

describe('file de travaux (pg-boss sur la base de l’application)', () => {
  it('un travail qui échoue une fois est repris une fois, puis réussit', async () => {
    await file.envoyer(database.db, 'essai.repris', { ref: 'a' });

    await vi.waitFor(async () => expect((await file.profondeurs())['essai.repris']).toEqual({ enAttente: 0, enCours: 0, echecs: 0 }), {
      timeout: 10_000,
      interval: 100,
    });
    expect(appels.repris).toEqual(['a', 'a']);
    expect(echecs).toEqual(['essai.repris']);
    expect((erreurs[0] as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('ce que pg-boss garde d’un échec ne dit que sa nature et son code, jamais son message', () => {
    const erreur = new EchecDeTravail('essai.repris', Object.assign(new Error('refusé : lea.martin@exemple.fr'), { code: 'EENVELOPE' }));

    expect(erreur.message).toBe('Le travail de la file « essai.repris » a échoué (Error EENVELOPE) ; le journal du serveur en dit la cause.');
  });

  it('un travail envoyé dans une transaction n’existe que si elle est validée', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await file.envoyer(tx, 'essai.transaction', { ref: 'annulé' });
        throw new Error('changement refusé');
      }),
    ).rejects.toThrow('changement refusé');
    await database.db.transaction(async (tx) => {
      await file.envoyer(tx, 'essai.transaction', { ref: 'validé' });
    });

    await vi.waitFor(() => expect(appels.annule).toEqual(['validé']), { timeout: 10_000, interval: 100 });
    expect((await file.profondeurs())['essai.transaction']).toEqual({ enAttente: 0, enCours: 0, echecs: 0 });
  });

  it('refuse un travail pour une file qui n’a pas été déclarée', async () => {
    await expect(file.envoyer(database.db, 'essai.inconnue', {})).rejects.toThrow('Aucun travail déclaré pour la file « essai.inconnue ».');
  });
});
