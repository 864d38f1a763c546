/**
 * Directory search benchmark: a national-size synthetic directory over the real reference data,
 * then the latency of a fixed mix of searches through HTTP (the whole application listening on
 * 127.0.0.1) and of the very same SQL replayed directly on the database, interleaved, on
 * PostgreSQL and on PGlite (in memory). See docs/performance.md.
 *
 *   npm run bench                 full run (100,000 services on 50,000 sites), writes docs/performance.md
 *   npm run bench -- --petit      quick run (10,000 services on 5,000 sites), prints only
 *
 * Options: --moteurs=postgresql,pglite  --services=N --sites=N  --graine=N  --tours=N  --tours-simultanes=N  --expliquer
 * (EXPLAIN ANALYZE of the slowest searches on PostgreSQL)  --garder (keep the PostgreSQL bench
 * database)  --reutiliser (reuse it when it holds the same synthetic directory)  --ecrire / --sans-doc.
 * BENCH_DATABASE_URL: the PostgreSQL server (default postgresql://postgres@127.0.0.1:5432/postgres);
 * the bench creates and drops its own database there (trajectoires_bench).
 */
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { chargerReferentiels } from '../../data/charger.js';
import { type Database, type PgliteDatabase, createDatabase, createPgliteDatabase, rows } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { projectRoot } from '../../src/shared/config.js';
import { Aleatoire } from './aleatoire.js';
import { ClientHttp, type Executer, type RequetePreparee, capturerInstructions, estLaRecherche, rejouer, statistiques } from './mesure.js';
import { type ResultatMoteur, ecrireDoc, imprimer } from './rapport.js';
import { type RequeteBench, genererRequetes, urlDe } from './requetes.js';
import { type AnnuaireSynthetique, type ReferentielBench, SOURCE_BENCH, genererAnnuaire, insererAnnuaire, lireReferentielBench } from './synthetique.js';

type Moteur = 'postgresql' | 'pglite';

const CLIENTS_SIMULTANES = 10;

/** Each client goes through the whole mix in its own order, all clients at once; the durations of every request. */
async function enConcurrence(clients: ((p: RequetePreparee) => Promise<number>)[], preparees: RequetePreparee[], graine: number): Promise<number[]> {
  const durees: number[] = [];
  await Promise.all(
    clients.map(async (executer, c) => {
      for (const i of new Aleatoire(graine + c).melanger(preparees.map((_, i) => i))) durees.push(await executer(preparees[i]!));
    }),
  );
  return durees;
}

function lireOptions(argv: string[]) {
  const drapeau = (nom: string) => argv.includes(`--${nom}`);
  const valeur = (nom: string) => argv.find((a) => a.startsWith(`--${nom}=`))?.split('=')[1];
  const entier = (nom: string, defaut: number) => {
    const v = valeur(nom);
    if (v === undefined) return defaut;
    const n = Number(v.replace(/_/g, ''));
    if (!Number.isInteger(n) || n <= 0) throw new Error(`--${nom} : entier positif attendu`);
    return n;
  };
  const petit = drapeau('petit') || process.env.BENCH_PETIT === '1';
  const moteurs = (valeur('moteurs') ?? 'postgresql,pglite').split(',').map((m) => {
    if (m !== 'postgresql' && m !== 'pglite') throw new Error(`--moteurs : postgresql et/ou pglite, pas « ${m} »`);
    return m as Moteur;
  });
  return {
    petit,
    moteurs,
    services: entier('services', petit ? 10_000 : 100_000),
    sites: entier('sites', petit ? 5_000 : 50_000),
    graine: entier('graine', 20260115),
    // Bounded loops: at most this many passes over the mix, and at most this long per engine.
    tours: entier('tours', petit ? 3 : 8),
    // Rounds of the concurrent measure (PostgreSQL): each is one pass of the mix per client, API then SQL.
    toursSimultanes: entier('tours-simultanes', petit ? 1 : 3),
    echauffement: petit ? 1 : 2,
    budgetMs: (petit ? 40 : 150) * 1000,
    expliquer: drapeau('expliquer'),
    garder: drapeau('garder'),
    reutiliser: drapeau('reutiliser'),
    ecrire: drapeau('ecrire') || (!petit && !drapeau('sans-doc')),
    serveur: process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    commande: ['npm run bench', ...(argv.length ? ['--', ...argv] : [])].join(' '),
  };
}
type Options = ReturnType<typeof lireOptions>;

const BASE_BENCH = 'trajectoires_bench';
const journal = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
const secondes = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function urlAvecBase(url: string, base: string): string {
  const u = new URL(url);
  u.pathname = `/${base}`;
  return u.toString();
}

async function administrer(options: Options, requete: string): Promise<void> {
  const client = new pg.Client({ connectionString: options.serveur });
  await client.connect();
  try {
    await client.query(requete);
  } finally {
    await client.end();
  }
}

async function compterSynthetiques(database: Database): Promise<{ services: number; sites: number }> {
  const [c] = await rows<{ services: number; sites: number }>(
    database.db,
    sql`SELECT (SELECT count(*) FROM annuaire_service WHERE source = ${SOURCE_BENCH}) AS services,
        (SELECT count(*) FROM annuaire_site WHERE source = ${SOURCE_BENCH}) AS sites`,
  );
  return c!;
}

/** The shared state of a run: what is generated once and laid identically on each engine. */
class Generation {
  private referentiel: ReferentielBench | undefined;
  private annuaire: AnnuaireSynthetique | undefined;
  requetes: RequeteBench[] = [];

  constructor(private readonly options: Options) {}

  async preparer(database: Database): Promise<{ annuaire: AnnuaireSynthetique; generationMs: number }> {
    const debut = performance.now();
    if (!this.referentiel) this.referentiel = await lireReferentielBench(database.db);
    if (!this.annuaire) {
      this.annuaire = genererAnnuaire(this.referentiel, { sites: this.options.sites, services: this.options.services }, this.options.graine);
      this.requetes = genererRequetes(this.referentiel.communes, this.options.graine);
    }
    return { annuaire: this.annuaire, generationMs: performance.now() - debut };
  }
}

async function ouvrir(moteur: Moteur, options: Options, generation: Generation) {
  const temps: Record<string, number> = {};
  let database: Database;
  let reutilisee = false;
  let debut = performance.now();
  if (moteur === 'postgresql') {
    const url = urlAvecBase(options.serveur, BASE_BENCH);
    if (options.reutiliser) {
      try {
        database = await createDatabase({ databaseUrl: url, poolSize: 10 });
        const n = await compterSynthetiques(database);
        reutilisee = n.services === options.services && n.sites === options.sites;
        if (!reutilisee) await database.close();
      } catch {
        reutilisee = false;
      }
    }
    if (!reutilisee) {
      await administrer(options, `DROP DATABASE IF EXISTS ${BASE_BENCH} WITH (FORCE)`);
      await administrer(options, `CREATE DATABASE ${BASE_BENCH}`);
      database = await createDatabase({ databaseUrl: url, poolSize: 10 });
    }
  } else {
    database = await createPgliteDatabase({ dataDir: undefined });
  }
  const db = database!;
  if (!reutilisee) {
    await migrate(db);
    await chargerReferentiels(db, { referenceDir: loadConfig({}).REFERENCE_DATA_DIR, demo: false });
    temps.referentiels = performance.now() - debut;
    journal(`${moteur} : données de référence réelles chargées en ${secondes(temps.referentiels)}`);
  }
  const { annuaire, generationMs } = await generation.preparer(db);
  if (!reutilisee) {
    temps.generation = generationMs;
    debut = performance.now();
    Object.assign(temps, await insererAnnuaire(db.db, annuaire));
    journal(
      `${moteur} : ${annuaire.services.length} services sur ${annuaire.sites.length} lieux synthétiques insérés en ${secondes(temps.insertion!)}` +
        ` (lexique ${secondes(temps.lexique!)}, ANALYZE ${secondes(temps.analyze!)})`,
    );
  } else {
    journal(`${moteur} : base ${BASE_BENCH} réutilisée`);
  }
  return { database: db, temps };
}

async function mesurerMoteur(moteur: Moteur, options: Options, generation: Generation): Promise<ResultatMoteur> {
  const { database, temps } = await ouvrir(moteur, options, generation);
  const [volumes] = await rows<{ services: number; sites: number; structures: number; lexique: number }>(
    database.db,
    sql`SELECT (SELECT count(*) FROM annuaire_service) AS services, (SELECT count(*) FROM annuaire_site) AS sites,
        (SELECT count(*) FROM annuaire_structure) AS structures, (SELECT count(*) FROM annuaire_lexique) AS lexique`,
  );
  const [version] = await rows<{ version: string }>(database.db, sql`SELECT version()`);

  // Production settings; the bench sends no mail, the SMTP address is only there to be valid.
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    RECHERCHE_LIMITE_PAR_MINUTE: '100000000',
    SMTP_URL: 'smtp://127.0.0.1:25',
  });
  const app = await buildApp({ config, database, logger: false });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const http = new ClientHttp('127.0.0.1', port);

  // The SQL of each search, recorded from the use case itself, and a direct connection to replay it.
  let executer: Executer;
  let fermerDirect: () => Promise<void>;
  let capture: Parameters<typeof capturerInstructions>[0];
  let poolCapture: pg.Pool | undefined;
  if (moteur === 'postgresql') {
    const url = urlAvecBase(options.serveur, BASE_BENCH);
    poolCapture = new pg.Pool({ connectionString: url, max: 2 });
    capture = { pool: poolCapture };
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    executer = (texte, params) => client.query(texte, params);
    fermerDirect = () => client.end();
  } else {
    const { pglite } = database as PgliteDatabase;
    capture = { pglite };
    executer = (texte, params) => pglite.query(texte, params);
    fermerDirect = async () => {};
  }

  try {
    const preparees: RequetePreparee[] = [];
    for (const r of generation.requetes) {
      const reponse = await http.get(urlDe(r));
      if (reponse.statut !== 200) throw new Error(`${urlDe(r)} : HTTP ${reponse.statut} ${reponse.corps.slice(0, 300)}`);
      preparees.push({ ...r, instructions: await capturerInstructions(capture, r) });
    }
    await poolCapture?.end();

    const api: number[][] = preparees.map(() => []);
    const sqlTout: number[][] = preparees.map(() => []);
    const sqlRecherche: number[][] = preparees.map(() => []);
    const alea = new Aleatoire(options.graine + 1);
    const passe = async (garder: boolean) => {
      const ordre = alea.melanger(preparees.map((_, i) => i));
      for (const [k, i] of ordre.entries()) {
        const p = preparees[i]!;
        // Interleaved, alternating which goes first, so both see the same machine.
        const mesurerApi = async () => {
          const debut = performance.now();
          const reponse = await http.get(urlDe(p));
          const duree = performance.now() - debut;
          if (reponse.statut !== 200) throw new Error(`${urlDe(p)} : HTTP ${reponse.statut}`);
          if (garder) api[i]!.push(duree);
        };
        const mesurerSql = async () => {
          const d = await rejouer(executer, p.instructions);
          if (garder) {
            sqlTout[i]!.push(d.tout);
            sqlRecherche[i]!.push(d.recherche);
          }
        };
        if (k % 2 === 0) {
          await mesurerApi();
          await mesurerSql();
        } else {
          await mesurerSql();
          await mesurerApi();
        }
      }
    };
    for (let e = 0; e < options.echauffement; e++) await passe(false);
    // The machine may be shared: its load while measuring is reported with the figures.
    const chargeDebut = os.loadavg()[0]!;
    const debut = performance.now();
    let tours = 0;
    while (tours < options.tours && performance.now() - debut < options.budgetMs) {
      await passe(true);
      tours++;
    }
    const dureeMesure = performance.now() - debut;
    journal(`${moteur} : ${tours} passes de ${preparees.length} recherches mesurées en ${secondes(dureeMesure)}`);

    // The quality bar's reference load: 10 clients at once, API then node-pg, alternating.
    let concurrence: ResultatMoteur['concurrence'];
    if (moteur === 'postgresql') {
      const url = urlAvecBase(options.serveur, BASE_BENCH);
      const clientsHttp = Array.from({ length: CLIENTS_SIMULTANES }, () => new ClientHttp('127.0.0.1', port));
      const clientsPg = await Promise.all(
        Array.from({ length: CLIENTS_SIMULTANES }, async () => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          return client;
        }),
      );
      const apiSimultane: number[] = [];
      const sqlSimultane: number[] = [];
      try {
        const debutConcurrence = performance.now();
        for (let tour = 0; tour < options.toursSimultanes; tour++) {
          const graine = options.graine + 100 * (tour + 1);
          apiSimultane.push(
            ...(await enConcurrence(
              clientsHttp.map((h) => async (p: RequetePreparee) => {
                const debutRequete = performance.now();
                const reponse = await h.get(urlDe(p));
                if (reponse.statut !== 200) throw new Error(`${urlDe(p)} : HTTP ${reponse.statut}`);
                return performance.now() - debutRequete;
              }),
              preparees,
              graine,
            )),
          );
          sqlSimultane.push(
            ...(await enConcurrence(
              clientsPg.map((c) => async (p: RequetePreparee) => {
                return (await rejouer((texte, params) => c.query(texte, params), p.instructions)).tout;
              }),
              preparees,
              graine,
            )),
          );
        }
        concurrence = { clients: CLIENTS_SIMULTANES, api: statistiques(apiSimultane), sql: statistiques(sqlSimultane) };
        journal(
          `${moteur} : ${apiSimultane.length} recherches par ${CLIENTS_SIMULTANES} clients simultanés (API puis SQL) en ${secondes(performance.now() - debutConcurrence)}`,
        );
      } finally {
        for (const h of clientsHttp) h.fermer();
        await Promise.all(clientsPg.map((c) => c.end()));
      }
    }

    const categories = [...new Set(preparees.map((p) => p.categorie))].map((categorie) => {
      const indices = preparees.flatMap((p, i) => (p.categorie === categorie ? [i] : []));
      return {
        categorie,
        requetes: indices.length,
        instructions: Math.round((10 * indices.reduce((s, i) => s + preparees[i]!.instructions.length, 0)) / indices.length) / 10,
        api: statistiques(indices.flatMap((i) => api[i]!)),
        sqlTout: statistiques(indices.flatMap((i) => sqlTout[i]!)),
        sqlRecherche: statistiques(indices.flatMap((i) => sqlRecherche[i]!)),
      };
    });
    const parRequete = preparees.map((p, i) => ({
      url: urlDe(p),
      categorie: p.categorie,
      api: statistiques(api[i]!),
      sqlRecherche: statistiques(sqlRecherche[i]!),
    }));

    const plans: { url: string; plan: string }[] = [];
    if (options.expliquer) {
      const lentes = [...preparees.keys()].sort((a, b) => statistiques(sqlRecherche[b]!).p50 - statistiques(sqlRecherche[a]!).p50).slice(0, 4);
      for (const i of lentes) {
        // The whole call is replayed, the search explained: it may run in a transaction (SET LOCAL).
        for (const ins of preparees[i]!.instructions) {
          if (!estLaRecherche(ins)) {
            await executer(ins.texte, ins.params);
            continue;
          }
          const resultat = (await executer(`EXPLAIN (ANALYZE, BUFFERS) ${ins.texte}`, ins.params)) as { rows: Record<string, string>[] };
          plans.push({ url: urlDe(preparees[i]!), plan: resultat.rows.map((r) => Object.values(r)[0]).join('\n') });
        }
      }
    }

    return {
      moteur,
      version: version!.version,
      volumes: volumes!,
      temps,
      tours,
      dureeMesure,
      requetes: preparees.length,
      api: statistiques(api.flat()),
      sqlTout: statistiques(sqlTout.flat()),
      sqlRecherche: statistiques(sqlRecherche.flat()),
      categories,
      parRequete,
      plans,
      concurrence,
      charge: { debut: chargeDebut, fin: os.loadavg()[0]! },
    };
  } finally {
    http.fermer();
    await app.close();
    await fermerDirect();
    await database.close();
    if (moteur === 'postgresql' && !options.garder) await administrer(options, `DROP DATABASE IF EXISTS ${BASE_BENCH} WITH (FORCE)`);
  }
}

async function main(): Promise<void> {
  const options = lireOptions(process.argv.slice(2));
  const debut = performance.now();
  journal(`Banc de recherche : ${options.services} services sur ${options.sites} lieux synthétiques, moteurs ${options.moteurs.join(' et ')}`);
  const generation = new Generation(options);
  const resultats: ResultatMoteur[] = [];
  for (const moteur of options.moteurs) resultats.push(await mesurerMoteur(moteur, options, generation));
  const pglitePaquet = JSON.parse(await readFile(path.join(projectRoot, 'node_modules', '@electric-sql', 'pglite', 'package.json'), 'utf8')) as {
    version: string;
  };
  const machine = {
    cpu: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'processeur inconnu'}`,
    memoire: `${Math.round(os.totalmem() / 2 ** 30)} Go`,
    systeme: `${os.type()} ${os.release()}`,
    node: process.version,
    pglite: pglitePaquet.version,
  };
  const rapport = {
    date: new Date().toISOString().slice(0, 10),
    commande: options.commande,
    machine,
    options: { services: options.services, sites: options.sites, graine: options.graine, tours: options.tours, echauffement: options.echauffement },
    resultats,
    dureeTotale: performance.now() - debut,
  };
  imprimer(rapport);
  if (options.ecrire) {
    const fichier = await ecrireDoc(rapport);
    journal(`Résultats écrits dans ${path.relative(projectRoot, fichier)}`);
  }
  journal(`Terminé en ${secondes(rapport.dureeTotale)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
