import { construireImagePglite } from './base.js';

// Runs in vitest's main process, where the project's env is not applied: the engine is explicit.
export default async function setup(): Promise<void> {
  await construireImagePglite();
}
