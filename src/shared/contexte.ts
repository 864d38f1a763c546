import type { Db } from '../db/client.js';
import type { Acteur } from './acteur.js';
import type { Messagerie } from './messagerie.js';

/** What a service needs from the request: the database, the clock (injected for tests), who calls and from where. */
export interface ServiceContext {
  db: Db;
  now: () => Date;
  acteur: Acteur;
  /** The caller's address, for the audit trail and rate limits. */
  ip: string | null;
  agentUtilisateur: string | null;
  messagerie: Messagerie;
}
