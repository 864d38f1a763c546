import { Suspense, useEffect, useState } from 'react';
import { lireMarque } from './api/annuaire.js';
import type { Marque } from './api/types.js';
import { Chargement } from './components/Chargement.js';
import { Gabarit } from './components/Gabarit.js';
import { MarqueContexte, marqueParDefaut } from './components/marque.js';
import { FournisseurSession } from './features/identite/SessionContexte.js';
import { PageIntrouvable } from './pages/public/PageIntrouvable.js';
import { routes } from './pages/routes.js';
import { useEmplacement } from './routeur.js';

function Page({ chemin, recherche }: { chemin: string; recherche: string }) {
  for (const route of routes) {
    const correspondance = route.motif.exec(chemin);
    if (!correspondance) continue;
    try {
      return route.page(
        correspondance.slice(1).map((p) => decodeURIComponent(p ?? '')),
        recherche,
      );
    } catch {
      // A malformed escape in the address (%E0%A4%A): no such page.
      return <PageIntrouvable />;
    }
  }
  return <PageIntrouvable />;
}

export function App() {
  const { chemin, recherche } = useEmplacement();
  const [marque, setMarque] = useState<Marque>(marqueParDefaut);
  useEffect(() => {
    const controleur = new AbortController();
    lireMarque(controleur.signal).then(setMarque, () => {
      // The default brand block stays: the page remains usable.
    });
    return () => controleur.abort();
  }, []);

  return (
    <MarqueContexte.Provider value={marque}>
      <FournisseurSession>
        <Gabarit chemin={chemin}>
          {/* Pages are fetched on first visit (routes.tsx); the frame stays while one arrives. */}
          <Suspense fallback={<Chargement texte="Chargement de la page…" />}>
            <Page chemin={chemin} recherche={recherche} />
          </Suspense>
        </Gabarit>
      </FournisseurSession>
    </MarqueContexte.Provider>
  );
}
