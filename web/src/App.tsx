import { Footer } from '@codegouvfr/react-dsfr/Footer';
import { Header } from '@codegouvfr/react-dsfr/Header';
import { useEffect, useState } from 'react';

interface Marque {
  intitule: string;
  service: string;
  baseline: string;
}

const marqueParDefaut: Marque = { intitule: 'République\nFrançaise', service: 'Trajectoires', baseline: '' };

export function App() {
  const [marque, setMarque] = useState<Marque>(marqueParDefaut);
  useEffect(() => {
    fetch('/api/v1/marque')
      .then((r) => (r.ok ? (r.json() as Promise<Marque>) : marqueParDefaut))
      .then(setMarque)
      .catch(() => setMarque(marqueParDefaut));
  }, []);
  const intitule = marque.intitule.split('\n').map((ligne, i) => (i === 0 ? ligne : [<br key={i} />, ligne]));
  return (
    <>
      <Header
        brandTop={<>{intitule}</>}
        serviceTitle={marque.service}
        serviceTagline={marque.baseline}
        homeLinkProps={{ href: '/', title: `Accueil – ${marque.service}` }}
      />
      <main id="contenu" className="fr-container fr-py-6w" tabIndex={-1}>
        <h1>{marque.service}</h1>
        <p className="fr-text--lead">Trouvez le bon service d’orientation, d’emploi ou de formation près de chez vous.</p>
      </main>
      <Footer accessibility="non compliant" brandTop={<>{intitule}</>} homeLinkProps={{ href: '/', title: 'Accueil' }} />
    </>
  );
}
