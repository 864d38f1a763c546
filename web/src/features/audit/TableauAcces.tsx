import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { Table } from '@codegouvfr/react-dsfr/Table';
import type { ReactNode } from 'react';
import { Lien } from '../../routeur.js';
import { RESULTATS, dateHeure, libelleCible } from './libelles.js';

export interface LigneAcces {
  id: number;
  horodatage: string;
  qui: ReactNode;
  action_libelle: string;
  cible: { type: string | null; id: string | null };
  resultat: keyof typeof RESULTATS;
  raison_libelle: string | null;
}

/** The accesses of one page as a table, with the pages below it; says so when there is none. */
export function TableauAcces({
  legende,
  lignes,
  pagination,
  urlPage,
}: {
  legende: string;
  lignes: LigneAcces[];
  pagination: { page: number; pages: number; total: number };
  urlPage: (page: number) => string;
}) {
  if (pagination.total === 0) {
    return <p className="fr-my-4w">Aucun accès enregistré.</p>;
  }
  if (lignes.length === 0) {
    return (
      <p className="fr-my-4w">
        Cette page est au-delà de la dernière. <Lien href={urlPage(1)}>Revenir à la première page</Lien>.
      </p>
    );
  }
  return (
    <>
      <p className="fr-text--sm">
        {pagination.total} accès enregistré{pagination.total > 1 ? 's' : ''}, du plus récent au plus ancien.
      </p>
      <Table
        caption={legende}
        headers={['Date et heure', 'Qui', 'Action', 'Donnée', 'Résultat', 'Raison']}
        data={lignes.map((l) => [
          <time key="quand" dateTime={l.horodatage}>
            {dateHeure(l.horodatage)}
          </time>,
          l.qui,
          l.action_libelle,
          libelleCible(l.cible),
          <Badge key="resultat" severity={RESULTATS[l.resultat].severite} small noIcon>
            {RESULTATS[l.resultat].libelle}
          </Badge>,
          l.raison_libelle ?? '—',
        ])}
      />
      {pagination.pages > 1 && (
        <Pagination count={pagination.pages} defaultPage={pagination.page} showFirstLast getPageLinkProps={(page) => ({ href: urlPage(page) })} />
      )}
    </>
  );
}
