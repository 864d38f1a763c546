import { useEffect, useState } from 'react';

/**
 * State kept in the tab's session storage, so that "back" from a fiche finds the page as it was.
 * Nothing leaves the browser and it is gone when the tab closes. A stored value that `valide`
 * rejects (an older shape) is ignored.
 */
export function useEtatSession<T>(cle: string, initial: T, valide: (v: unknown) => v is T): [T, (maj: T | ((avant: T) => T)) => void] {
  const [etat, setEtat] = useState<T>(() => {
    try {
      const lu: unknown = JSON.parse(window.sessionStorage.getItem(cle) ?? 'null');
      return valide(lu) ? lu : initial;
    } catch {
      return initial;
    }
  });
  useEffect(() => {
    try {
      window.sessionStorage.setItem(cle, JSON.stringify(etat));
    } catch {
      // Storage full or refused (private browsing): the page still works, it only forgets on reload.
    }
  }, [cle, etat]);
  return [etat, setEtat];
}
