import { construireImagePglite } from './base.js';

// Every project on PGlite (db-pglite, e2e) names this setup; vitest runs each project's setup in
// its one main process, so the image is built once per run and the second project awaits the first.
const cle = Symbol.for('trajectoires.imagePglite');
const memoire = globalThis as { [cle]?: Promise<void> };

// Runs in vitest's main process, where the project's env is not applied: the engine is explicit.
export default async function setup(): Promise<void> {
  memoire[cle] ??= construireImagePglite();
  await memoire[cle];
}
