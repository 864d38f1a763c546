import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { lireStructure } from '../../api/annuaire.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { BadgeDemonstration } from '../../features/annuaire/BadgeDemonstration.js';
import { Coordonnees } from '../../features/annuaire/Coordonnees.js';
import { FicheLieu } from '../../features/annuaire/FicheLieu.js';
import { dateFrancaise, libelleSource } from '../../features/annuaire/libelles.js';
import { SignalerErreur } from '../../features/gestion/SignalerErreur.js';
import { Lien } from '../../routeur.js';

const filAriane = (libelle: string) => (
  <Breadcrumb currentPageLabel={libelle} homeLinkProps={{ href: '/' }} segments={[{ label: 'Trouver un service', linkProps: { href: '/annuaire' } }]} />
);

export function PageStructure({ id }: { id: string }) {
  const etat = useDonnees((signal) => lireStructure(id, signal), [id]);
  const structure = etat.statut === 'pret' ? etat.donnees : null;
  useTitrePage(structure ? structure.nom : etat.statut === 'erreur' ? 'Structure introuvable' : 'Fiche structure');

  if (!structure) {
    return (
      <div className="fr-container fr-pb-6w">
        {filAriane('Fiche structure')}
        {etat.statut === 'erreur' ? (
          <>
            <h1>{etat.erreur.statut === 404 ? 'Structure introuvable' : 'Fiche structure indisponible'}</h1>
            <AvisErreur erreur={etat.erreur} />
            <Lien href="/annuaire" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
              Retour à la recherche
            </Lien>
          </>
        ) : (
          <>
            <h1>Fiche structure</h1>
            <Chargement />
          </>
        )}
      </div>
    );
  }

  return (
    <div className="fr-container fr-pb-6w">
      {filAriane(structure.nom)}
      <h1 className="fr-mb-2w">
        {structure.nom} {structure.demonstration && <BadgeDemonstration />}
      </h1>
      {structure.reseau && <p className="fr-text--lead">Réseau {structure.reseau.libelle}</p>}
      {structure.demonstration && (
        <p className="fr-text--sm trj-avertissement-demo">Cette structure appartient au territoire de démonstration : ses informations sont fictives.</p>
      )}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-7">
          <h2 className="fr-h4">Présentation</h2>
          <p>{structure.description ?? structure.reseau?.description ?? 'Pas de présentation publiée.'}</p>
          {structure.siret && <p className="fr-text--sm">SIRET : {structure.siret}</p>}
          <Coordonnees telephone={structure.telephone} courriel={structure.courriel} siteWeb={structure.site_web} nom={structure.nom} />

          <h2 className="fr-h4 fr-mt-4w">Services proposés</h2>
          {structure.services.length === 0 ? (
            <p>Aucun service publié pour cette structure.</p>
          ) : (
            <ul className="trj-liste-services">
              {structure.services.map((s) => (
                <li key={s.id} className="fr-mb-2w">
                  <Lien href={`/services/${s.id}`} className="fr-link">
                    {s.nom}
                    {structure.sites.length > 1 && s.site?.commune ? ` à ${s.site.commune.nom}` : ''}
                  </Lien>{' '}
                  {s.demonstration && <BadgeDemonstration small />}
                  <p className="fr-text--sm fr-mb-0">{s.resume}</p>
                </li>
              ))}
            </ul>
          )}

          <h2 className="fr-h4 fr-mt-4w">Contacts</h2>
          {structure.contacts.length === 0 ? (
            <p>Aucun contact nominatif publié : utilisez les coordonnées des lieux d’accueil.</p>
          ) : (
            <ul className="trj-liste-simple">
              {structure.contacts.map((c) => (
                <li key={c.id} className="fr-mb-2w">
                  <strong>{c.nom}</strong>
                  {c.fonction && <>, {c.fonction}</>} {c.demonstration && <BadgeDemonstration small />}
                  <Coordonnees telephone={c.telephone} courriel={c.courriel} nom={c.nom} />
                </li>
              ))}
            </ul>
          )}
          <p className="fr-text--sm trj-source">
            Source : {libelleSource(structure.source)} · Mis à jour le {dateFrancaise(structure.date_donnees)}
            {structure.confirme_le && <> · confirmé le {dateFrancaise(structure.confirme_le)}</>}
          </p>
          <SignalerErreur structureId={structure.id} objet={{ type: 'structure', id: structure.id }} sujet="cette structure" />
        </div>
        <div className="fr-col-12 fr-col-md-5">
          <h2 className="fr-h4">{structure.sites.length > 1 ? `Lieux d’accueil (${structure.sites.length})` : 'Lieu d’accueil'}</h2>
          {structure.sites.length === 0 ? <p>Aucun lieu d’accueil publié.</p> : structure.sites.map((s) => <FicheLieu key={s.id} lieu={s} />)}
        </div>
      </div>
    </div>
  );
}
