import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { Table } from '@codegouvfr/react-dsfr/Table';
import { useState } from 'react';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { lireHistorique } from './api.js';
import { OBJETS, OPERATIONS, ROLES, dateHeure, libelleChamp, valeurLisible } from './libelles.js';

/** Who changed what and when in the structure's record, newest first (names shown to managers only). */
export function Historique({ structureId, version }: { structureId: string; version: string }) {
  const [page, setPage] = useState(1);
  const etat = useDonnees((signal) => lireHistorique(structureId, page, signal), [structureId, page, version]);
  if (etat.statut === 'erreur') return <AvisErreur erreur={etat.erreur} titre="L’historique n’a pas pu être affiché" />;
  if (!etat.donnees) return <Chargement texte="Chargement de l’historique…" />;
  const { modifications, pagination } = etat.donnees;
  if (pagination.total === 0) return <p className="fr-my-4w">Aucune modification enregistrée : la fiche est telle que sa source l’a publiée.</p>;
  return (
    <>
      <Table
        caption={`Modifications de la fiche, page ${pagination.page} sur ${pagination.pages}`}
        headers={['Date', 'Qui', 'Quoi', 'Changements']}
        data={modifications.map((m) => [
          <time key="le" dateTime={m.le}>
            {dateHeure(m.le)}
          </time>,
          m.auteur ? `${m.auteur.prenom} ${m.auteur.nom}${m.auteur.role && ROLES[m.auteur.role] ? ` (${ROLES[m.auteur.role]})` : ''}` : 'La plateforme',
          `${OPERATIONS[m.operation] ?? m.operation} – ${OBJETS[m.objet_type] ?? m.objet_type}`,
          <ul key="champs" className="trj-liste-simple">
            {Object.entries(m.champs).map(([champ, { avant, apres }]) => (
              <li key={champ}>
                {libelleChamp(champ)} : {m.operation === 'creation' ? valeurLisible(apres) : `${valeurLisible(avant)} → ${valeurLisible(apres)}`}
              </li>
            ))}
          </ul>,
        ])}
      />
      {pagination.pages > 1 && (
        <Pagination
          count={pagination.pages}
          defaultPage={pagination.page}
          getPageLinkProps={(p) => ({
            href: '#historique',
            onClick: (e) => {
              e.preventDefault();
              setPage(p);
            },
          })}
        />
      )}
    </>
  );
}
