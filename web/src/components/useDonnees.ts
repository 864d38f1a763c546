import { type DependencyList, useEffect, useState } from 'react';
import { ErreurApi } from '../api/client.js';

export type EtatDonnees<T> =
  { statut: 'chargement'; donnees: T | null } | { statut: 'erreur'; erreur: ErreurApi; donnees: T | null } | { statut: 'pret'; donnees: T };

function enErreurApi(e: unknown): ErreurApi {
  if (e instanceof ErreurApi) return e;
  return new ErreurApi(0, 'inattendue', 'Une erreur inattendue est survenue. Rechargez la page puis réessayez.');
}

/** Loads data when the dependencies change; the previous data stay visible while the next load runs. */
export function useDonnees<T>(charger: (signal: AbortSignal) => Promise<T>, dependances: DependencyList): EtatDonnees<T> {
  const [etat, setEtat] = useState<EtatDonnees<T>>({ statut: 'chargement', donnees: null });
  useEffect(() => {
    const controleur = new AbortController();
    setEtat((avant) => ({ statut: 'chargement', donnees: avant.donnees }));
    charger(controleur.signal).then(
      (donnees) => {
        if (!controleur.signal.aborted) setEtat({ statut: 'pret', donnees });
      },
      (e: unknown) => {
        if (!controleur.signal.aborted) setEtat((avant) => ({ statut: 'erreur', erreur: enErreurApi(e), donnees: avant.donnees }));
      },
    );
    return () => controleur.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what the loader depends on
  }, dependances);
  return etat;
}
