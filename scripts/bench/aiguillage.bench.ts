/**
 * Routing benchmark (issue « Accueil et aiguillage », goal: p95 under 5 ms in process): how long
 * the routing of one profile takes with every real reception place of the directory loaded.
 *
 *   npm run bench:aiguillage                          PGlite then PostgreSQL (BENCH_DATABASE_URL), writes docs/performance.md
 *   npm run bench:aiguillage -- --moteurs=pglite      one engine only
 *   npm run bench:aiguillage -- --sans-doc            prints only
 *   npm run bench:aiguillage -- --tours=N             measured passes over the profiles (default 5)
 *
 * Four measures per profile, interleaved so that they see the same machine at the same moment:
 * the engine alone (rules already compiled), the decision in process (commune, rule set in force,
 * engine), the nearest places alone, the whole answer in process (decision and places), and the
 * answer through HTTP (the whole application on 127.0.0.1, one keep-alive connection).
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { chargerReferentiels } from '../../data/charger.js';
import { type Database, rows } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { type GroupeDeReseaux, findNearestReceptionSites } from '../../src/modules/annuaire/index.js';
import { type Profil, LIEUX_PAR_OPERATEUR, aiguiller, compilerRegles, decider, evaluer, fichierReglesSchema } from '../../src/modules/aiguillage/index.js';
import { SITUATIONS } from '../../src/modules/aiguillage/aiguillage.contract.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { projectRoot } from '../../src/shared/config.js';
import { Aleatoire, TirageProportionnel } from './aleatoire.js';
import { chronometrer, enteteRapport, ms, ouvrirBase, poster, tableauMesures } from './banc.js';
import { ecrireSectionPerformance } from './section-doc.js';
import { type Statistiques, statistiques } from './mesure.js';

const BASE = 'trajectoires_bench_aiguillage';
const serveur = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const option = (nom: string) => process.argv.find((a) => a.startsWith(`--${nom}=`))?.split('=')[1];
const moteurs = (option('moteurs') ?? 'pglite,postgresql').split(',') as ('pglite' | 'postgresql')[];
const tours = Number(option('tours') ?? 5);
const ecrire = !process.argv.includes('--sans-doc');
const PROFILS = 300;
const GRAINE = 20261124;
const OBJECTIF_MS = 5;
const journal = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

/** Profiles drawn with a fixed seed: communes in proportion to their population, every situation. */
async function genererProfils(db: Database['db']): Promise<Profil[]> {
  const communes = await rows<{ code: string; population: number }>(
    db,
    sql`SELECT code, population FROM territoire_commune WHERE latitude IS NOT NULL AND coalesce(population, 0) > 0 ORDER BY code`,
  );
  const tirage = new TirageProportionnel(communes, (c) => c.population);
  const alea = new Aleatoire(GRAINE);
  return Array.from({ length: PROFILS }, () => ({
    age: alea.entier(15, 67),
    situation: alea.choisir(SITUATIONS),
    cadre: alea.nombre() < 0.2,
    niveau_diplome: alea.entier(2, 8),
    handicap_reconnu: alea.nombre() < 0.1,
    emploi_menace_sante: alea.nombre() < 0.05,
    commune: tirage.tirer(alea).code,
  }));
}

interface ResultatMoteur {
  moteur: string;
  version: string;
  lieux: { total: number; cep: number };
  chargement: number;
  moteurSeul: Statistiques;
  decision: Statistiques;
  lieuxSeuls: Statistiques;
  complet: Statistiques;
  http: Statistiques;
}

async function mesurer(moteur: 'pglite' | 'postgresql'): Promise<ResultatMoteur> {
  const { database, fermer } = await ouvrirBase(moteur, BASE, serveur);
  try {
    journal(`${moteur} : migrations et données de référence (lieux réels et territoire de démonstration)…`);
    const debutChargement = performance.now();
    await migrate(database);
    const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', RECHERCHE_LIMITE_PAR_MINUTE: '1000000' });
    await chargerReferentiels(database, { referenceDir: config.REFERENCE_DATA_DIR, demo: true });
    const chargement = (performance.now() - debutChargement) / 1000;
    const [lieux] = await rows<{ total: number; cep: number }>(
      database.db,
      sql`SELECT count(*)::int AS total, count(*) FILTER (WHERE r.operateur_cep IS NOT NULL)::int AS cep
        FROM annuaire_site si JOIN annuaire_structure st ON st.id = si.structure_id LEFT JOIN annuaire_reseau r ON r.code = st.reseau_code
        WHERE si.accueil_public AND si.position IS NOT NULL`,
    );
    const [version] = await rows<{ moteur: string }>(database.db, sql`SELECT version() AS moteur`);
    const profils = await genererProfils(database.db);
    const fichier = fichierReglesSchema.parse(JSON.parse(await readFile(path.join(projectRoot, 'data', 'aiguillage', 'regles-nationales.json'), 'utf8')));
    const jeu = compilerRegles(fichier.contenu);
    const ctx = { db: database.db, now: () => new Date() };

    const app = await buildApp({ config, database, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const durees = { moteurSeul: [] as number[], decision: [] as number[], lieuxSeuls: [] as number[], complet: [] as number[], http: [] as number[] };
      const corps = profils.map((p) => JSON.stringify(p));
      for (let tour = -1; tour < tours; tour++) {
        // The first pass warms caches (compiled rules, plans, pages) and is not counted.
        const garder = tour >= 0;
        journal(`${moteur} : passe ${garder ? `${tour + 1}/${tours}` : 'd’échauffement'}…`);
        for (const [i, profil] of profils.entries()) {
          const { decision, commune } = await chronometrer(garder ? durees.decision : [], () => decider(ctx, profil));
          await chronometrer(garder ? durees.moteurSeul : [], () => evaluer(jeu, { ...profil, age: profil.age! }));
          const groupes: GroupeDeReseaux[] = [
            ...decision.operateurs.map((o) => ({ cle: o.type, operateurCep: o.type })),
            ...decision.autres_orientations.map((o) => ({ cle: o.code, reseaux: o.reseaux_annuaire })),
          ];
          const point = { latitude: commune.latitude!, longitude: commune.longitude! };
          await chronometrer(garder ? durees.lieuxSeuls : [], () => findNearestReceptionSites(database.db, point, groupes, LIEUX_PAR_OPERATEUR));
          // The in-process and HTTP answers alternate which goes first, so neither always finds the warmer cache.
          const parHttp = async () => {
            const r = await chronometrer(garder ? durees.http : [], () => poster(agent, port, '/api/v1/aiguillage', corps[i]!));
            if (r.statut !== 200) throw new Error(`POST /api/v1/aiguillage : ${r.statut} ${r.corps.slice(0, 300)}`);
          };
          const enProcessus = () => chronometrer(garder ? durees.complet : [], () => aiguiller(ctx, profil));
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
        lieux: lieux!,
        chargement,
        moteurSeul: statistiques(durees.moteurSeul),
        decision: statistiques(durees.decision),
        lieuxSeuls: statistiques(durees.lieuxSeuls),
        complet: statistiques(durees.complet),
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
  const lignes = [
    ...enteteRapport('npm run bench:aiguillage', dureeTotale),
    `Profils : ${PROFILS} (graine ${GRAINE}), communes tirées au prorata de leur population, toutes les situations ; ${tours} passes mesurées après une passe d’échauffement.`,
    '',
    '| objectif (p95 en processus < 5 ms) | moteur | mesuré | |',
    '| --- | --- | ---: | --- |',
    ...resultats.flatMap((r) => [
      `| décision (commune, règles en vigueur, moteur) | ${r.moteur} | ${ms(r.decision.p95)} ms | ${verdict(r.decision.p95)} |`,
      `| décision et lieux les plus proches | ${r.moteur} | ${ms(r.complet.p95)} ms | ${verdict(r.complet.p95)} |`,
    ]),
    '',
    ...tableauMesures(resultats, (r) => [
      ['moteur de règles seul (jeu compilé)', r.moteurSeul],
      ['décision en processus', r.decision],
      ['lieux les plus proches seuls', r.lieuxSeuls],
      ['réponse complète en processus', r.complet],
      ['réponse complète par HTTP', r.http],
    ]),
    '',
    ...resultats.map(
      (r) =>
        `${r.moteur} (${r.version}) : ${r.lieux.total} lieux d’accueil du public positionnés, dont ${r.lieux.cep} des réseaux des cinq opérateurs du CEP ; ` +
        `migrations et données de référence chargées en ${r.chargement.toFixed(0)} s.`,
    ),
  ];
  return lignes.join('\n');
}

async function ecrireSection(contenu: string): Promise<void> {
  await ecrireSectionPerformance({
    cle: 'aiguillage',
    commande: 'npm run bench:aiguillage',
    titre: 'Aiguillage',
    introduction: 'Commande : `npm run bench:aiguillage` (PGlite en mémoire, puis une base PostgreSQL de BENCH_DATABASE_URL créée puis supprimée).',
    contenu,
  });
  journal('docs/performance.md mis à jour.');
}

async function main(): Promise<void> {
  const debut = performance.now();
  const resultats: ResultatMoteur[] = [];
  for (const moteur of moteurs) resultats.push(await mesurer(moteur));
  const texte = rapport(resultats, (performance.now() - debut) / 1000);
  console.log(`\n${texte}\n`);
  if (ecrire) await ecrireSection(texte);
}

main().catch((erreur: unknown) => {
  console.error(erreur);
  process.exit(1);
});
