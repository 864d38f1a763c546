import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { lazy, useEffect, useMemo, useRef } from 'react';
import { lireReferentiels, rechercherServices } from '../../api/annuaire.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { CarteSurDemande } from '../../components/CarteSurDemande.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { type Criteres, lireCriteres, urlAnnuaire, versRequete } from '../../features/annuaire/criteres.js';
import { FormulaireRecherche } from '../../features/annuaire/FormulaireRecherche.js';
import { ListeResultats } from '../../features/annuaire/ListeResultats.js';
import { naviguer } from '../../routeur.js';

const CarteResultats = lazy(() => import('../../features/annuaire/CarteResultats.js').then((m) => ({ default: m.CarteResultats })));

const nombre = new Intl.NumberFormat('fr-FR');

/** Beyond the ceiling the API counts no further: "plus de 1 000", never a false exact figure. */
function compte(total: number, exact: boolean): string {
  return exact ? nombre.format(total) : `plus de ${nombre.format(total)}`;
}

function titreResultats(total: number, exact: boolean): string {
  if (total === 0) return 'Aucun service trouvé';
  const texte = `${compte(total, exact)} service${total > 1 ? 's' : ''} trouvé${total > 1 ? 's' : ''}`;
  return texte.charAt(0).toUpperCase() + texte.slice(1);
}

export function PageAnnuaire({ recherche }: { recherche: string }) {
  const criteres = useMemo(() => lireCriteres(recherche), [recherche]);
  const referentiels = useDonnees(() => lireReferentiels(), []);
  const resultats = useDonnees((signal) => rechercherServices(versRequete(criteres), signal), [criteres]);
  const titreListe = useRef<HTMLHeadingElement>(null);
  const doitFocaliser = useRef(false);

  const donnees = resultats.donnees;
  const total = donnees?.pagination.total ?? 0;
  const totalExact = donnees?.pagination.total_exact ?? true;
  const nomCommune = donnees?.recherche.commune?.code === criteres.commune ? (donnees.recherche.commune?.nom ?? null) : null;

  useTitrePage(
    resultats.statut === 'pret'
      ? `${titreResultats(total, totalExact)}${criteres.page > 1 ? ` (page ${criteres.page})` : ''} – Trouver un service`
      : 'Trouver un service',
  );

  // After a search or a page change made here, reading continues at the results.
  useEffect(() => {
    if (resultats.statut === 'pret' && doitFocaliser.current) {
      doitFocaliser.current = false;
      titreListe.current?.focus();
    }
  }, [resultats.statut]);

  const rechercher = (c: Criteres) => {
    doitFocaliser.current = true;
    naviguer(urlAnnuaire(c));
  };

  const enChargement = resultats.statut === 'chargement';
  const phraseRecherche = [criteres.q ? `« ${criteres.q} »` : null, nomCommune ? `autour de ${nomCommune} (${donnees?.recherche.rayon_km ?? 30} km)` : null]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb currentPageLabel="Trouver un service" homeLinkProps={{ href: '/' }} segments={[]} />
      <h1>Trouver un service</h1>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-lg-3">
          {donnees && resultats.statut === 'pret' && (
            <p className="trj-aller-resultats">
              <a className="fr-link fr-icon-arrow-down-line fr-link--icon-right" href="#titre-resultats">
                Aller aux résultats ({compte(total, totalExact)})
              </a>
            </p>
          )}
          {referentiels.statut === 'erreur' && (
            <AvisErreur erreur={referentiels.erreur} titre="Les listes de thématiques et de publics sont indisponibles" as="h2" />
          )}
          <FormulaireRecherche criteres={criteres} nomCommune={nomCommune} referentiels={referentiels.donnees} onRechercher={rechercher} />
        </div>
        <div className="fr-col-12 fr-col-lg-9">
          <div className="fr-sr-only" role="status" aria-live="polite">
            {enChargement ? 'Recherche en cours…' : resultats.statut === 'pret' ? `${titreResultats(total, totalExact)}.` : ''}
          </div>
          {resultats.statut === 'erreur' && <AvisErreur erreur={resultats.erreur} titre="La recherche n’a pas abouti" />}
          {enChargement && !donnees && <Chargement texte="Recherche en cours…" />}
          {donnees && resultats.statut !== 'erreur' && (
            <div aria-busy={enChargement} className={enChargement ? 'trj-en-cours' : undefined}>
              <h2 id="titre-resultats" ref={titreListe} tabIndex={-1} className="fr-h4">
                {titreResultats(total, totalExact)}
                {phraseRecherche && <span className="fr-text--md fr-text--regular trj-bloc"> pour {phraseRecherche}</span>}
              </h2>
              {!totalExact && (
                <p className="fr-text--sm">
                  Le classement porte sur {nombre.format(total)} d’entre eux{nomCommune ? ', les plus proches' : ''} : précisez le besoin, la commune ou un
                  filtre pour resserrer la recherche.
                </p>
              )}
              {donnees.recherche.termes_corriges.length > 0 && (
                <p className="fr-text--sm">
                  Recherche élargie : {donnees.recherche.termes_corriges.map((t) => `« ${t.saisi} » lu « ${t.corrige} »`).join(', ')}.
                </p>
              )}
              {total === 0 ? (
                <Alert
                  severity="info"
                  as="h3"
                  title="Aucun service ne correspond à ces critères"
                  description="Essayez un besoin formulé autrement, une distance plus grande ou retirez un filtre (thématique, public, réseau)."
                />
              ) : (
                <div className="fr-grid-row fr-grid-row--gutters">
                  <section className="fr-col-12 fr-col-md-7" aria-labelledby="titre-liste">
                    <h3 id="titre-liste" className="fr-sr-only">
                      Liste des résultats
                    </h3>
                    <ListeResultats services={donnees.services} referentiels={referentiels.donnees} />
                    {donnees.pagination.pages > 1 && (
                      <Pagination
                        count={Math.min(donnees.pagination.pages, 500)}
                        defaultPage={criteres.page}
                        showFirstLast
                        getPageLinkProps={(page) => ({
                          href: urlAnnuaire({ ...criteres, page }),
                          onClick: () => {
                            doitFocaliser.current = true;
                          },
                        })}
                      />
                    )}
                  </section>
                  <section className="fr-col-12 fr-col-md-5" aria-labelledby="titre-carte">
                    <div className="trj-carte-colonne">
                      <h3 id="titre-carte" className="fr-h6">
                        Carte des résultats
                      </h3>
                      <CarteSurDemande>
                        <CarteResultats services={donnees.services} codeCommune={criteres.commune || null} />
                      </CarteSurDemande>
                      <p className="fr-text--xs fr-mt-1w">
                        Fond : limites des départements (référentiel géographique officiel). Les positions approximatives sont placées au centre de la commune.
                      </p>
                    </div>
                  </section>
                </div>
              )}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
