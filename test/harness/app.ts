import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/client.js';
import { buildApp } from '../../src/server/app.js';
import type { Config } from '../../src/server/config.js';
import { creerBaseDeTest } from './base.js';
import { configDeTest } from './config.js';

export interface AppDeTest {
  app: FastifyInstance;
  database: Database;
  config: Config;
  close(): Promise<void>;
}

/** The whole application over a fresh test database; variables as in the environment (strings, over ENV_DE_TEST), clock injectable. */
export async function creerAppDeTest(env: Record<string, string> = {}, options: { now?: () => Date } = {}): Promise<AppDeTest> {
  const database = await creerBaseDeTest();
  const config = configDeTest(env);
  const app = await buildApp({ config, database, logger: false, ...(options.now ? { now: options.now } : {}) });
  await app.ready();
  return {
    app,
    database,
    config,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
