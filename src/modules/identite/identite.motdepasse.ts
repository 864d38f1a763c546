import { randomBytes, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as dictionnaireCommun } from '@zxcvbn-ts/language-common';
import { dictionary as dictionnaireFr, translations as traductionsFr } from '@zxcvbn-ts/language-fr';
import { creerLimiteur } from '../../shared/limiteur.js';
import { motsDe, normaliserTexte } from '../../shared/texte.js';
import { AppError } from '../../shared/erreurs.js';
import { connexionSaturee } from './identite.errors.js';

export type ParametresScrypt = { log2N: number; r: number; p: number };

/** Production cost of scrypt: N = 2^17, r = 8, p = 1 (128 MiB, a few hundred ms per hash). */
export const PARAMETRES_SCRYPT: Readonly<ParametresScrypt> = Object.freeze({ log2N: 17, r: 8, p: 1 });

export const LONGUEUR_MAX_MOT_DE_PASSE = 256;
const LONGUEUR_MIN = 12;
const LONGUEUR_MIN_ADMINISTRATEUR = 16;
const OCTETS_SEL = 16;
const OCTETS_CLE = 32;

const BASE64 = '[A-Za-z0-9+/]+={0,2}';
const FORMAT_STOCKE = new RegExp(`^scrypt\\$(\\d{1,2})\\$(\\d{1,3})\\$(\\d{1,3})\\$(${BASE64})\\$(${BASE64})$`);

// NIST SP 800-63B (5.1.1.2): the same password typed on two systems may reach us composed or
// decomposed ("é" as one or two code points); NFKC makes both hash alike.
function normaliser(motDePasse: string): string {
  return motDePasse.normalize('NFKC');
}

// Each hash takes 128 MiB and a core for a few hundred ms. Hashing on every core but one leaves
// that core to signed-in users (measured: with both cores of a 2-core machine hashing, a login
// flood made searches 8× slower), and a flood beyond the queue is refused at once.
const HACHAGES_SIMULTANES = Math.max(1, availableParallelism() - 1);
const limiteurScrypt = creerLimiteur({ simultanes: HACHAGES_SIMULTANES, fileMax: 32, saturation: connexionSaturee });

// Hashes run in worker threads that lower their own scheduling priority (nice 10: on Linux the
// value is per thread): an idle machine still hashes at full speed, but under a login flood the
// scheduler serves signed-in users' requests and the database first. Plain JavaScript evaluated
// as CommonJS, so the worker needs no TypeScript loader, under tsx or under the test runner.
const CODE_TRAVAILLEUR = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
try { require('node:os').setPriority(10); } catch {}
parentPort.on('message', ({ motDePasse, sel, octets, options }) => {
  try {
    parentPort.postMessage({ cle: scryptSync(motDePasse, Buffer.from(sel), octets, options) });
  } catch (erreur) {
    parentPort.postMessage({ erreur: String(erreur && erreur.message) });
  }
});`;

const travailleursLibres: Worker[] = [];

function travailleur(): Worker {
  const libre = travailleursLibres.pop();
  if (libre) return libre;
  const nouveau = new Worker(CODE_TRAVAILLEUR, { eval: true, name: 'hachage-mot-de-passe' });
  // An idle worker must not keep a command or a test run alive.
  nouveau.unref();
  return nouveau;
}

function hacherDansUnTravailleur(motDePasse: string, sel: Buffer, octets: number, options: ScryptOptions): Promise<Buffer> {
  const w = travailleur();
  return new Promise<Buffer>((resolve, reject) => {
    const surMessage = (reponse: { cle?: Uint8Array; erreur?: string }) => {
      w.off('error', surPanne);
      travailleursLibres.push(w);
      if (reponse.cle) resolve(Buffer.from(reponse.cle));
      else reject(new Error(reponse.erreur ?? 'hachage impossible'));
    };
    // A worker that dies (out of memory) is dropped; the next hash starts a fresh one.
    const surPanne = (erreur: Error) => {
      w.off('message', surMessage);
      reject(erreur);
    };
    w.once('message', surMessage);
    w.once('error', surPanne);
    w.postMessage({ motDePasse, sel, octets, options });
  });
}

function deriver(motDePasse: string, sel: Buffer, { log2N, r, p }: ParametresScrypt, octets: number): Promise<Buffer> {
  const N = 2 ** log2N;
  const options: ScryptOptions = { N, r, p, maxmem: 128 * N * r * 2 };
  return limiteurScrypt.executer(() => hacherDansUnTravailleur(normaliser(motDePasse), sel, octets, options));
}

type Stocke = { parametres: ParametresScrypt; sel: Buffer; hash: Buffer };

// Bounds refuse a tampered or corrupted row before scrypt is asked for gigabytes of memory.
function lire(stocke: string): Stocke | null {
  const m = FORMAT_STOCKE.exec(stocke);
  if (!m) return null;
  const parametres = { log2N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  const sel = Buffer.from(m[4]!, 'base64');
  const hash = Buffer.from(m[5]!, 'base64');
  const { log2N, r, p } = parametres;
  if (log2N < 1 || log2N > 20 || r < 1 || r > 32 || p < 1 || p > 16) return null;
  if (sel.length < OCTETS_SEL || hash.length < 16 || hash.length > 64) return null;
  return { parametres, sel, hash };
}

/**
 * Hashes a password with scrypt into `scrypt$<log2N>$<r>$<p>$<salt>$<hash>` (base64).
 * `coutReduitHorsProduction` lowers the cost for tests and demo seeding only.
 */
export async function hacherMotDePasse(motDePasse: string, options: { coutReduitHorsProduction?: Partial<ParametresScrypt> } = {}): Promise<string> {
  const parametres = { ...PARAMETRES_SCRYPT, ...options.coutReduitHorsProduction };
  const sel = randomBytes(OCTETS_SEL);
  const hash = await deriver(motDePasse, sel, parametres, OCTETS_CLE);
  const { log2N, r, p } = parametres;
  return `scrypt$${log2N}$${r}$${p}$${sel.toString('base64')}$${hash.toString('base64')}`;
}

/** Checks a password against a stored hash in constant time; false for any malformed hash. */
export async function verifierMotDePasse(motDePasse: string, stocke: string): Promise<boolean> {
  const lu = lire(stocke);
  if (!lu) return false;
  try {
    const hash = await deriver(motDePasse, lu.sel, lu.parametres, lu.hash.length);
    return timingSafeEqual(hash, lu.hash);
  } catch (erreur) {
    // Saturation is no answer about the password: it must not count as a failed attempt.
    if (erreur instanceof AppError) throw erreur;
    return false;
  }
}

/** True when a stored hash is malformed or cheaper than `PARAMETRES_SCRYPT`: rehash it at the next login. */
export function doitEtreRehache(stocke: string): boolean {
  const lu = lire(stocke);
  if (!lu) return true;
  const { log2N, r, p } = lu.parametres;
  return log2N < PARAMETRES_SCRYPT.log2N || r < PARAMETRES_SCRYPT.r || p < PARAMETRES_SCRYPT.p;
}

// Built once: loading the dictionaries takes about 100 ms. The l33t substitutions and the length
// looked at are capped because a random 256-character input otherwise costs seconds of CPU on a
// public form; 100 characters that zxcvbn finds weak are weak whatever follows.
const zxcvbn = new ZxcvbnFactory({
  translations: traductionsFr,
  graphs: adjacencyGraphs,
  dictionary: { ...dictionnaireCommun, ...dictionnaireFr },
  maxLength: 100,
  l33tMaxSubstitutions: 10,
});

// Fragments shorter than 3 letters ("Li", "jo") would refuse passwords by coincidence.
function elementsPersonnels(contexte: string[]): string[] {
  return contexte.flatMap((valeur) => motsDe(valeur.split('@')[0] ?? '')).filter((mot) => mot.length >= 3);
}

function sansPointFinal(texte: string): string {
  return texte.replace(/\.$/, '');
}

/**
 * Password policy of the CNIL (2022) and ANSSI: length and unpredictability, no composition rule.
 * Returns the problems in French, each saying what to do; an empty list means accepted.
 * `contexte` holds the account's email, last name and first name.
 */
export function evaluerMotDePasse(motDePasse: string, { administrateur, contexte }: { administrateur: boolean; contexte: string[] }): string[] {
  const problemes: string[] = [];
  const longueur = [...normaliser(motDePasse)].length;
  const minimum = administrateur ? LONGUEUR_MIN_ADMINISTRATEUR : LONGUEUR_MIN;
  const compact = normaliserTexte(motDePasse).replaceAll(' ', '');
  if (elementsPersonnels(contexte).some((element) => compact.includes(element))) {
    problemes.push('Retirez de votre mot de passe votre nom, votre prénom et votre adresse électronique : ils sont faciles à deviner.');
  }
  if (longueur < minimum) {
    problemes.push(
      `Choisissez un mot de passe d’au moins ${minimum} caractères${administrateur ? ' (compte d’administration)' : ''} ; une phrase de plusieurs mots est plus facile à retenir.`,
    );
  } else if (longueur > LONGUEUR_MAX_MOT_DE_PASSE) {
    problemes.push(`Choisissez un mot de passe de ${LONGUEUR_MAX_MOT_DE_PASSE} caractères au plus.`);
  } else {
    const { score, feedback } = zxcvbn.check(motDePasse, contexte);
    if (score < 3) {
      const avertissement = feedback.warning ? ` (${sansPointFinal(feedback.warning)})` : '';
      const conseils = feedback.suggestions.length > 0 ? feedback.suggestions : ['Ajoutez des mots moins courants.'];
      problemes.push(`Ce mot de passe est trop facile à deviner${avertissement}. ${conseils.join(' ')}`);
    }
  }
  return problemes;
}
