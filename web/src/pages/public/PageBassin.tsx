import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { type LigneMetier, lireBassin } from '../../api/marche-travail.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { TableauDefilant } from '../../components/TableauDefilant.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { CourbeChomage } from '../../features/marche-travail/CourbeChomage.js';
import { citerSource, formaterEffectif, formaterPart } from '../../features/marche-travail/format.js';
import { Lien } from '../../routeur.js';

// Beyond this many employment areas a chart is unreadable: the others stay in the list below it.
const ZONES_SUR_LE_GRAPHIQUE = 4;

function TableauMetiers({ legende, lignes }: { legende: string; lignes: LigneMetier[] }) {
  if (lignes.length === 0) return <p>Aucun métier ne remplit cette condition dans ce bassin.</p>;
  return (
    <TableauDefilant legende={legende}>
      <Table
        noScroll
        caption={legende}
        headers={['Métier (famille BMO)', 'Projets', 'Jugés difficiles', 'Part difficile', 'Part saisonnière']}
        data={lignes.map((l) => [
          l.metier.libelle,
          formaterEffectif(l.projets),
          formaterEffectif(l.difficiles),
          formaterPart(l.part_difficiles),
          formaterPart(l.part_saisonniers),
        ])}
      />
    </TableauDefilant>
  );
}

/** A BMO employment area: the occupations with most recruitment projects, the hardest ones, and unemployment. */
export function PageBassin({ code }: { code: string }) {
  const etat = useDonnees((signal) => lireBassin(code, signal), [code]);
  const donnees = etat.donnees;
  useTitrePage(donnees ? `Bassin d’emploi ${donnees.bassin.libelle}` : 'Bassin d’emploi');

  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb
        currentPageLabel={donnees ? `Bassin ${donnees.bassin.libelle}` : 'Bassin d’emploi'}
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Marché du travail', linkProps: { href: '/marche-du-travail' } }]}
      />
      {etat.statut === 'chargement' && !donnees && <Chargement texte="Chargement des chiffres du bassin…" />}
      {etat.statut === 'erreur' && (
        <>
          <h1>Bassin d’emploi</h1>
          <AvisErreur erreur={etat.erreur} titre="Ce bassin d’emploi n’a pas pu être affiché" />
          <p>
            <Lien href="/marche-du-travail">Chercher un métier près d’une commune</Lien>
          </p>
        </>
      )}
      {donnees && (
        <>
          <h1>Bassin d’emploi {donnees.bassin.libelle}</h1>
          <p className="fr-text--lead">
            {donnees.bassin.departements.map((d) => `${d.nom} (${d.code})`).join(' et ')}, région {donnees.bassin.region.nom}. Bassin n° {donnees.bassin.code}{' '}
            de l’enquête Besoins en main-d’œuvre.
          </p>

          <h2>Les métiers aux projets de recrutement les plus nombreux</h2>
          <TableauMetiers
            legende={`Projets de recrutement ${donnees.recrutements.annee ?? ''}, du plus grand nombre au plus petit`}
            lignes={donnees.recrutements.plus_de_projets}
          />

          <h2>Les métiers où recruter est le plus difficile</h2>
          <p>
            Par part de projets jugés difficiles, parmi les métiers d’au moins {donnees.recrutements.min_projets} projets (en deçà, quelques projets suffiraient
            à faire une part élevée). Un effectif couvert par le secret statistique n’est pas classé.
          </p>
          <TableauMetiers legende="Part des projets jugés difficiles, de la plus forte à la plus faible" lignes={donnees.recrutements.plus_difficiles_part} />
          <TableauMetiers legende="Nombre de projets jugés difficiles, du plus grand au plus petit" lignes={donnees.recrutements.plus_difficiles_nombre} />
          <p className="fr-text--sm trj-source">
            Source : {citerSource(donnees.recrutements.source)}. {donnees.recrutements.source.avertissement}
          </p>

          <h2>Le chômage des zones d’emploi du bassin</h2>
          {donnees.chomage.zones_emploi.length === 0 ? (
            <p>Les communes de ce bassin ne figurent pas dans la composition publiée des zones d’emploi : aucun taux de chômage à afficher.</p>
          ) : (
            <>
              <p>
                Zones d’emploi 2020 (INSEE) où se trouvent les communes du bassin :{' '}
                {donnees.chomage.zones_emploi.map((z) => `${z.libelle ?? z.code} (${z.communes} commune${z.communes > 1 ? 's' : ''})`).join(', ')}.
              </p>
              <CourbeChomage
                titre={`Taux de chômage des zones d’emploi du bassin ${donnees.bassin.libelle}`}
                series={donnees.chomage.zones_emploi.slice(0, ZONES_SUR_LE_GRAPHIQUE).map((z) => ({ nom: z.libelle ?? z.code, points: z.serie }))}
              />
              {donnees.chomage.zones_emploi.length > ZONES_SUR_LE_GRAPHIQUE && (
                <p className="fr-text--sm">Le graphique montre les {ZONES_SUR_LE_GRAPHIQUE} zones qui comptent le plus de communes du bassin.</p>
              )}
              <p className="fr-text--sm trj-source">Source : {citerSource(donnees.chomage.source)}.</p>
            </>
          )}
          <p>
            <Lien href="/marche-du-travail">Voir les perspectives d’un autre métier ou d’une autre commune</Lien>
          </p>
        </>
      )}
    </div>
  );
}
