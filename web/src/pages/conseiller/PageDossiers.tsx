import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { dateFrancaise } from '../../features/annuaire/libelles.js';
import { URL_ACCUEIL, URL_DOSSIERS, listerDossiers, urlDossier } from '../../features/dossier/api.js';
import { LIBELLES_PHASES } from '../../features/dossier/libelles.js';
import { AccesReserve } from '../../features/identite/AccesReserve.js';
import { aLaPermission, useSession } from '../../features/identite/SessionContexte.js';
import { Lien } from '../../routeur.js';

function pageDe(recherche: string): number {
  const page = Number(new URLSearchParams(recherche).get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

const url = (page: number) => (page > 1 ? `${URL_DOSSIERS}?page=${page}` : URL_DOSSIERS);

function Dossiers({ page }: { page: number }) {
  const etat = useDonnees((signal) => listerDossiers(page, signal), [page]);
  const { session } = useSession();
  useTitrePage('Dossiers');
  return (
    <>
      <h1>Dossiers</h1>
      <p>Les dossiers que vos structures détiennent, et ceux que des personnes leur ont partagés avec leur accord. Chaque consultation est journalisée.</p>
      {aLaPermission(session, 'dossier.creer') && (
        <p>
          <Lien className="fr-btn fr-btn--icon-left fr-icon-add-line" href={URL_ACCUEIL}>
            Accueillir une personne
          </Lien>
        </p>
      )}
      {etat.statut === 'erreur' && <AvisErreur erreur={etat.erreur} titre="La liste n’a pas pu être affichée" />}
      {!etat.donnees && etat.statut === 'chargement' && <Chargement texte="Chargement des dossiers…" />}
      {etat.donnees?.dossiers.length === 0 && <p>Aucun dossier pour le moment : ils apparaissent ici dès que vous accueillez une personne.</p>}
      {etat.donnees && etat.donnees.dossiers.length > 0 && (
        <>
          <p className="fr-text--sm">
            {etat.donnees.pagination.total} dossier{etat.donnees.pagination.total > 1 ? 's' : ''}
          </p>
          <ul className="trj-liste-nue">
            {etat.donnees.dossiers.map((d) => (
              <li key={d.id} className="fr-card fr-enlarge-link fr-card--horizontal fr-mb-2w">
                <div className="fr-card__body">
                  <div className="fr-card__content">
                    <h2 className="fr-card__title fr-h5">
                      <Lien href={urlDossier(d.id)}>{d.personne ? `${d.personne.prenom} ${d.personne.nom}` : 'Personne (identité non partagée)'}</Lien>
                    </h2>
                    <p className="fr-card__desc">
                      {[d.personne?.commune, d.choix ? `choix : ${d.choix.libelle}` : null, `modifié le ${dateFrancaise(d.modifie_le)}`]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                    <div className="fr-card__start">
                      <ul className="fr-badges-group">
                        <li>
                          <Badge small severity={d.phase === 'orientation' ? 'success' : 'info'}>
                            {LIBELLES_PHASES[d.phase]}
                          </Badge>
                        </li>
                        <li>
                          {d.fondement === 'detentrice' ? (
                            <Badge small noIcon>
                              Détenu par {d.detentrice.nom ?? 'votre structure'}
                            </Badge>
                          ) : (
                            <Badge small severity="new">
                              Partagé par {d.detentrice.nom ?? 'une autre structure'}
                            </Badge>
                          )}
                        </li>
                      </ul>
                    </div>
                  </div>
                </div>
              </li>
            ))}
          </ul>
          {etat.donnees.pagination.pages > 1 && (
            <Pagination count={etat.donnees.pagination.pages} defaultPage={page} getPageLinkProps={(p) => ({ href: url(p) })} />
          )}
        </>
      )}
    </>
  );
}

/** The files the agent's structures hold, and those people shared with them. */
export function PageDossiers({ recherche }: { recherche: string }) {
  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb currentPageLabel="Dossiers" homeLinkProps={{ href: '/' }} segments={[]} />
      <AccesReserve permission="dossier.lire">
        <Dossiers page={pageDe(recherche)} />
      </AccesReserve>
    </div>
  );
}
