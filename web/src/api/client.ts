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

export async function lireJson<T>(chemin: string, parametres: Parametres = {}, signal?: AbortSignal): Promise<T> {
  let reponse: Response;
  try {
    reponse = await fetch(construireUrl(chemin, parametres), { headers: { accept: 'application/json' }, signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ErreurApi(0, 'reseau', 'Le service est injoignable. Vérifiez votre connexion puis réessayez.');
  }
  if (!reponse.ok) {
    const corps = (await reponse.json().catch(() => ({}))) as CorpsErreur;
    throw new ErreurApi(
      reponse.status,
      corps.erreur?.code ?? 'inconnue',
      corps.erreur?.message ?? `Le service a répondu par une erreur (${reponse.status}). Réessayez dans quelques instants.`,
      lireChamps(corps.erreur?.champs),
    );
  }
  return (await reponse.json()) as T;
}
