import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Pagination } from '@codegouvfr/react-dsfr/Pagination';
import { type FormEvent, useState } from 'react';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { BadgeDemonstration } from '../../features/annuaire/BadgeDemonstration.js';
import { dateFrancaise } from '../../features/annuaire/libelles.js';
import { URL_GESTION, listerStructuresGerees, urlGestion } from '../../features/gestion/api.js';
import { AccesReserve } from '../../features/identite/AccesReserve.js';
import { Lien, naviguer } from '../../routeur.js';

function parametres(recherche: string) {
  const p = new URLSearchParams(recherche);
  const page = Number(p.get('page'));
  return { q: p.get('q') ?? '', page: Number.isInteger(page) && page >= 1 ? page : 1 };
}

const url = (q: string, page: number) => {
  const p = new URLSearchParams();
  if (q) p.set('q', q);
  if (page > 1) p.set('page', String(page));
  const texte = p.toString();
  return texte ? `${URL_GESTION}?${texte}` : URL_GESTION;
};

function MesStructures({ q, page }: { q: string; page: number }) {
  const etat = useDonnees((signal) => listerStructuresGerees({ q, page }, signal), [q, page]);
  const [saisie, setSaisie] = useState(q);
  useTitrePage('Gérer mes structures');
  const chercher = (e: FormEvent) => {
    e.preventDefault();
    naviguer(url(saisie.trim(), 1));
  };
  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb currentPageLabel="Gérer mes structures" homeLinkProps={{ href: '/' }} segments={[]} />
      <h1>Gérer mes structures</h1>
      <p>Les structures dont vous tenez la fiche dans l’annuaire : lieux, horaires, services et contacts.</p>
      <form role="search" onSubmit={chercher} className="fr-mb-3w">
        <div className="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom">
          <div className="fr-col-12 fr-col-md-8">
            <Input label="Nom de la structure" nativeInputProps={{ type: 'search', value: saisie, onChange: (e) => setSaisie(e.target.value) }} />
          </div>
          <div className="fr-col-12 fr-col-md-4 trj-bouton-recherche">
            <Button type="submit">Chercher</Button>
          </div>
        </div>
      </form>
      {etat.statut === 'erreur' && <AvisErreur erreur={etat.erreur} titre="La liste n’a pas pu être affichée" />}
      {!etat.donnees && etat.statut === 'chargement' && <Chargement texte="Chargement de vos structures…" />}
      {etat.donnees?.structures.length === 0 && <p>{q ? 'Aucune de vos structures ne porte ce nom.' : 'Vous ne gérez aucune structure pour le moment.'}</p>}
      {etat.donnees && etat.donnees.structures.length > 0 && (
        <>
          <p className="fr-text--sm">
            {etat.donnees.pagination.total} structure{etat.donnees.pagination.total > 1 ? 's' : ''}
          </p>
          <ul className="trj-liste-nue">
            {etat.donnees.structures.map((s) => (
              <li key={s.id} className="fr-card fr-enlarge-link fr-card--horizontal fr-mb-2w">
                <div className="fr-card__body">
                  <div className="fr-card__content">
                    <h2 className="fr-card__title fr-h5">
                      <Lien href={urlGestion(s.id)}>{s.nom}</Lien>
                    </h2>
                    <p className="fr-card__desc">
                      {[s.reseau?.libelle, s.commune?.nom].filter(Boolean).join(' · ')}
                      {s.demonstration && (
                        <>
                          {' '}
                          <BadgeDemonstration small />
                        </>
                      )}
                    </p>
                    <div className="fr-card__start">
                      <ul className="fr-badges-group">
                        <li>
                          {s.confirme_le ? (
                            <Badge small severity="success">
                              Confirmée le {dateFrancaise(s.confirme_le)}
                            </Badge>
                          ) : (
                            <Badge small severity="warning">
                              Jamais confirmée
                            </Badge>
                          )}
                        </li>
                        {s.signalements_ouverts > 0 && (
                          <li>
                            <Badge small severity="new">
                              {s.signalements_ouverts} signalement{s.signalements_ouverts > 1 ? 's' : ''} à traiter
                            </Badge>
                          </li>
                        )}
                      </ul>
                    </div>
                  </div>
                </div>
              </li>
            ))}
          </ul>
          {etat.donnees.pagination.pages > 1 && (
            <Pagination count={etat.donnees.pagination.pages} defaultPage={page} getPageLinkProps={(p) => ({ href: url(q, p) })} />
          )}
        </>
      )}
    </div>
  );
}

/** The structures the agent may edit, to pick the one to update. */
export function PageMesStructures({ recherche }: { recherche: string }) {
  const { q, page } = parametres(recherche);
  return (
    <AccesReserve permission="annuaire.structure.modifier">
      <MesStructures q={q} page={page} />
    </AccesReserve>
  );
}
