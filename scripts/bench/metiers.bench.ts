/**
 * Skills matching benchmark (issue « Métiers », goal: p95 under 20 ms): how long ranking every
 * fiche of ROME 4.0 takes for a person with 3 experiences and 40 skills.
 *
 *   npm run bench:metiers                          PGlite then PostgreSQL (BENCH_DATABASE_URL), writes docs/performance.md
 *   npm run bench:metiers -- --moteurs=pglite      one engine only
 *   npm run bench:metiers -- --sans-doc            prints only
 *   npm run bench:metiers -- --tours=N             measured passes over the persons (default 5)
 *
 * Three measures per person, interleaved: the ranking alone (pure function over the in-memory
 * index), the use case in process (version check, codes checked, ranking), and the answer through
 * HTTP (the whole application on 127.0.0.1, one keep-alive connection). Only the ROME is loaded:
 * the matching reads nothing else.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { chargerMetiers } from '../../data/metiers.loader.js';
import { ReferenceData } from '../../data/reference.js';
import { rows } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { type RapprochementCorps, indexMetiers, rapprocherMetiers } from '../../src/modules/metiers/index.js';
import { construireIndex } from '../../src/modules/metiers/metiers.memoire.js';
import { rapprocher } from '../../src/modules/metiers/metiers.rapprochement.js';
import { findVersionCourante, readLignesIndex } from '../../src/modules/metiers/metiers.repository.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { Aleatoire } from './aleatoire.js';
import { chronometrer, enteteRapport, ms, ouvrirBase, poster, tableauMesures } from './banc.js';
import { type Statistiques, statistiques } from './mesure.js';
import { ecrireSectionPerformance } from './section-doc.js';

const BASE = 'trajectoires_bench_metiers';
const serveur = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const option = (nom: string) => process.argv.find((a) => a.startsWith(`--${nom}=`))?.split('=')[1];
const moteurs = (option('moteurs') ?? 'pglite,postgresql').split(',') as ('pglite' | 'postgresql')[];
const tours = Number(option('tours') ?? 5);
const ecrire = !process.argv.includes('--sans-doc');
const PERSONNES = 200;
const GRAINE = 20261124;
const OBJECTIF_MS = 20;
const journal = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

/**
 * Persons drawn with a fixed seed: three experiences (a job title or a fiche, each from a fiche
 * drawn at random), and 40 distinct skills, three quarters from those fiches, the rest from
 * other fiches (people also know things their jobs did not ask for).
 */
async function genererPersonnes(db: Parameters<typeof rows>[0]): Promise<RapprochementCorps[]> {
  const liens = await rows<{ code_rome: string; code_ogr: string }>(
    db,
    sql`SELECT code_rome, code_ogr FROM metiers_lien WHERE bloc_code = '5' ORDER BY code_rome, code_ogr`,
  );
  const appellations = await rows<{ code_rome: string; code_ogr: string }>(db, sql`SELECT code_rome, code_ogr FROM metiers_appellation ORDER BY code_ogr`);
  const competencesDe = new Map<string, string[]>();
  for (const l of liens) competencesDe.set(l.code_rome, [...(competencesDe.get(l.code_rome) ?? []), l.code_ogr]);
  const appellationsDe = new Map<string, string[]>();
  for (const a of appellations) appellationsDe.set(a.code_rome, [...(appellationsDe.get(a.code_rome) ?? []), a.code_ogr]);
  const fiches = [...competencesDe.keys()];
  const toutes = [...new Set(liens.map((l) => l.code_ogr))];
  const alea = new Aleatoire(GRAINE);
  return Array.from({ length: PERSONNES }, () => {
    const exercees = alea.plusieurs(fiches, 3);
    const experiences = exercees.map((code) => {
      const titres = appellationsDe.get(code) ?? [];
      return alea.nombre() < 0.7 && titres.length ? { appellation: alea.choisir(titres) } : { metier: code };
    });
    const competences = new Set(alea.plusieurs([...new Set(exercees.flatMap((c) => competencesDe.get(c) ?? []))], 30));
    while (competences.size < 40) competences.add(alea.choisir(toutes));
    return { experiences, competences: [...competences], limite: 10 };
  });
}

interface ResultatMoteur {
  moteur: string;
  version: string;
  chargement: number;
  index: number;
  classement: Statistiques;
  processus: Statistiques;
  http: Statistiques;
}

async function mesurer(moteur: 'pglite' | 'postgresql'): Promise<ResultatMoteur> {
  const { database, fermer } = await ouvrirBase(moteur, BASE, serveur);
  try {
    const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', RECHERCHE_LIMITE_PAR_MINUTE: '1000000' });
    journal(`${moteur} : migrations et ROME 4.0…`);
    await migrate(database);
    const debutChargement = performance.now();
    await chargerMetiers(database, new ReferenceData(config.REFERENCE_DATA_DIR));
    const chargement = (performance.now() - debutChargement) / 1000;
    const [version] = await rows<{ moteur: string }>(database.db, sql`SELECT version() AS moteur`);
    const personnes = await genererPersonnes(database.db);
    const ctx = { db: database.db };
    // Built here, not through the process cache: the cache would hand the second engine the first one's index.
    const debutIndex = performance.now();
    const [versionRome, lignes] = await Promise.all([findVersionCourante(database.db), readLignesIndex(database.db)]);
    construireIndex({ empreinte: 'banc', version: versionRome!, ...lignes });
    const dureeIndex = performance.now() - debutIndex;
    const index = await indexMetiers(database.db);
    // The pure ranking takes the person once resolved, as the use case does.
    const parcours = personnes.map((p) => ({
      experiences: [...new Set(p.experiences.map((e) => ('metier' in e ? e.metier : index.appellations.get(e.appellation)!.codeRome)))],
      competences: new Set(p.competences),
    }));

    const app = await buildApp({ config, database, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const durees = { classement: [] as number[], processus: [] as number[], http: [] as number[] };
      const corps = personnes.map((p) => JSON.stringify(p));
      for (let tour = -1; tour < tours; tour++) {
        // The first pass warms caches (index, plans, JIT) and is not counted.
        const garder = tour >= 0;
        journal(`${moteur} : passe ${garder ? `${tour + 1}/${tours}` : 'd’échauffement'}…`);
        for (const [i, personne] of personnes.entries()) {
          await chronometrer(garder ? durees.classement : [], () => rapprocher(index, parcours[i]!, personne.limite));
          const parHttp = async () => {
            const r = await chronometrer(garder ? durees.http : [], () => poster(agent, port, '/api/v1/metiers/rapprochement', corps[i]!));
            if (r.statut !== 200) throw new Error(`POST /api/v1/metiers/rapprochement : ${r.statut} ${r.corps.slice(0, 300)}`);
          };
          const enProcessus = () => chronometrer(garder ? durees.processus : [], () => rapprocherMetiers(ctx, personne));
          // Alternate which goes first, so that neither always finds the warmer cache.
          if (i % 2) {
            await parHttp();
            await enProcessus();
          } else {
            await enProcessus();
            await parHttp();
          }
        }
      }
      return {
        moteur,
        version: version!.moteur.split(' on ')[0]!,
        chargement,
        index: dureeIndex,
        classement: statistiques(durees.classement),
        processus: statistiques(durees.processus),
        http: statistiques(durees.http),
      };
    } finally {
      agent.destroy();
      await app.close();
    }
  } finally {
    await fermer();
  }
}

const verdict = (v: number) => (v < OBJECTIF_MS ? 'atteint' : '**manqué**');

function rapport(resultats: ResultatMoteur[], dureeTotale: number): string {
  return [
    ...enteteRapport('npm run bench:metiers', dureeTotale),
    `Personnes : ${PERSONNES} (graine ${GRAINE}), chacune 3 expériences (appellation ou fiche) et 40 compétences réelles ; ` +
      `les 10 métiers les plus proches parmi les 1 584 fiches ; ${tours} passes mesurées après une passe d’échauffement.`,
    '',
    `| objectif (p95 < ${OBJECTIF_MS} ms) | moteur | mesuré | |`,
    '| --- | --- | ---: | --- |',
    ...resultats.flatMap((r) => [
      `| rapprochement en processus | ${r.moteur} | ${ms(r.processus.p95)} ms | ${verdict(r.processus.p95)} |`,
      `| rapprochement par HTTP | ${r.moteur} | ${ms(r.http.p95)} ms | ${verdict(r.http.p95)} |`,
    ]),
    '',
    ...tableauMesures(resultats, (r) => [
      ['classement seul (index en mémoire)', r.classement],
      ['rapprochement en processus', r.processus],
      ['rapprochement par HTTP', r.http],
    ]),
    '',
    ...resultats.map(
      (r) =>
        `${r.moteur} (${r.version}) : ROME chargé en ${r.chargement.toFixed(1)} s ; index en mémoire construit en ${(r.index / 1000).toFixed(2)} s (une fois par processus et par version).`,
    ),
  ].join('\n');
}

async function main(): Promise<void> {
  const debut = performance.now();
  const resultats: ResultatMoteur[] = [];
  for (const moteur of moteurs) resultats.push(await mesurer(moteur));
  const texte = rapport(resultats, (performance.now() - debut) / 1000);
  console.log(`\n${texte}\n`);
  if (ecrire) {
    await ecrireSectionPerformance({
      cle: 'metiers',
      commande: 'npm run bench:metiers',
      titre: 'Rapprochement d’un parcours et des métiers',
      introduction: 'Commande : `npm run bench:metiers` (PGlite en mémoire, puis une base PostgreSQL de BENCH_DATABASE_URL créée puis supprimée).',
      contenu: texte,
    });
    journal('docs/performance.md mis à jour.');
  }
}

main().catch((erreur: unknown) => {
  console.error(erreur);
  process.exit(1);
});
