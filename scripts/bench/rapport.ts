import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../src/shared/config.js';
import type { Statistiques } from './mesure.js';

export interface ResultatMoteur {
  moteur: 'postgresql' | 'pglite';
  version: string;
  volumes: { services: number; sites: number; structures: number; lexique: number };
  temps: Record<string, number>;
  tours: number;
  dureeMesure: number;
  requetes: number;
  api: Statistiques;
  sqlTout: Statistiques;
  sqlRecherche: Statistiques;
  categories: { categorie: string; requetes: number; instructions: number; api: Statistiques; sqlTout: Statistiques; sqlRecherche: Statistiques }[];
  parRequete: { url: string; categorie: string; api: Statistiques; sqlRecherche: Statistiques }[];
  plans: { url: string; plan: string }[];
  /** The same mix sent by several clients at once (PostgreSQL): API, and SQL through node-pg. */
  concurrence?: { clients: number; api: Statistiques; sql: Statistiques } | undefined;
  /** Load average (1 min) of the machine when the measures began and ended. */
  charge: { debut: number; fin: number };
}

export interface Rapport {
  date: string;
  commande: string;
  machine: { cpu: string; memoire: string; systeme: string; node: string; pglite: string };
  options: { services: number; sites: number; graine: number; tours: number; echauffement: number };
  resultats: ResultatMoteur[];
  dureeTotale: number;
}

const ms = (v: number) => (Number.isNaN(v) ? '—' : v.toFixed(1));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : '—');
const nombre = (n: number) => n.toLocaleString('fr-FR').replace(/\u202f/g, ' ');
const nomMoteur = (m: ResultatMoteur['moteur']) => (m === 'postgresql' ? 'PostgreSQL' : 'PGlite');

/** P1: the API within 1.5× the same SQL (or within +3 ms when the SQL p95 is under 5 ms). */
export function dansLeRatio(api: number, sql: number): boolean {
  return api <= 1.5 * sql || (sql < 5 && api - sql <= 3);
}

export function objectifs(r: Rapport) {
  const pg = r.resultats.find((x) => x.moteur === 'postgresql');
  const lite = r.resultats.find((x) => x.moteur === 'pglite');
  const lignes: { objectif: string; mesure: string; atteint: boolean }[] = [];
  for (const x of r.resultats) {
    lignes.push({
      objectif: `${nomMoteur(x.moteur)} : p95 API ≤ 1,5 × p95 du SQL de l’appel (toutes ses requêtes)`,
      mesure: `${ms(x.api.p95)} ms / ${ms(x.sqlTout.p95)} ms = ${ratio(x.api.p95, x.sqlTout.p95)}`,
      atteint: dansLeRatio(x.api.p95, x.sqlTout.p95),
    });
    lignes.push({
      objectif: `${nomMoteur(x.moteur)} : p95 API ≤ 1,5 × p95 de la seule requête de recherche`,
      mesure: `${ms(x.api.p95)} ms / ${ms(x.sqlRecherche.p95)} ms = ${ratio(x.api.p95, x.sqlRecherche.p95)}`,
      atteint: dansLeRatio(x.api.p95, x.sqlRecherche.p95),
    });
  }
  const simultane = pg?.concurrence;
  if (simultane) {
    lignes.push({
      objectif: `PostgreSQL, ${simultane.clients} clients simultanés : p95 API ≤ 1,5 × p95 du SQL de l’appel (node-pg, ${simultane.clients} clients)`,
      mesure: `${ms(simultane.api.p95)} ms / ${ms(simultane.sql.p95)} ms = ${ratio(simultane.api.p95, simultane.sql.p95)}`,
      atteint: dansLeRatio(simultane.api.p95, simultane.sql.p95),
    });
  }
  if (pg) lignes.push({ objectif: 'PostgreSQL : p95 API < 50 ms', mesure: `${ms(pg.api.p95)} ms`, atteint: pg.api.p95 < 50 });
  if (lite) lignes.push({ objectif: 'PGlite : p95 API < 100 ms', mesure: `${ms(lite.api.p95)} ms`, atteint: lite.api.p95 < 100 });
  if (pg && lite) {
    lignes.push({
      objectif: 'PGlite ≤ 2 × PostgreSQL (p95 API)',
      mesure: `${ms(lite.api.p95)} ms / ${ms(pg.api.p95)} ms = ${ratio(lite.api.p95, pg.api.p95)}`,
      atteint: lite.api.p95 <= 2 * pg.api.p95,
    });
  }
  return lignes;
}

const plusLentes = (x: ResultatMoteur, n = 5) => [...x.parRequete].sort((a, b) => b.api.p95 - a.api.p95).slice(0, n);

const arrondir = (s: Statistiques) => ({ n: s.n, p50: +ms(s.p50), p95: +ms(s.p95), p99: +ms(s.p99), moyenne: +ms(s.moyenne) });

export function imprimer(r: Rapport): void {
  for (const x of r.resultats) {
    console.log(
      `\n${nomMoteur(x.moteur)} — ${nombre(x.volumes.services)} services, ${nombre(x.volumes.sites)} lieux, ${x.tours} passes × ${x.requetes} recherches`,
    );
    console.table({
      'API (HTTP)': arrondir(x.api),
      'SQL de l’appel': arrondir(x.sqlTout),
      'SQL recherche seule': arrondir(x.sqlRecherche),
      ...(x.concurrence
        ? {
            [`API, ${x.concurrence.clients} clients`]: arrondir(x.concurrence.api),
            [`SQL, ${x.concurrence.clients} clients`]: arrondir(x.concurrence.sql),
          }
        : {}),
    });
    console.table(
      Object.fromEntries(
        x.categories.map((c) => [
          c.categorie,
          {
            'API p50': +ms(c.api.p50),
            'API p95': +ms(c.api.p95),
            'SQL p50': +ms(c.sqlTout.p50),
            'SQL p95': +ms(c.sqlTout.p95),
            'recherche p95': +ms(c.sqlRecherche.p95),
            'API/SQL p95': ratio(c.api.p95, c.sqlTout.p95),
          },
        ]),
      ),
    );
    console.log('Les plus lentes (p95 de l’API, ms)');
    for (const q of plusLentes(x, 15)) console.log(`  ${ms(q.api.p50).padStart(6)} ${ms(q.api.p95).padStart(6)}  ${q.url}`);
    for (const p of x.plans) console.log(`\nEXPLAIN ANALYZE — ${p.url}\n${p.plan}`);
  }
  console.log('\nObjectifs');
  for (const o of objectifs(r)) console.log(`  ${o.atteint ? 'atteint ' : 'MANQUÉ  '} ${o.objectif} : ${o.mesure}`);
}

const DEBUT = '<!-- resultats-banc-recherche:debut (écrit par npm run bench) -->';
const FIN = '<!-- resultats-banc-recherche:fin -->';

function markdown(r: Rapport): string {
  const l: string[] = [];
  l.push(`Mesuré le ${r.date}, par \`${r.commande}\` (${(r.dureeTotale / 60000).toFixed(1)} min en tout).`);
  l.push('');
  l.push(`Machine : ${r.machine.cpu}, ${r.machine.memoire}, ${r.machine.systeme}, Node.js ${r.machine.node}, PGlite ${r.machine.pglite}.`);
  for (const x of r.resultats) l.push(`${nomMoteur(x.moteur)} : ${x.version.split(',')[0]}.`);
  l.push(
    `Charge moyenne de la machine (1 min, ${r.machine.cpu.split(' ')[0]} cœurs) pendant les mesures : ` +
      r.resultats.map((x) => `${nomMoteur(x.moteur)} ${x.charge.debut.toFixed(1)} → ${x.charge.fin.toFixed(1)}`).join(', ') +
      '.',
  );
  l.push('');
  const premier = r.resultats[0];
  if (premier) {
    l.push(
      `Données : ${nombre(r.options.services)} services sur ${nombre(r.options.sites)} lieux synthétiques (graine ${r.options.graine}) ajoutés aux données réelles, ` +
        `soit ${nombre(premier.volumes.services)} services, ${nombre(premier.volumes.sites)} lieux, ${nombre(premier.volumes.structures)} structures, ` +
        `${nombre(premier.volumes.lexique)} mots au lexique. Mélange de ${premier.requetes} recherches, ${r.options.echauffement} passes d’échauffement écartées, ` +
        `puis ${premier.tours} passes mesurées (requêtes séquentielles, une connexion keep-alive).` +
        (premier.concurrence
          ? ` Puis, sur PostgreSQL, ${premier.concurrence.clients} clients simultanés parcourent chacun le mélange dans leur ordre, API puis SQL par node-pg en alternance (${nombre(premier.concurrence.api.n)} recherches de chaque).`
          : ''),
    );
  }
  l.push('');
  l.push('### Objectifs');
  l.push('');
  l.push('| objectif | mesuré | |');
  l.push('| --- | --- | --- |');
  for (const o of objectifs(r)) l.push(`| ${o.objectif} | ${o.mesure} | ${o.atteint ? 'atteint' : '**manqué**'} |`);
  l.push('');
  l.push('### Latences (ms)');
  l.push('');
  l.push('| moteur | mesure | n | p50 | p95 | p99 | moyenne |');
  l.push('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const x of r.resultats) {
    const mesures: [string, Statistiques][] = [
      ['API (HTTP)', x.api],
      ['SQL de l’appel', x.sqlTout],
      ['SQL recherche seule', x.sqlRecherche],
    ];
    if (x.concurrence) {
      mesures.push([`API, ${x.concurrence.clients} clients simultanés`, x.concurrence.api]);
      mesures.push([`SQL de l’appel (node-pg), ${x.concurrence.clients} clients simultanés`, x.concurrence.sql]);
    }
    for (const [nom, s] of mesures) {
      l.push(`| ${nomMoteur(x.moteur)} | ${nom} | ${s.n} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.moyenne)} |`);
    }
  }
  l.push('');
  l.push('### Par sorte de recherche (ms)');
  for (const x of r.resultats) {
    l.push('');
    l.push(`${nomMoteur(x.moteur)} :`);
    l.push('');
    l.push(
      '| recherche | requêtes du mélange | requêtes SQL par appel | API p50 | API p95 | SQL de l’appel p50 | SQL de l’appel p95 | recherche seule p95 | API/SQL p95 |',
    );
    l.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const c of x.categories) {
      l.push(
        `| ${c.categorie} | ${c.requetes} | ${c.instructions} | ${ms(c.api.p50)} | ${ms(c.api.p95)} | ${ms(c.sqlTout.p50)} | ${ms(c.sqlTout.p95)} | ${ms(c.sqlRecherche.p95)} | ${ratio(c.api.p95, c.sqlTout.p95)} |`,
      );
    }
  }
  l.push('');
  l.push('### Les recherches les plus lentes (p95 de l’API)');
  for (const x of r.resultats) {
    l.push('');
    l.push(`${nomMoteur(x.moteur)} :`);
    l.push('');
    l.push('| requête | API p50 | API p95 | recherche seule p50 |');
    l.push('| --- | ---: | ---: | ---: |');
    for (const q of plusLentes(x)) {
      l.push(`| \`${q.url}\` | ${ms(q.api.p50)} | ${ms(q.api.p95)} | ${ms(q.sqlRecherche.p50)} |`);
    }
  }
  l.push('');
  l.push('### Chargement');
  l.push('');
  l.push('| moteur | référentiels réels | génération | insertion | lexique | ANALYZE |');
  l.push('| --- | ---: | ---: | ---: | ---: | ---: |');
  const s = (v: number | undefined) => (v === undefined ? '—' : `${(v / 1000).toFixed(1)} s`);
  for (const x of r.resultats) {
    l.push(
      `| ${nomMoteur(x.moteur)} | ${s(x.temps.referentiels)} | ${s(x.temps.generation)} | ${s(x.temps.insertion)} | ${s(x.temps.lexique)} | ${s(x.temps.analyze)} |`,
    );
  }
  return l.join('\n');
}

const ENTETE = `# Performances

Mesures reproductibles de la plateforme. Chaque chiffre est donné avec sa commande, sa date et sa
machine ; les objectifs viennent des barres de qualité du projet (recherche dans l’annuaire).

## Recherche dans l’annuaire

`;

/** Writes the generated figures between their markers in docs/performance.md, leaving the rest of the page as it is. */
export async function ecrireDoc(r: Rapport): Promise<string> {
  const fichier = path.join(projectRoot, 'docs', 'performance.md');
  let texte: string;
  try {
    texte = await readFile(fichier, 'utf8');
  } catch {
    texte = `${ENTETE}${DEBUT}\n${FIN}\n`;
  }
  const debut = texte.indexOf(DEBUT);
  const fin = texte.indexOf(FIN);
  const bloc = `${DEBUT}\n${markdown(r)}\n${FIN}`;
  texte = debut >= 0 && fin > debut ? texte.slice(0, debut) + bloc + texte.slice(fin + FIN.length) : `${texte.trimEnd()}\n\n${bloc}\n`;
  await writeFile(fichier, texte);
  return fichier;
}
