import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import { type Browser, chromium, type Page, type Response } from 'playwright-core';
import { build } from 'vite';
import { expect } from 'vitest';
import { projectRoot } from '../../src/shared/config.js';
import { type AppDeTest, creerAppDeTest } from '../harness/app.js';

const web = path.join(projectRoot, 'web');
const indexConstruit = path.join(web, 'dist', 'index.html');

function dateLaPlusRecente(chemin: string): number {
  const s = statSync(chemin);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(chemin).reduce((max, nom) => Math.max(max, dateLaPlusRecente(path.join(chemin, nom))), s.mtimeMs);
}

/** Builds the front when web/dist is missing or older than its sources (the server serves web/dist). */
export async function construireFrontSiNecessaire(): Promise<void> {
  let construit = 0;
  try {
    construit = statSync(indexConstruit).mtimeMs;
  } catch {
    // not built yet
  }
  const sources = Math.max(
    dateLaPlusRecente(path.join(web, 'src')),
    dateLaPlusRecente(path.join(web, 'index.html')),
    dateLaPlusRecente(path.join(web, 'vite.config.ts')),
  );
  if (construit > sources) return;
  // The test runner sets NODE_ENV=test, which would make Vite bundle React's development build.
  const avant = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: path.join(web, 'vite.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = avant;
  }
}

export interface Parcours {
  app: AppDeTest;
  navigateur: Browser;
  base: string;
  fermer(): Promise<void>;
}

/** The real application on a fresh test database, listening on a free port, and a headless Chromium. */
export async function demarrerParcours(env: Record<string, string> = {}): Promise<Parcours> {
  await construireFrontSiNecessaire();
  const app = await creerAppDeTest(env);
  await app.app.listen({ port: 0, host: '127.0.0.1' });
  const adresse = app.app.server.address();
  if (!adresse || typeof adresse === 'string') throw new Error('adresse d’écoute inattendue');
  const navigateur = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    app,
    navigateur,
    base: `http://127.0.0.1:${adresse.port}`,
    async fermer() {
      await navigateur.close();
      await app.close();
    },
  };
}

/** A new page that fails the test on any script error or Content-Security-Policy refusal. */
export async function nouvellePage(parcours: Parcours, options: { largeur?: number; hauteur?: number } = {}): Promise<{ page: Page; erreurs: string[] }> {
  const contexte = await parcours.navigateur.newContext({
    viewport: { width: options.largeur ?? 1280, height: options.hauteur ?? 900 },
    locale: 'fr-FR',
    baseURL: parcours.base,
  });
  const page = await contexte.newPage();
  const erreurs: string[] = [];
  page.on('pageerror', (e) => erreurs.push(`erreur de script : ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') erreurs.push(`console : ${m.text()}`);
  });
  return { page, erreurs };
}

/** axe-core on the page as it is now: no violation allowed, whatever its impact. */
export async function verifierAccessibilite(page: Page): Promise<void> {
  // A dialog or panel still fading in has its text at partial opacity: axe would judge the
  // contrast of a frame of the transition. Finite animations are let finish (2 s at most).
  await page.evaluate(() =>
    Promise.race([
      Promise.all(
        document
          .getAnimations()
          .filter((a) => a.effect?.getTiming().iterations !== Infinity)
          .map((a) => a.finished.catch(() => undefined)),
      ),
      new Promise((resolve) => setTimeout(resolve, 2000)),
    ]),
  );
  // A page whose code or data is still on its way shows only its loading notice (no heading
  // yet): axe judges the page once it is there.
  await page.waitForFunction(() => document.querySelector('.trj-chargement') === null, undefined, { timeout: 5000 }).catch(() => undefined);
  await page.evaluate(axe.source);
  const resultat = await page.evaluate(async () => {
    const r = await (window as unknown as { axe: typeof axe }).axe.run(document);
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      aide: v.help,
      cibles: v.nodes.map((n) => `${n.target.join(' ')} → ${n.failureSummary ?? ''}`),
    }));
  });
  expect(resultat, `violations axe sur ${page.url()}`).toEqual([]);
}

/** Description of the focused element: `tag|label`, the label being its <label>, aria-label or text. */
export async function focus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const id = el.id;
    const label = id ? document.querySelector(`label[for="${CSS.escape(id)}"]`)?.textContent : null;
    return `${el.tagName.toLowerCase()}|${(label ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ')}`;
  });
}

/** Presses Tab until the focus reaches an element whose description matches; returns that description. */
export async function tabulerJusqua(page: Page, motif: RegExp, maximum = 80): Promise<string> {
  for (let i = 0; i < maximum; i++) {
    await page.keyboard.press('Tab');
    const courant = await focus(page);
    if (motif.test(courant)) return courant;
  }
  throw new Error(`focus jamais atteint en ${maximum} tabulations : ${motif}`);
}

/** A phone layout must not scroll sideways. */
export async function sansDefilementHorizontal(page: Page): Promise<void> {
  const largeurs = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, fenetre: window.innerWidth }));
  expect(largeurs.document).toBeLessThanOrEqual(largeurs.fenetre);
}

/** Records the JavaScript a page downloads from now on; the function returned sums what came over the network. */
export function relevesJavaScript(page: Page): () => Promise<{ octets: number; encodages: string[] }> {
  const reponses: Response[] = [];
  page.on('response', (r) => {
    if (/\.m?js$/.test(new URL(r.url()).pathname)) reponses.push(r);
  });
  return async () => {
    // responseBodySize is the body as transferred, that is compressed when the server compressed it.
    const tailles = await Promise.all(reponses.map(async (r) => (await r.request().sizes()).responseBodySize));
    return { octets: tailles.reduce((a, b) => a + b, 0), encodages: [...new Set(reponses.map((r) => r.headers()['content-encoding'] ?? 'aucun'))] };
  };
}
