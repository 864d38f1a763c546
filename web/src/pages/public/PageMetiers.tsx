import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { Tile } from '@codegouvfr/react-dsfr/Tile';
import { useEffect, useMemo, useRef } from 'react';
import { chercherMetiers, type RechercheReponse } from '../../api/metiers.js';
import { messageDuChamp, sansChamps } from '../../features/identite/navigation.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { type EtatDonnees, useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { FormulaireRechercheMetier } from '../../features/metiers/FormulaireRechercheMetier.js';
import { ListeMetiers } from '../../features/metiers/ListeMetiers.js';
import { lireRecherche, URL_INTERETS, URL_RAPPROCHEMENT, urlRecherche } from '../../features/metiers/urls.js';
import { naviguer } from '../../routeur.js';

const PAR_PAGE = 10;

// Without a search there is nothing to ask the API: an answer that never changes.
const aucuneRecherche = () => Promise.resolve(null);

function titreResultats(total: number, q: string): string {
  if (total === 0) return `Aucun métier trouvé pour « ${q} »`;
  return `${total} métier${total > 1 ? 's' : ''} trouvé${total > 1 ? 's' : ''} pour « ${q} »`;
}

/** "Rechercher un métier": the ROME fiches found through their job titles, page by page. */
export function PageMetiers({ recherche }: { recherche: string }) {
  const { q, page } = useMemo(() => lireRecherche(recherche), [recherche]);
  const etat: EtatDonnees<RechercheReponse | null> = useDonnees(
    (signal) => (q ? chercherMetiers({ q, page, par_page: PAR_PAGE }, signal) : aucuneRecherche()),
    [q, page],
  );
  const titre = useRef<HTMLHeadingElement>(null);
  const doitFocaliser = useRef(false);
  const donnees = etat.donnees;
  useTitrePage(q && donnees && etat.statut === 'pret' ? `${titreResultats(donnees.pagination.total, q)} – Rechercher un métier` : 'Rechercher un métier');

  // After a search or a page change made here, reading continues at the results.
  useEffect(() => {
    if (etat.statut === 'pret' && doitFocaliser.current) {
      doitFocaliser.current = false;
      titre.current?.focus();
    }
  }, [etat.statut]);

  const erreur = etat.statut === 'erreur' ? etat.erreur : null;
  const erreurChamp = messageDuChamp(erreur, 'q');
  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb currentPageLabel="Rechercher un métier" homeLinkProps={{ href: '/' }} segments={[]} />
      <h1>Rechercher un métier</h1>
      <p className="fr-text--lead">
        Les fiches du répertoire opérationnel des métiers et des emplois de France Travail (ROME 4.0) : ce que fait le professionnel, comment on y accède, les
        compétences demandées et les métiers proches.
      </p>
      <FormulaireRechercheMetier
        label="Intitulé du métier ou code ROME"
        valeur={q}
        bouton="Rechercher"
        erreur={erreurChamp}
        onChercher={(texte) => {
          doitFocaliser.current = true;
          naviguer(urlRecherche(texte));
        }}
      />

      {erreur && <AvisErreur erreur={erreurChamp ? sansChamps(erreur) : erreur} titre="La recherche n’a pas abouti" />}
      {q && etat.statut === 'chargement' && !donnees && <Chargement texte="Recherche des métiers…" />}
      {q && donnees && etat.statut !== 'erreur' && (
        <section aria-labelledby="titre-resultats" aria-busy={etat.statut === 'chargement'} className="fr-mt-4w">
          <h2 id="titre-resultats" ref={titre} tabIndex={-1} className="fr-h4">
            {titreResultats(donnees.pagination.total, q)}
            {page > 1 && ` (page ${page})`}
          </h2>
          {donnees.pagination.total === 0 ? (
            <Alert
              severity="info"
              as="h3"
              title="Aucune fiche ne ressemble à cette recherche"
              description={
                <ul className="fr-mb-0">
                  <li>vérifiez la première lettre : c’est la seule où une faute n’est pas corrigée ;</li>
                  <li>essayez un intitulé plus court ou plus courant, par exemple « vendeur » plutôt que « conseiller de vente en magasin » ;</li>
                  <li>ou saisissez un code ROME, une lettre et quatre chiffres comme J1501.</li>
                </ul>
              }
            />
          ) : (
            <>
              <ListeMetiers resultats={donnees.resultats} />
              {donnees.pagination.pages > 1 && (
                <Pagination
                  count={donnees.pagination.pages}
                  defaultPage={page}
                  showFirstLast
                  getPageLinkProps={(p) => ({
                    href: urlRecherche(q, p),
                    onClick: () => {
                      doitFocaliser.current = true;
                    },
                  })}
                />
              )}
            </>
          )}
        </section>
      )}

      {!q && (
        <section aria-labelledby="titre-autres-entrees" className="fr-mt-6w">
          <h2 id="titre-autres-entrees" className="fr-h4">
            Vous ne savez pas encore quel métier chercher ?
          </h2>
          <ul className="fr-grid-row fr-grid-row--gutters trj-liste-nue">
            <li className="fr-col-12 fr-col-md-6">
              <Tile
                title="Rapprocher mes compétences"
                titleAs="h3"
                desc="Indiquez vos expériences et ce que vous savez faire : les métiers les plus proches, expliqués."
                linkProps={{ href: URL_RAPPROCHEMENT }}
                enlargeLinkOrButton
              />
            </li>
            <li className="fr-col-12 fr-col-md-6">
              <Tile
                title="Mes centres d’intérêt"
                titleAs="h3"
                desc="Un questionnaire sur ce que vous aimez faire, et des familles de métiers pour en parler avec un conseiller."
                linkProps={{ href: URL_INTERETS }}
                enlargeLinkOrButton
              />
            </li>
          </ul>
        </section>
      )}
    </div>
  );
}
