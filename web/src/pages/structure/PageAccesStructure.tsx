import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { type AccesStructure, lireAccesStructure, pageDemandee } from '../../features/audit/api.js';
import { TableauAcces } from '../../features/audit/TableauAcces.js';
import { urlJournalStructure } from '../../features/audit/useLiensJournal.js';
import { useNomsStructures } from '../../features/audit/useNomsStructures.js';
import { AccesReserve } from '../../features/identite/AccesReserve.js';

function Qui({ acteur, noms }: { acteur: AccesStructure['acteur']; noms: ReadonlyMap<string, string> }) {
  if (acteur.type === 'plateforme') return <>Traitement automatique</>;
  if (acteur.type === 'inconnu') return <>Compte supprimé</>;
  const nom = [acteur.prenom, acteur.nom].filter(Boolean).join(' ');
  if (acteur.type === 'personne') return <>{nom} (personne accompagnée)</>;
  return (
    <>
      {nom}
      {acteur.structure_id && (
        <>
          <br />
          <span className="fr-text--xs">{noms.get(acteur.structure_id) ?? 'Structure du réseau'}</span>
        </>
      )}
    </>
  );
}

function JournalStructure({ id, page }: { id: string; page: number }) {
  const etat = useDonnees((signal) => lireAccesStructure(id, page, signal), [id, page]);
  const acces = etat.donnees?.acces ?? [];
  const noms = useNomsStructures([id, ...acces.map((a) => a.acteur.structure_id)]);
  const nomStructure = noms.get(id);
  useTitrePage(etat.statut === 'erreur' && etat.erreur.statut === 404 ? 'Journal des accès introuvable' : 'Journal des accès');

  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb currentPageLabel="Journal des accès" homeLinkProps={{ href: '/' }} segments={[]} />
      <h1>Journal des accès{nomStructure ? ` : ${nomStructure}` : ''}</h1>
      <p>
        Qui a consulté ou modifié les données que votre structure détient, quand, et si l’accès a été donné. Votre consultation de ce journal est elle-même
        enregistrée.
      </p>
      {etat.statut === 'erreur' && <AvisErreur erreur={etat.erreur} titre="Le journal n’a pas pu être affiché" />}
      {etat.statut === 'chargement' && <Chargement texte="Chargement du journal des accès…" />}
      {etat.donnees && (
        <TableauAcces
          legende={`Accès aux données${nomStructure ? ` de ${nomStructure}` : ''}, page ${etat.donnees.pagination.page}`}
          lignes={etat.donnees.acces.map((a) => ({ ...a, qui: <Qui acteur={a.acteur} noms={noms} /> }))}
          pagination={etat.donnees.pagination}
          urlPage={(p) => `${urlJournalStructure(id)}?page=${p}`}
        />
      )}
    </div>
  );
}

/** The accesses to the data a structure holds, for its managers. */
export function PageAccesStructure({ id, recherche }: { id: string; recherche: string }) {
  return (
    <AccesReserve permission="audit.acces_structure.lire">
      <JournalStructure id={id} page={pageDemandee(recherche)} />
    </AccesReserve>
  );
}
