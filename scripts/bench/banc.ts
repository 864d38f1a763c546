import http from 'node:http';
import os from 'node:os';
import pg from 'pg';
import { type Database, createDatabase, createPgliteDatabase } from '../../src/db/client.js';
import type { Statistiques } from './mesure.js';

/** One JSON POST on a keep-alive connection; resolves once the whole body is read. */
export function poster(agent: http.Agent, port: number, chemin: string, corps: string): Promise<{ statut: number; corps: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: chemin,
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(corps) },
      },
      (res) => {
        const morceaux: Buffer[] = [];
        res.on('data', (m: Buffer) => morceaux.push(m));
        res.on('end', () => resolve({ statut: res.statusCode ?? 0, corps: Buffer.concat(morceaux).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(corps);
  });
}

/** Runs the task and adds its duration (ms) to the samples. */
export async function chronometrer<T>(echantillons: number[], tache: () => Promise<T> | T): Promise<T> {
  const debut = performance.now();
  const resultat = await tache();
  echantillons.push(performance.now() - debut);
  return resultat;
}

/** A fresh database for a benchmark: PGlite in memory, or a database of the server created then dropped. */
export async function ouvrirBase(moteur: 'pglite' | 'postgresql', nom: string, serveur: string): Promise<{ database: Database; fermer: () => Promise<void> }> {
  if (moteur === 'pglite') {
    const database = await createPgliteDatabase({ dataDir: undefined });
    return { database, fermer: () => database.close() };
  }
  const administrer = async (requete: string) => {
    const client = new pg.Client({ connectionString: serveur });
    await client.connect();
    try {
      await client.query(requete);
    } finally {
      await client.end();
    }
  };
  await administrer(`DROP DATABASE IF EXISTS ${nom} WITH (FORCE)`);
  await administrer(`CREATE DATABASE ${nom}`);
  const url = new URL(serveur);
  url.pathname = `/${nom}`;
  const database = await createDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    database,
    async fermer() {
      await database.close();
      await administrer(`DROP DATABASE IF EXISTS ${nom} WITH (FORCE)`);
    },
  };
}

/** Milliseconds as the result tables print them: three decimals under 0.1 ms, two above. */
export const ms = (v: number) => (v < 0.1 ? v.toFixed(3) : v.toFixed(2));

/** The first lines of a result block: when, by which command, how long, on which machine and load. */
export function enteteRapport(commande: string, dureeTotaleSecondes: number): string[] {
  return [
    `Mesuré le ${new Date().toISOString().slice(0, 10)}, par \`${commande}\` (${(dureeTotaleSecondes / 60).toFixed(1)} min en tout), ` +
      `charge moyenne de la machine ${os.loadavg()[0]!.toFixed(1)} au moment du rapport.`,
    '',
    `Machine : ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? '?'}, Node.js ${process.version}.`,
  ];
}

/** The table of every measure (n, p50, p95, p99) of each engine, in the order given. */
export function tableauMesures<R extends { moteur: string }>(resultats: R[], mesures: (r: R) => (readonly [string, Statistiques])[]): string[] {
  return [
    '| mesure (ms) | moteur | n | p50 | p95 | p99 |',
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...resultats.flatMap((r) => mesures(r).map(([nom, st]) => `| ${nom} | ${r.moteur} | ${st.n} | ${ms(st.p50)} | ${ms(st.p95)} | ${ms(st.p99)} |`)),
  ];
}
