import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { URL_REGLES, listerVersions, urlComparaison, urlDepot, urlVersion } from '../../features/aiguillage/api.js';
import { dateLisible } from '../../features/aiguillage/libelles.js';
import { useRegionsGerees } from '../../features/aiguillage/regions.js';
import { StatutVersion, perimetre, useNomsRegions } from '../../features/aiguillage/StatutVersion.js';
import { AccesReserve } from '../../features/identite/AccesReserve.js';
import { Lien, naviguer } from '../../routeur.js';

function Versions({ region }: { region: string }) {
  const etat = useDonnees((signal) => listerVersions(region, signal), [region]);
  const noms = useNomsRegions();
  if (etat.statut === 'erreur') return <AvisErreur erreur={etat.erreur} titre="Les versions n’ont pas pu être affichées" />;
  if (!etat.donnees) return <Chargement texte="Chargement des versions des règles…" />;
  const { versions } = etat.donnees;
  // The set that answers for the region: its own in force, else the national one.
  const enVigueur = versions.find((v) => v.en_vigueur && v.region_code === region) ?? versions.find((v) => v.en_vigueur);
  return (
    <>
      {enVigueur && (
        <div className="fr-callout fr-mb-4w">
          <h2 className="fr-callout__title">Règles en vigueur dans la région</h2>
          <p className="fr-callout__text">
            {perimetre(enVigueur, noms)}, version {enVigueur.version}, en vigueur depuis le {dateLisible(enVigueur.date_effet)} ({enVigueur.auteur}).
          </p>
          <ul className="fr-btns-group fr-btns-group--inline-md fr-mt-2w">
            <li>
              <Lien className="fr-btn" href={urlVersion(enVigueur.id)}>
                Voir ces règles
              </Lien>
            </li>
            <li>
              <Lien className="fr-btn fr-btn--secondary" href={urlDepot(region, enVigueur.id)}>
                Déposer une nouvelle version
              </Lien>
            </li>
            <li>
              <Lien className="fr-btn fr-btn--tertiary" href={urlComparaison(region, enVigueur.id)}>
                Comparer deux versions
              </Lien>
            </li>
          </ul>
        </div>
      )}
      <h2>Toutes les versions</h2>
      <Table
        caption="Versions des règles de la région et versions nationales, les plus récentes d’abord"
        headers={['Version', 'Périmètre', 'Date d’effet', 'État', 'Auteur', 'Déposée le']}
        data={versions.map((v) => [
          <Lien key="v" href={urlVersion(v.id)}>
            {v.version}
          </Lien>,
          perimetre(v, noms),
          dateLisible(v.date_effet),
          <StatutVersion key="s" version={v} />,
          v.auteur,
          dateLisible(v.cree_le),
        ])}
      />
    </>
  );
}

function Regles({ recherche }: { recherche: string }) {
  useTitrePage('Règles d’aiguillage');
  const { regions } = useRegionsGerees();
  const demandee = new URLSearchParams(recherche).get('region');
  const region = regions?.find((r) => r.code === demandee)?.code ?? regions?.[0]?.code;
  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb currentPageLabel="Règles d’aiguillage" homeLinkProps={{ href: '/' }} segments={[]} />
      <h1>Règles d’aiguillage</h1>
      <p>
        Les règles disent quels opérateurs du conseil en évolution professionnelle sont compétents pour une personne, et lequel lui convient le mieux. Chaque
        région part des règles nationales et peut publier les siennes, après les avoir essayées sur la table des profils de test.
      </p>
      {regions === undefined && <Chargement texte="Chargement de vos régions…" />}
      {regions?.length === 0 && <p>Votre compte ne coordonne aucune région.</p>}
      {regions && regions.length > 1 && (
        <Select
          label="Région"
          className="fr-col-12 fr-col-md-6"
          nativeSelectProps={{ value: region, onChange: (e) => naviguer(`${URL_REGLES}?region=${e.target.value}`, { remplacer: true }) }}
        >
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.nom}
            </option>
          ))}
        </Select>
      )}
      {region && <Versions region={region} />}
    </div>
  );
}

/** Coordinators: the rule set in force in their region, every version, and what to do next. */
export function PageReglesAiguillage({ recherche }: { recherche: string }) {
  return (
    <AccesReserve permission="aiguillage.regles.gerer">
      <Regles recherche={recherche} />
    </AccesReserve>
  );
}
