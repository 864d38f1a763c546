import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { type FormEvent, useContext, useState } from 'react';
import { MarqueContexte } from '../../components/marque.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { ChampCommune, useCommuneSaisie } from '../../features/annuaire/ChampCommune.js';
import { urlAnnuaire } from '../../features/annuaire/criteres.js';
import { naviguer } from '../../routeur.js';

const BESOINS_FREQUENTS = [
  { titre: 'Faire un bilan de compétences', q: 'bilan de compétences', desc: 'Faire le point sur ses compétences et ses envies.' },
  { titre: 'Changer de métier', q: 'reconversion', desc: 'Être conseillé pour une évolution ou une reconversion professionnelle.' },
  { titre: 'Trouver une formation', q: 'formation', desc: 'Choisir une formation et savoir comment la financer.' },
];

export function PageAccueil() {
  const marque = useContext(MarqueContexte);
  useTitrePage(null);
  const [besoin, setBesoin] = useState('');
  const { commune, choisir, erreurCommune, envoi, codeAEnvoyer } = useCommuneSaisie({ texte: '', code: null });

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    const code = await codeAEnvoyer();
    if (code === undefined) return;
    naviguer(urlAnnuaire({ q: besoin.trim(), commune: code ?? '' }));
  };

  return (
    <>
      <div className="trj-bandeau fr-py-6w">
        <div className="fr-container">
          <h1>{marque.service}</h1>
          <p className="fr-text--lead">
            Orientation, conseil en évolution professionnelle, emploi, formation : trouvez près de chez vous le bon interlocuteur du service public régional de
            l’orientation.
          </p>
          <form onSubmit={(e) => void soumettre(e)} aria-labelledby="titre-recherche-accueil" className="trj-recherche-accueil" noValidate>
            <h2 id="titre-recherche-accueil" className="fr-h4">
              Trouver un service
            </h2>
            <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
              <div className="fr-col-12 fr-col-md-5">
                <Input
                  label="Votre besoin"
                  hintText="Par exemple : bilan de compétences"
                  nativeInputProps={{ name: 'q', type: 'search', value: besoin, onChange: (e) => setBesoin(e.target.value), maxLength: 200 }}
                />
              </div>
              <div className="fr-col-12 fr-col-md-5">
                <ChampCommune label="Commune" valeur={commune} onChange={choisir} erreur={erreurCommune} />
              </div>
              <div className="fr-col-12 fr-col-md-2 trj-bouton-recherche">
                <Button type="submit" iconId="fr-icon-search-line" iconPosition="left" disabled={envoi}>
                  Rechercher
                </Button>
              </div>
            </div>
          </form>
        </div>
      </div>
      <div className="fr-container fr-py-6w">
        <h2>Besoins fréquents</h2>
        <ul className="fr-grid-row fr-grid-row--gutters trj-liste-nue">
          {BESOINS_FREQUENTS.map((b) => (
            <li key={b.q} className="fr-col-12 fr-col-md-4">
              <Tile title={b.titre} titleAs="h3" desc={b.desc} linkProps={{ href: urlAnnuaire({ q: b.q }) }} enlargeLinkOrButton />
            </li>
          ))}
        </ul>
        <h2 className="fr-mt-6w">Un réseau de partenaires</h2>
        <p>
          L’annuaire réunit les lieux d’accueil du réseau : France Travail, Apec, missions locales, Cap emploi, opérateurs du conseil en évolution
          professionnelle, centres d’information et d’orientation, points information jeunesse… Chaque fiche indique sa source et la date de ses données. Les
          structures marquées « Démonstration » sont fictives.
        </p>
      </div>
    </>
  );
}
