import http from 'node:http';
import type { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Db } from '../../src/db/client.js';
import { servicesQuery, sitesQuery } from '../../src/modules/annuaire/annuaire.contract.js';
import * as annuaire from '../../src/modules/annuaire/annuaire.service.js';
import { ACTEUR_ANONYME } from '../../src/modules/identite/index.js';
import type { RequeteBench } from './requetes.js';

export interface Statistiques {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  moyenne: number;
}

/** Percentiles by nearest rank over the samples (ms). */
export function statistiques(echantillons: number[]): Statistiques {
  const tries = [...echantillons].sort((a, b) => a - b);
  const rang = (p: number) => tries[Math.min(tries.length - 1, Math.max(0, Math.ceil((p / 100) * tries.length) - 1))] ?? NaN;
  const somme = tries.reduce((s, v) => s + v, 0);
  return { n: tries.length, p50: rang(50), p95: rang(95), p99: rang(99), moyenne: tries.length ? somme / tries.length : NaN };
}

/** Sequential GETs on one keep-alive connection; resolves with the status once the whole body is read. */
export class ClientHttp {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    private readonly hote: string,
    private readonly port: number,
  ) {}

  get(chemin: string): Promise<{ statut: number; corps: string }> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: this.hote, port: this.port, path: chemin, method: 'GET', agent: this.agent }, (res) => {
        const morceaux: Buffer[] = [];
        res.on('data', (m: Buffer) => morceaux.push(m));
        res.on('end', () => resolve({ statut: res.statusCode ?? 0, corps: Buffer.concat(morceaux).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  }

  fermer(): void {
    this.agent.destroy();
  }
}

export interface Instruction {
  texte: string;
  params: unknown[];
}

/** The statements the directory search runs for a request (those that choose the candidates are the search itself). */
export interface RequetePreparee extends RequeteBench {
  instructions: Instruction[];
}

export const estLaRecherche = (i: Instruction) => i.texte.includes('WITH candidats');

/**
 * Runs the search use case once over a Drizzle instance that records each statement with its
 * parameters: exactly the SQL the repository sends for this query, to replay without the API.
 */
export async function capturerInstructions(moteur: { pool: pg.Pool } | { pglite: PGlite }, requete: RequeteBench): Promise<Instruction[]> {
  const journal: Instruction[] = [];
  const logger = { logQuery: (texte: string, params: unknown[]) => void journal.push({ texte, params: [...params] }) };
  const db = ('pool' in moteur
    ? drizzlePg(moteur.pool, { logger })
    : drizzlePglite(journaliserTransactions(moteur.pglite, journal), { logger })) as unknown as Db;
  const ctx = { db, now: () => new Date(), acteur: ACTEUR_ANONYME, ip: null, agentUtilisateur: null, messagerie: { envoyer: async () => undefined } };
  if (requete.route === 'services') await annuaire.searchServices(ctx, servicesQuery.parse(requete.params));
  else await annuaire.searchSites(ctx, sitesQuery.parse(requete.params));
  return journal;
}

/**
 * Drizzle logs the BEGIN and COMMIT it sends to node-pg, not those PGlite's own transaction()
 * sends: recorded here, so that a search run in a transaction (SET LOCAL) is replayed in one.
 */
function journaliserTransactions(pglite: PGlite, journal: Instruction[]): PGlite {
  return new Proxy(pglite, {
    get(cible, nom) {
      if (nom === 'transaction') {
        return async (corps: Parameters<PGlite['transaction']>[0]) => {
          journal.push({ texte: 'BEGIN', params: [] });
          try {
            return await cible.transaction(corps);
          } finally {
            journal.push({ texte: 'COMMIT', params: [] });
          }
        };
      }
      const valeur: unknown = Reflect.get(cible, nom, cible);
      return typeof valeur === 'function' ? (valeur as (...a: unknown[]) => unknown).bind(cible) : valeur;
    },
  });
}

export type Executer = (texte: string, params: unknown[]) => Promise<unknown>;

/** Replays the statements one after the other; returns the time of all of them and of the search statements alone. */
export async function rejouer(executer: Executer, instructions: Instruction[]): Promise<{ tout: number; recherche: number }> {
  let tout = 0;
  let recherche = 0;
  for (const i of instructions) {
    const debut = performance.now();
    await executer(i.texte, i.params);
    const duree = performance.now() - debut;
    tout += duree;
    if (estLaRecherche(i)) recherche += duree;
  }
  return { tout, recherche };
}
