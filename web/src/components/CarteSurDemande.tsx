import { Button } from '@codegouvfr/react-dsfr/Button';
import { type ReactNode, Suspense, useState } from 'react';
import { Chargement } from './Chargement.js';

const CLE = 'trajectoires.carte';

function carteDejaDemandee(): boolean {
  try {
    return window.localStorage.getItem(CLE) === 'affichee';
  } catch {
    // Storage refused (private browsing settings): the map is asked for again on each page.
    return false;
  }
}

/**
 * A map is fetched only once a person asks for it: the map library weighs more than a whole page,
 * and many people come on a phone with a weak connection. The choice is remembered on the device,
 * so later pages show their map at once (the library is then in the browser's cache).
 */
export function CarteSurDemande({ children }: { children: ReactNode }) {
  const [affichee, setAffichee] = useState(carteDejaDemandee);
  if (!affichee) {
    return (
      <div className="trj-carte-sur-demande">
        <p className="fr-text--sm fr-mb-1w">Les mêmes lieux sont dans la liste. La carte demande un téléchargement supplémentaire.</p>
        <Button
          priority="secondary"
          iconId="fr-icon-map-pin-2-line"
          onClick={() => {
            try {
              window.localStorage.setItem(CLE, 'affichee');
            } catch {
              // Not remembered: the map still opens on this page.
            }
            setAffichee(true);
          }}
        >
          Afficher la carte
        </Button>
      </div>
    );
  }
  return <Suspense fallback={<Chargement texte="Chargement de la carte…" />}>{children}</Suspense>;
}
