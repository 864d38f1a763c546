/**
 * Errors meaning the database went away (restart, failover, a pooler's idle timeout), not that the
 * statement was wrong: the request may succeed once PostgreSQL is back, so it is answered 503.
 */

// SQLSTATE class 08 (connection exception) and 57P01–57P03 (admin shutdown, crash shutdown,
// cannot connect now).
const ETATS_SQL = /^(08|57P0[123])/;
const CODES_RESEAU = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);
// node-postgres reports a socket closed under a client by message only.
const MESSAGES = [/^Connection terminated/, /^Client has encountered a connection error/];

/** True when `erreur`, or one of its causes (Drizzle wraps the driver's error), is a lost connection. */
export function estConnexionPerdue(erreur: unknown): boolean {
  for (let e: unknown = erreur, profondeur = 0; e instanceof Error && profondeur < 5; e = e.cause, profondeur++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (ETATS_SQL.test(code) || CODES_RESEAU.has(code))) return true;
    if (MESSAGES.some((m) => m.test(e.message))) return true;
  }
  return false;
}
