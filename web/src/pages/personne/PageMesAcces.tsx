import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { type MonAcces, lireMesAcces, pageDemandee } from '../../features/audit/api.js';
import { TableauAcces } from '../../features/audit/TableauAcces.js';
import { URL_MES_ACCES } from '../../features/audit/useLiensJournal.js';
import { useNomsStructures } from '../../features/audit/useNomsStructures.js';
import { AccesReserve } from '../../features/identite/AccesReserve.js';

function Qui({ acteur, noms }: { acteur: MonAcces['acteur']; noms: ReadonlyMap<string, string> }) {
  if (acteur.type === 'vous') return <>Vous</>;
  if (acteur.type === 'plateforme') return <>Traitement automatique</>;
  if (acteur.type !== 'agent') return <>Compte supprimé</>;
  const structure = acteur.structure_id ? (noms.get(acteur.structure_id) ?? 'une structure du réseau') : null;
  return (
    <>
      {acteur.prenom ?? 'Un agent'}
      {structure && (
        <>
          <br />
          <span className="fr-text--xs">{structure}</span>
        </>
      )}
    </>
  );
}

function MonJournal({ page }: { page: number }) {
  const etat = useDonnees((signal) => lireMesAcces(page, signal), [page]);
  const noms = useNomsStructures((etat.donnees?.acces ?? []).map((a) => a.acteur.structure_id));
  useTitrePage('Qui a consulté mes données');

  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb currentPageLabel="Qui a consulté mes données" homeLinkProps={{ href: '/' }} segments={[]} />
      <h1>Qui a consulté mes données</h1>
      <p>
        Chaque consultation ou modification de vos données par un agent du réseau est enregistrée : vous voyez ici son prénom, sa structure, ce qu’il a fait et
        quand. Si un accès vous paraît injustifié, adressez-vous à la structure concernée.
      </p>
      {etat.statut === 'erreur' && <AvisErreur erreur={etat.erreur} titre="La liste n’a pas pu être affichée" />}
      {etat.statut === 'chargement' && <Chargement texte="Chargement de la liste des accès…" />}
      {etat.donnees && (
        <TableauAcces
          legende={`Accès à mes données, page ${etat.donnees.pagination.page}`}
          lignes={etat.donnees.acces.map((a) => ({ ...a, qui: <Qui acteur={a.acteur} noms={noms} /> }))}
          pagination={etat.donnees.pagination}
          urlPage={(p) => `${URL_MES_ACCES}?page=${p}`}
        />
      )}
    </div>
  );
}

/** Who accessed the signed-in person's data. */
export function PageMesAcces({ recherche }: { recherche: string }) {
  return (
    <AccesReserve permission="audit.mes_acces.lire">
      <MonJournal page={pageDemandee(recherche)} />
    </AccesReserve>
  );
}
