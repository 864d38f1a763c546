import type { FastifyRequest } from 'fastify';
import type { LoggerOptions } from 'pino';

// What the logs keep of a request and of an error: enough to find the failing code and its kind
// of failure, never a value a person or a client gave (names, notes, passwords, secrets).

const MASQUE = '***';

// Secrets that travel in URLs: an invitation link's token, an identity provider's code and state.
const SECRETS_D_URL = new Set(['jeton', 'code', 'state']);

function urlSansSecret(req: FastifyRequest): string {
  const debutRequete = req.url.indexOf('?');
  const chemin = debutRequete < 0 ? req.url : req.url.slice(0, debutRequete);
  const params = (req.params ?? {}) as Record<string, unknown>;
  const secrets = new Set(Object.entries(params).flatMap(([nom, valeur]) => (SECRETS_D_URL.has(nom) && typeof valeur === 'string' ? [valeur] : [])));
  const segments = chemin.split('/').map((segment) => {
    let decode = segment;
    try {
      decode = decodeURIComponent(segment);
    } catch {
      // Left as received: a malformed segment is no route parameter.
    }
    return secrets.has(decode) ? MASQUE : segment;
  });
  if (debutRequete < 0) return segments.join('/');
  const requete = new URLSearchParams(req.url.slice(debutRequete + 1));
  for (const nom of new Set(requete.keys())) if (SECRETS_D_URL.has(nom)) requete.set(nom, MASQUE);
  return `${segments.join('/')}?${requete}`;
}

/** The request as the logs show it (Fastify's default fields), secrets of the URL masked. */
export function requeteJournalisee(req: FastifyRequest) {
  return { method: req.method, url: urlSansSecret(req), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort };
}

/** An error as the logs show it: its kind, codes, the names of what it concerns and where it was thrown. */
export interface ErreurJournalisee {
  type: string;
  /** The error's own code or, for the database, its SQL state (`23505`). */
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** The statement's kind and first table (`insert dossier_personne`), never its text or values. */
  statement?: string;
  /** The kinds of the errors it wraps, outermost first. */
  causes?: string[];
  /** Call sites only: the first line of a stack repeats the message. */
  stack?: string;
}

// Drizzle wraps the driver's error in its own, which holds the statement and its values.
const PROFONDEUR_CAUSES = 5;

const texte = (valeur: unknown): string | undefined => (typeof valeur === 'string' && valeur !== '' ? valeur : undefined);

// The driver's error, whatever its class is called once bundled (PGlite's is minified).
const estErreurDuPilote = (e: Error) => typeof (e as { severity?: unknown }).severity === 'string';
const typeDe = (e: Error) => (estErreurDuPilote(e) ? 'DatabaseError' : e.constructor.name || e.name);

function maillons(erreur: Error): Error[] {
  const chaine: Error[] = [];
  for (let e: unknown = erreur; e instanceof Error && chaine.length < PROFONDEUR_CAUSES; e = e.cause) chaine.push(e);
  return chaine;
}

/** `insert into "dossier_personne" (...) values ($1, ...)` → `insert dossier_personne`. */
function nomInstruction(requete: string): string {
  const verbe = /^\s*(\w+)/.exec(requete)?.[1]?.toLowerCase() ?? 'requete';
  const table = /\b(?:into|update|from)\s+"?([A-Za-z_][\w]*)"?/i.exec(requete)?.[1];
  return table ? `${verbe} ${table}` : verbe;
}

/**
 * The pino serializer of errors. A message is never kept: the database's and the ORM's repeat
 * the statement's values (`Failed query: … params: Léa,Martin,…`, `invalid input syntax: "…"`,
 * `Failing row contains (…)`), a mail server's names the addresses it refused. The code, the
 * SQL state and the names of the constraint, table and statement say what failed; the call
 * sites say where.
 */
export function erreurJournalisee(erreur: unknown): ErreurJournalisee {
  if (!(erreur instanceof Error)) return { type: typeof erreur };
  const chaine = maillons(erreur);
  const premier = (cle: string) => chaine.map((e) => texte((e as unknown as Record<string, unknown>)[cle])).find((v) => v !== undefined);
  const requete = premier('query');
  const appels = erreur.stack
    ?.split('\n')
    .filter((ligne) => /^\s+at /.test(ligne))
    .join('\n');
  const champs: ErreurJournalisee = {
    type: typeDe(erreur),
    code: premier('code'),
    constraint: premier('constraint'),
    table: premier('table'),
    column: premier('column'),
    statement: requete ? nomInstruction(requete) : undefined,
    causes: chaine.length > 1 ? chaine.slice(1).map(typeDe) : undefined,
    stack: appels || undefined,
  };
  return Object.fromEntries(Object.entries(champs).filter(([, v]) => v !== undefined)) as ErreurJournalisee;
}

/**
 * What a terminal shows of a failed start: the message of the application's own errors, which
 * says what to do; for an error of the database, only its serialized kind (its message carries
 * the statement's values).
 */
export function resumeErreur(erreur: unknown): string {
  if (!(erreur instanceof Error)) return String(erreur);
  const deLaBase = maillons(erreur).some((e) => 'query' in e || 'params' in e || estErreurDuPilote(e));
  if (!deLaBase) return erreur.message;
  const { type, code, constraint, table, statement } = erreurJournalisee(erreur);
  return [type, code, statement, table, constraint].filter(Boolean).join(' ');
}

// Fields that name a person or hold a secret, wherever a log call would put them (up to two
// levels deep): a safety net under the serializers, which already leave bodies and values out.
const CHAMPS_MASQUES = [
  'password',
  'motDePasse',
  'mot_de_passe',
  'nouveau_mot_de_passe',
  'secret',
  'secretTotp',
  'totpSecret',
  'codesRecuperation',
  'authorization',
  'cookie',
  'set-cookie',
  'x-csrf-token',
  'jeton',
  'nom',
  'prenom',
  'email',
  'courriel',
  'telephone',
  'note',
  'noteSensible',
  'note_sensible',
  'handicapReconnu',
  'handicap_reconnu',
  'emploiMenaceSante',
  'emploi_menace_sante',
  'body',
  'params',
];

const chemin = (prefixe: string, champ: string) => (/^[A-Za-z_$][\w$]*$/.test(champ) ? `${prefixe}${prefixe ? '.' : ''}${champ}` : `${prefixe}["${champ}"]`);

/** pino options of the application: level and stream as given, with the serializers and the masked fields. */
export function optionsJournal(options: object): LoggerOptions {
  return {
    ...options,
    serializers: { req: requeteJournalisee, err: erreurJournalisee, error: erreurJournalisee, erreur: erreurJournalisee },
    redact: { paths: CHAMPS_MASQUES.flatMap((c) => [chemin('', c), chemin('*', c), chemin('*.*', c)]), censor: MASQUE },
  };
}
