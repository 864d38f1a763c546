import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/** A small history-based router: the location is read from window.location, changes go through naviguer(). */

const EVENEMENT = 'trajectoires:navigation';

function abonner(rappel: () => void): () => void {
  window.addEventListener('popstate', rappel);
  window.addEventListener(EVENEMENT, rappel);
  return () => {
    window.removeEventListener('popstate', rappel);
    window.removeEventListener(EVENEMENT, rappel);
  };
}

const lireChemin = () => window.location.pathname;
const lireRecherche = () => window.location.search;

export interface Emplacement {
  chemin: string;
  recherche: string;
}

export function useEmplacement(): Emplacement {
  const chemin = useSyncExternalStore(abonner, lireChemin);
  const recherche = useSyncExternalStore(abonner, lireRecherche);
  return { chemin, recherche };
}

export function naviguer(url: string, options: { remplacer?: boolean } = {}): void {
  if (options.remplacer) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(EVENEMENT));
}

export type LienProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** Internal links navigate without reloading; external ones, modified clicks and new tabs behave as usual. */
export function Lien({ href, onClick, target, ...reste }: LienProps) {
  const gererClic = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    if (target && target !== '_self') return;
    if (!href.startsWith('/') || href.startsWith('//')) return;
    e.preventDefault();
    if (href !== window.location.pathname + window.location.search) naviguer(href);
  };
  return <a href={href} target={target} onClick={gererClic} {...reste} />;
}

declare module '@codegouvfr/react-dsfr/spa' {
  interface RegisterLink {
    Link: typeof Lien;
  }
}
