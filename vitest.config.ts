import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig, type TestProjectConfiguration } from 'vitest/config';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const unitaires = ['src/**/*.test.ts', 'data/**/*.test.ts', 'scripts/**/*.test.ts', 'test/**/*.test.ts'];
const surBase = ['src/**/*.db.test.ts', 'data/**/*.db.test.ts', 'scripts/**/*.db.test.ts', 'test/**/*.db.test.ts'];
const navigateur = ['test/e2e/**/*.e2e.test.ts'];

const projets: TestProjectConfiguration[] = [
  // Password hashing runs at its production cost in a few unit tests: seconds on a busy machine.
  { test: { name: 'unit', include: unitaires, exclude: [...surBase, ...navigateur, 'node_modules/**'], testTimeout: 30_000 } },
  {
    test: {
      name: 'db-pglite',
      include: surBase,
      env: { TEST_ENGINE: 'pglite' },
      globalSetup: ['test/harness/global-setup.pglite.ts'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  },
];
if (process.env.TEST_DATABASE_URL) {
  projets.push({
    test: {
      name: 'db-postgresql',
      include: surBase,
      env: { TEST_ENGINE: 'postgresql' },
      globalSetup: ['test/harness/global-setup.postgresql.ts'],
      testTimeout: 60_000,
      hookTimeout: 120_000,
    },
  });
}
if (existsSync(chromium)) {
  projets.push({
    test: {
      name: 'e2e',
      include: navigateur,
      env: { TEST_ENGINE: 'pglite', CHROMIUM_PATH: chromium },
      globalSetup: ['test/harness/global-setup.pglite.ts'],
      testTimeout: 90_000,
      hookTimeout: 180_000,
      fileParallelism: false,
    },
  });
} else {
  console.warn(`Chromium introuvable (${chromium}) : les parcours navigateur ne sont pas lancés. Installez le paquet Debian chromium.`);
}

// One worker per core: vitest's default leaves one core to its main process, which only waits on
// the workers, so a 2-core CI machine ran every test file one after the other.
export default defineConfig({
  test: { projects: projets, pool: 'forks', maxWorkers: availableParallelism(), reporters: ['default', './test/harness/duree-par-projet.ts'] },
});
