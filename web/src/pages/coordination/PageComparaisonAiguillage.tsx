import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState } from 'react';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { type ListeVersions, URL_REGLES, comparerVersions, listerVersions, urlComparaison } from '../../features/aiguillage/api.js';
import { Decision } from '../../features/aiguillage/Decision.js';
import { texteFaits } from '../../features/aiguillage/libelles.js';
import { perimetre, useNomsRegions } from '../../features/aiguillage/StatutVersion.js';
import { AccesReserve } from '../../features/identite/AccesReserve.js';
import { naviguer } from '../../routeur.js';

type Version = ListeVersions['versions'][number];

const libelleVersion = (v: Version, noms: Map<string, string>) =>
  `${perimetre(v, noms)} – ${v.version} (${v.en_vigueur ? 'en vigueur' : v.statut === 'publie' ? 'publiée' : 'brouillon'})`;

function Resultat({ de, a }: { de: string; a: string }) {
  const [seulementEcarts, setSeulementEcarts] = useState(true);
  const etat = useDonnees((signal) => comparerVersions(de, a, signal), [de, a]);
  if (etat.statut === 'erreur') return <AvisErreur erreur={etat.erreur} titre="La comparaison n’a pas abouti" />;
  if (!etat.donnees || etat.statut === 'chargement') return <Chargement texte="Comparaison sur les profils de test…" />;
  const { profils, differences } = etat.donnees;
  const lignes = seulementEcarts ? profils.filter((p) => !p.identique) : profils;
  return (
    <section aria-labelledby="titre-comparaison">
      <h2 id="titre-comparaison">Réponses sur les profils de test</h2>
      <p role="status" className="fr-text--lg">
        {differences === 0
          ? `Les deux versions donnent la même réponse aux ${profils.length} profils de test.`
          : `${differences} profil${differences > 1 ? 's' : ''} sur ${profils.length} reçoi${differences > 1 ? 'vent' : 't'} une réponse différente.`}
      </p>
      <Checkbox
        options={[
          {
            label: 'Afficher seulement les profils dont la réponse change',
            nativeInputProps: { checked: seulementEcarts, onChange: (e) => setSeulementEcarts(e.target.checked) },
          },
        ]}
      />
      {lignes.length > 0 && (
        <Table
          caption={`Réponse de chaque version (${etat.donnees.de.version} puis ${etat.donnees.a.version})`}
          headers={['Profil', `Version ${etat.donnees.de.version}`, `Version ${etat.donnees.a.version}`, 'Change ?']}
          data={lignes.map((p) => [
            <>
              <strong>{p.description}</strong>
              <br />
              <span className="fr-text--sm">{texteFaits(p.faits)}</span>
            </>,
            <Decision key="de" decision={p.de} />,
            <Decision key="a" decision={p.a} />,
            p.identique ? 'Non' : <strong key="c">Oui</strong>,
          ])}
        />
      )}
    </section>
  );
}

function Comparaison({ recherche }: { recherche: string }) {
  const noms = useNomsRegions();
  useTitrePage('Comparer deux versions des règles d’aiguillage');
  const parametres = new URLSearchParams(recherche);
  const region = parametres.get('region') ?? '';
  const etat = useDonnees((signal) => listerVersions(region, signal), [region]);
  const versions = etat.donnees?.versions ?? [];
  const enVigueur = versions.find((v) => v.en_vigueur && v.region_code === region) ?? versions.find((v) => v.en_vigueur);
  const de = parametres.get('de') ?? enVigueur?.id ?? '';
  const a = parametres.get('a') ?? versions.find((v) => v.id !== de)?.id ?? '';
  const choisir = (cle: 'de' | 'a', id: string) => naviguer(cle === 'de' ? urlComparaison(region, id, a) : urlComparaison(region, de, id), { remplacer: true });

  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb
        currentPageLabel="Comparer deux versions"
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Règles d’aiguillage', linkProps: { href: `${URL_REGLES}?region=${region}` } }]}
      />
      <h1>Comparer deux versions des règles</h1>
      <p>Les deux versions sont appliquées aux mêmes profils de test : seules les réponses qui changent comptent.</p>
      {etat.statut === 'erreur' && <AvisErreur erreur={etat.erreur} titre="Les versions n’ont pas pu être affichées" />}
      {etat.statut === 'chargement' && <Chargement texte="Chargement des versions…" />}
      {etat.donnees && (
        <div className="fr-grid-row fr-grid-row--gutters">
          <Select
            label="Version de référence"
            className="fr-col-12 fr-col-md-6"
            nativeSelectProps={{ value: de, onChange: (e) => choisir('de', e.target.value) }}
          >
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {libelleVersion(v, noms)}
              </option>
            ))}
          </Select>
          <Select label="Version à comparer" className="fr-col-12 fr-col-md-6" nativeSelectProps={{ value: a, onChange: (e) => choisir('a', e.target.value) }}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {libelleVersion(v, noms)}
              </option>
            ))}
          </Select>
        </div>
      )}
      {de && a && <Resultat de={de} a={a} />}
    </div>
  );
}

/** Coordinators: the answers of two versions side by side over the table of test profiles. */
export function PageComparaisonAiguillage({ recherche }: { recherche: string }) {
  return (
    <AccesReserve permission="aiguillage.regles.gerer">
      <Comparaison recherche={recherche} />
    </AccesReserve>
  );
}
