import { useEffect, useState } from 'react';
import { lireMarque } from './api/annuaire.js';
import type { Marque } from './api/types.js';
import { Gabarit } from './components/Gabarit.js';
import { MarqueContexte, marqueParDefaut } from './components/marque.js';
import { PageAccueil } from './pages/public/PageAccueil.js';
import { PageAnnuaire } from './pages/public/PageAnnuaire.js';
import { PageIntrouvable } from './pages/public/PageIntrouvable.js';
import { PageService } from './pages/public/PageService.js';
import { PageStructure } from './pages/public/PageStructure.js';
import { useEmplacement } from './routeur.js';

function Page({ chemin, recherche }: { chemin: string; recherche: string }) {
  if (chemin === '/' || chemin === '/index.html') return <PageAccueil />;
  if (chemin === '/annuaire' || chemin === '/annuaire/') return <PageAnnuaire recherche={recherche} />;
  const service = /^\/services\/([^/]+)\/?$/.exec(chemin);
  if (service?.[1]) return <PageService key={service[1]} id={decodeURIComponent(service[1])} />;
  const structure = /^\/structures\/([^/]+)\/?$/.exec(chemin);
  if (structure?.[1]) return <PageStructure key={structure[1]} id={decodeURIComponent(structure[1])} />;
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
      <Gabarit chemin={chemin}>
        <Page chemin={chemin} recherche={recherche} />
      </Gabarit>
    </MarqueContexte.Provider>
  );
}
