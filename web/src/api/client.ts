/** Typed access to the Trajectoires API; every failure becomes an ErreurApi with a French message. */

export interface ChampEnErreur {
  chemin: string;
  message: string;
}

export class ErreurApi extends Error {
  constructor(
    readonly statut: number,
    readonly code: string,
    message: string,
    readonly champs: ChampEnErreur[] = [],
  ) {
    super(message);
    this.name = 'ErreurApi';
  }
}

export type Parametres = Record<string, string | number | readonly string[] | null | undefined>;

export function construireUrl(chemin: string, parametres: Parametres = {}): string {
  const recherche = new URLSearchParams();
  for (const [cle, valeur] of Object.entries(parametres)) {
    if (valeur === null || valeur === undefined || valeur === '') continue;
    if (Array.isArray(valeur)) {
      if (valeur.length > 0) recherche.set(cle, valeur.join(','));
    } else recherche.set(cle, String(valeur));
  }
  const texte = recherche.toString();
  return texte ? `${chemin}?${texte}` : chemin;
}

interface CorpsErreur {
  erreur?: { code?: string; message?: string; champs?: unknown };
}

function lireChamps(champs: unknown): ChampEnErreur[] {
  if (!Array.isArray(champs)) return [];
  return champs.flatMap((c: unknown) => {
    const champ = c as { chemin?: unknown; message?: unknown } | null;
    return champ && typeof champ.message === 'string' ? [{ chemin: String(champ.chemin ?? ''), message: champ.message }] : [];
  });
}

async function erreurDeReponse(reponse: Response): Promise<ErreurApi> {
  const corps = (await reponse.json().catch(() => ({}))) as CorpsErreur;
  return new ErreurApi(
    reponse.status,
    corps.erreur?.code ?? 'inconnue',
    corps.erreur?.message ?? `Le service a répondu par une erreur (${reponse.status}). Réessayez dans quelques instants.`,
    lireChamps(corps.erreur?.champs),
  );
}

async function appeler(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, { credentials: 'same-origin', ...init });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ErreurApi(0, 'reseau', 'Le service est injoignable. Vérifiez votre connexion puis réessayez.');
  }
}

export async function lireJson<T>(chemin: string, parametres: Parametres = {}, signal?: AbortSignal): Promise<T> {
  const reponse = await appeler(construireUrl(chemin, parametres), { headers: { accept: 'application/json' }, signal });
  if (!reponse.ok) throw await erreurDeReponse(reponse);
  return (await reponse.json()) as T;
}

// The CSRF token of this page's session, asked once and renewed when the server says it is stale.
let jetonCsrf: string | undefined;

export function retenirJetonCsrf(jeton: string): void {
  jetonCsrf = jeton;
}

async function obtenirJetonCsrf(): Promise<string> {
  if (!jetonCsrf) jetonCsrf = (await lireJson<{ jeton_csrf: string }>('/api/v1/session')).jeton_csrf;
  return jetonCsrf;
}

/** Sends a state-changing request (POST, PUT, PATCH, DELETE) with the session cookie and the CSRF token. */
export async function envoyerJson<T>(
  methode: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  chemin: string,
  corps?: unknown,
  entetes: Record<string, string> = {},
): Promise<T> {
  const envoyer = async () =>
    appeler(chemin, {
      method: methode,
      headers: {
        accept: 'application/json',
        ...(corps === undefined ? {} : { 'content-type': 'application/json' }),
        'x-csrf-token': await obtenirJetonCsrf(),
        ...entetes,
      },
      ...(corps === undefined ? {} : { body: JSON.stringify(corps) }),
    });
  let reponse = await envoyer();
  if (reponse.status === 403) {
    const erreur = await erreurDeReponse(reponse.clone());
    if (erreur.code === 'securite.jeton_csrf') {
      jetonCsrf = undefined;
      reponse = await envoyer();
    }
  }
  if (!reponse.ok) throw await erreurDeReponse(reponse);
  if (reponse.status === 204) return undefined as T;
  return (await reponse.json()) as T;
}
