/**
 * Login-flood benchmark (quality bar P8): does a flood of sign-in attempts (100 a second, from
 * 400 addresses, unknown accounts and wrong passwords) slow down the searches of a signed-in
 * user? Same application, same database, same run: the search p95 without the flood is the
 * baseline. Also measures a real sign-in against the cost of one scrypt hash, and a failure on an
 * account against one on an address without an account (they must take as long).
 *
 *   npm run bench:connexion                 PostgreSQL (BENCH_DATABASE_URL), writes docs/performance.md
 *   npm run bench:connexion -- --sans-doc   prints only
 *
 * The flood comes from 127.0.1.1 … 127.0.2.144 (the loopback network answers on all of 127/8),
 * each address staying under the per-address limit, so that the hashing bound is what is tested.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import pg from 'pg';
import { chargerReferentiels } from '../../data/charger.js';
import { createDatabase } from '../../src/db/client.js';
import { migrate } from '../../src/db/migrate.js';
import { hacherMotDePasse, verifierMotDePasse } from '../../src/modules/identite/identite.motdepasse.js';
import * as identite from '../../src/modules/identite/identite.repository.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { type Statistiques, statistiques } from './mesure.js';
import { ecrireSectionPerformance } from './section-doc.js';

const BASE = 'trajectoires_bench_connexion';
const serveur = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const ecrire = !process.argv.includes('--sans-doc');
const DEBIT_PAR_SECONDE = 100;
const ADRESSES = 400;
const PAIRES_HACHAGE_CONNEXION = 16;
const RECHERCHES = [
  '/api/v1/services?q=bilan+de+competences&commune=33063&rayon_km=30',
  '/api/v1/services?q=orientation',
  '/api/v1/sites?commune=64445&rayon_km=20',
];
const journal = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

interface Reponse {
  statut: number;
  corps: string;
  cookies: string[];
}

/** One HTTP exchange from a given local address (each address keeps its own connection). */
function envoyer(
  agent: http.Agent,
  port: number,
  options: { methode: string; chemin: string; corps?: string; entetes?: Record<string, string> },
): Promise<Reponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: options.chemin,
        method: options.methode,
        agent,
        headers: { ...(options.corps ? { 'content-type': 'application/json' } : {}), ...options.entetes },
      },
      (res) => {
        const morceaux: Buffer[] = [];
        res.on('data', (m: Buffer) => morceaux.push(m));
        res.on('end', () =>
          resolve({ statut: res.statusCode ?? 0, corps: Buffer.concat(morceaux).toString('utf8'), cookies: res.headers['set-cookie'] ?? [] }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.corps);
  });
}

const cookiesDe = (r: Reponse) => r.cookies.map((c) => c.split(';')[0]).join('; ');

/** A browser-like visitor from one address: fetches its CSRF token, then may sign in. */
class Visiteur {
  readonly agent: http.Agent;
  cookie = '';
  jeton = '';

  constructor(
    readonly port: number,
    adresse: string,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets: 1, localAddress: adresse });
  }

  async preparer(): Promise<void> {
    const r = await envoyer(this.agent, this.port, { methode: 'GET', chemin: '/api/v1/session' });
    this.cookie = cookiesDe(r);
    this.jeton = (JSON.parse(r.corps) as { jeton_csrf: string }).jeton_csrf;
  }

  async connecter(email: string, motDePasse: string): Promise<Reponse> {
    const r = await envoyer(this.agent, this.port, {
      methode: 'POST',
      chemin: '/api/v1/connexion',
      corps: JSON.stringify({ email, mot_de_passe: motDePasse }),
      entetes: { cookie: this.cookie, 'x-csrf-token': this.jeton },
    });
    if (r.statut === 200) this.cookie = [this.cookie, cookiesDe(r)].filter(Boolean).join('; ');
    return r;
  }

  async get(chemin: string): Promise<number> {
    const debut = performance.now();
    const r = await envoyer(this.agent, this.port, { methode: 'GET', chemin, entetes: { cookie: this.cookie } });
    if (r.statut !== 200) throw new Error(`${chemin} : ${r.statut} ${r.corps.slice(0, 200)}`);
    return performance.now() - debut;
  }
}

async function mesurerRecherches(visiteur: Visiteur, tours: number): Promise<Statistiques> {
  const durees: number[] = [];
  for (let i = 0; i < tours; i++) for (const chemin of RECHERCHES) durees.push(await visiteur.get(chemin));
  return statistiques(durees);
}

async function administrer(requete: string): Promise<void> {
  const client = new pg.Client({ connectionString: serveur });
  await client.connect();
  try {
    await client.query(requete);
  } finally {
    await client.end();
  }
}

function urlAvecBase(url: string, base: string): string {
  const u = new URL(url);
  u.pathname = `/${base}`;
  return u.toString();
}

const ms = (v: number) => v.toFixed(1);

async function main(): Promise<void> {
  const debutTotal = performance.now();
  await administrer(`DROP DATABASE IF EXISTS ${BASE} WITH (FORCE)`);
  await administrer(`CREATE DATABASE ${BASE}`);
  const database = await createDatabase({ databaseUrl: urlAvecBase(serveur, BASE), poolSize: 10 });
  try {
    journal('Migrations et données de référence…');
    await migrate(database);
    const config = loadConfig({
      NODE_ENV: 'development',
      LOG_LEVEL: 'silent',
      DATABASE_URL: urlAvecBase(serveur, BASE),
      RECHERCHE_LIMITE_PAR_MINUTE: '1000000',
    });
    await chargerReferentiels(database, { referenceDir: config.REFERENCE_DATA_DIR, demo: true });

    // Accounts at the production cost: what a real sign-in pays.
    const motDePasse = `banc-${randomBytes(12).toString('base64url')}`;
    const hash = await hacherMotDePasse(motDePasse);
    const emails: string[] = [];
    for (let i = 0; i < 20; i++) {
      const email = `banc-${i}@exemple.invalid`;
      await identite.insertUtilisateur(database.db, { type: 'personne', email, prenom: 'Banc', nom: `N°${i}`, motDePasse: hash });
      emails.push(email);
    }
    // One wrong password each, so that no progressive delay applies to the timing of failures.
    const emailsEchec: string[] = [];
    for (let i = 0; i <= PAIRES_HACHAGE_CONNEXION; i++) {
      const email = `banc-echec-${i}@exemple.invalid`;
      await identite.insertUtilisateur(database.db, { type: 'personne', email, prenom: 'Banc', nom: `Échec ${i}`, motDePasse: hash });
      emailsEchec.push(email);
    }

    const app = await buildApp({ config, database, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = app.server.address() as AddressInfo;
    try {
      // One hash alone against one whole sign-in, interleaved so both see the machine alike; the
      // first pair starts the hashing worker and is left out.
      const scrypt: number[] = [];
      const connexions: number[] = [];
      const hacher = async () => {
        const debut = performance.now();
        await verifierMotDePasse(motDePasse, hash);
        return performance.now() - debut;
      };
      const seConnecter = async (i: number) => {
        const v = new Visiteur(port, `127.0.3.${i + 1}`);
        await v.preparer();
        const debut = performance.now();
        const r = await v.connecter(emails[i % 19]!, motDePasse);
        const duree = performance.now() - debut;
        v.agent.destroy();
        if (r.statut !== 200) throw new Error(`connexion : ${r.statut} ${r.corps}`);
        return duree;
      };
      for (let i = 0; i <= PAIRES_HACHAGE_CONNEXION; i++) {
        let h: number;
        let c: number;
        if (i % 2) {
          h = await hacher();
          c = await seConnecter(i);
        } else {
          c = await seConnecter(i);
          h = await hacher();
        }
        if (i === 0) continue;
        scrypt.push(h);
        connexions.push(c);
      }

      // A wrong password on an account against any password on an address without one, interleaved:
      // both must cost one scrypt derivation, so that the duration tells nothing of the address.
      const echecsCompte: number[] = [];
      const echecsInconnue: number[] = [];
      const echouer = async (adresseIp: string, email: string) => {
        const v = new Visiteur(port, adresseIp);
        await v.preparer();
        const debut = performance.now();
        const r = await v.connecter(email, `faux-${randomBytes(6).toString('hex')}`);
        const duree = performance.now() - debut;
        v.agent.destroy();
        if (r.statut !== 401) throw new Error(`échec de connexion : ${r.statut} ${r.corps}`);
        return duree;
      };
      for (let i = 0; i <= PAIRES_HACHAGE_CONNEXION; i++) {
        const compte = () => echouer(`127.0.4.${i + 1}`, emailsEchec[i]!);
        const inconnue = () => echouer(`127.0.5.${i + 1}`, `banc-inconnue-${i}@exemple.invalid`);
        let dureeCompte: number;
        let dureeInconnue: number;
        if (i % 2) {
          dureeCompte = await compte();
          dureeInconnue = await inconnue();
        } else {
          dureeInconnue = await inconnue();
          dureeCompte = await compte();
        }
        if (i === 0) continue;
        echecsCompte.push(dureeCompte);
        echecsInconnue.push(dureeInconnue);
      }

      const utilisateur = new Visiteur(port, '127.0.0.1');
      await utilisateur.preparer();
      if ((await utilisateur.connecter(emails[19]!, motDePasse)).statut !== 200) throw new Error('connexion de l’utilisateur mesuré');
      journal('Recherches sans rafale…');
      await mesurerRecherches(utilisateur, 5);
      const sansRafale = await mesurerRecherches(utilisateur, 60);

      journal(`Rafale de ${DEBIT_PAR_SECONDE} connexions par seconde depuis ${ADRESSES} adresses…`);
      const attaquants = Array.from({ length: ADRESSES }, (_, i) => new Visiteur(port, `127.0.${1 + Math.floor(i / 250)}.${(i % 250) + 1}`));
      await Promise.all(attaquants.map((a) => a.preparer()));
      const statuts = new Map<number, number>();
      const enVol: Promise<void>[] = [];
      let envoyees = 0;
      const rafale = setInterval(() => {
        const attaquant = attaquants[envoyees % ADRESSES]!;
        // Half unknown addresses, half known accounts with a wrong password.
        const email = envoyees % 2 ? `inconnu-${envoyees}@exemple.invalid` : emails[envoyees % 19]!;
        envoyees++;
        enVol.push(
          attaquant.connecter(email, `faux-${envoyees}`).then(
            (r) => void statuts.set(r.statut, (statuts.get(r.statut) ?? 0) + 1),
            () => void statuts.set(0, (statuts.get(0) ?? 0) + 1),
          ),
        );
      }, 1000 / DEBIT_PAR_SECONDE);
      await new Promise((r) => setTimeout(r, 2000));
      const debutRafale = performance.now();
      const avecRafale = await mesurerRecherches(utilisateur, 60);
      const dureeRafale = (performance.now() - debutRafale) / 1000;
      clearInterval(rafale);
      await Promise.all(enVol);
      for (const a of attaquants) a.agent.destroy();
      utilisateur.agent.destroy();

      const stScrypt = statistiques(scrypt);
      const stConnexion = statistiques(connexions);
      const stEchecCompte = statistiques(echecsCompte);
      const stEchecInconnue = statistiques(echecsInconnue);
      const ratioEchecs = stEchecInconnue.p50 / stEchecCompte.p50;
      const ratio = avecRafale.p95 / sansRafale.p95;
      const repartition = [...statuts]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s} : ${n}`)
        .join(', ');
      const lignes = [
        `Mesuré le ${new Date().toISOString().slice(0, 10)}, par \`npm run bench:connexion\` (${((performance.now() - debutTotal) / 60000).toFixed(1)} min en tout), PostgreSQL, application complète sur 127.0.0.1.`,
        '',
        `Machine : ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? '?'}, Node.js ${process.version}.`,
        '',
        '| objectif | mesuré | |',
        '| --- | --- | --- |',
        `| p95 des recherches d’un utilisateur connecté pendant la rafale ≤ 2 × sans rafale | ${ms(avecRafale.p95)} ms / ${ms(sansRafale.p95)} ms = ${ratio.toFixed(2)}× | ${ratio <= 2 ? 'atteint' : '**manqué**'} |`,
        `| p95 d’une connexion ≤ temps d’un hachage scrypt + 50 ms | ${ms(stConnexion.p95)} ms ≤ ${ms(stScrypt.p95)} + 50 ms | ${stConnexion.p95 <= stScrypt.p95 + 50 ? 'atteint' : '**manqué**'} |`,
        `| p50 d’un échec sur une adresse sans compte / sur un compte, entre 0,9 et 1,1 | ${ms(stEchecInconnue.p50)} ms / ${ms(stEchecCompte.p50)} ms = ${ratioEchecs.toFixed(2)} | ${ratioEchecs >= 0.9 && ratioEchecs <= 1.1 ? 'atteint' : '**manqué**'} |`,
        '',
        '| mesure | n | p50 | p95 | p99 |',
        '| --- | ---: | ---: | ---: | ---: |',
        `| recherches, sans rafale | ${sansRafale.n} | ${ms(sansRafale.p50)} | ${ms(sansRafale.p95)} | ${ms(sansRafale.p99)} |`,
        `| recherches, pendant la rafale | ${avecRafale.n} | ${ms(avecRafale.p50)} | ${ms(avecRafale.p95)} | ${ms(avecRafale.p99)} |`,
        `| hachage scrypt seul (N = 2^17, r = 8, p = 1) | ${stScrypt.n} | ${ms(stScrypt.p50)} | ${ms(stScrypt.p95)} | ${ms(stScrypt.p99)} |`,
        `| connexion réussie par HTTP (sans rafale) | ${stConnexion.n} | ${ms(stConnexion.p50)} | ${ms(stConnexion.p95)} | ${ms(stConnexion.p99)} |`,
        `| mauvais mot de passe sur un compte, par HTTP | ${stEchecCompte.n} | ${ms(stEchecCompte.p50)} | ${ms(stEchecCompte.p95)} | ${ms(stEchecCompte.p99)} |`,
        `| adresse sans compte, par HTTP | ${stEchecInconnue.n} | ${ms(stEchecInconnue.p50)} | ${ms(stEchecInconnue.p95)} | ${ms(stEchecInconnue.p99)} |`,
        '',
        `Rafale : ${envoyees} tentatives en ${(dureeRafale + 2).toFixed(1)} s ; réponses par statut — ${repartition} ` +
          '(401 : identifiants refusés après hachage ; 429 : délai progressif ou verrou de l’adresse ; 503 : file de hachage pleine, refus immédiat).',
      ];
      console.log(`\n${lignes.join('\n')}\n`);
      if (ecrire) await ecrireSection(lignes.join('\n'));
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    await administrer(`DROP DATABASE IF EXISTS ${BASE} WITH (FORCE)`);
  }
}

async function ecrireSection(contenu: string): Promise<void> {
  await ecrireSectionPerformance({
    cle: 'connexion',
    commande: 'npm run bench:connexion',
    titre: 'Connexion sous rafale',
    introduction: 'Commande : `npm run bench:connexion` (base PostgreSQL de BENCH_DATABASE_URL, créée puis supprimée).',
    contenu,
  });
  journal('docs/performance.md mis à jour.');
}

main().catch((erreur: unknown) => {
  console.error(erreur);
  process.exit(1);
});
