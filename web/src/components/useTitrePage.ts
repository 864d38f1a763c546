import { useContext, useEffect } from 'react';
import { MarqueContexte } from './marque.js';

/** Sets the document title: "<page> – <service>". */
export function useTitrePage(titre: string | null): void {
  const marque = useContext(MarqueContexte);
  useEffect(() => {
    document.title = titre ? `${titre} – ${marque.service}` : marque.service;
  }, [titre, marque.service]);
}
