import type { Db } from '../db/client.js';

/** What a service needs from the request: the database and the clock (injected for tests). */
export interface ServiceContext {
  db: Db;
  now: () => Date;
}
