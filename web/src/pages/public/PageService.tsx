import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Fragment, type ReactNode } from 'react';
import { lireReferentiels, lireService } from '../../api/annuaire.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { BadgeDemonstration } from '../../features/annuaire/BadgeDemonstration.js';
import { Coordonnees, lienWeb } from '../../features/annuaire/Coordonnees.js';
import { FicheLieu } from '../../features/annuaire/FicheLieu.js';
import { FRAIS, dateFrancaise, libelleDe, libelleSource } from '../../features/annuaire/libelles.js';
import { SignalerErreur } from '../../features/gestion/SignalerErreur.js';
import { Lien } from '../../routeur.js';

const filAriane = (libelle: string) => (
  <Breadcrumb currentPageLabel={libelle} homeLinkProps={{ href: '/' }} segments={[{ label: 'Trouver un service', linkProps: { href: '/annuaire' } }]} />
);

export function PageService({ id }: { id: string }) {
  const etat = useDonnees((signal) => lireService(id, signal), [id]);
  const referentiels = useDonnees(() => lireReferentiels(), []);
  const service = etat.statut === 'pret' ? etat.donnees : null;
  useTitrePage(service ? service.nom : etat.statut === 'erreur' ? 'Service introuvable' : 'Fiche service');

  if (etat.statut === 'chargement' || !service) {
    return (
      <div className="fr-container fr-pb-6w">
        {filAriane('Fiche service')}
        {etat.statut === 'erreur' ? (
          <>
            <h1>{etat.erreur.statut === 404 ? 'Service introuvable' : 'Fiche service indisponible'}</h1>
            <AvisErreur erreur={etat.erreur} />
            <Lien href="/annuaire" className="fr-link fr-icon-arrow-left-line fr-link--icon-left">
              Retour à la recherche
            </Lien>
          </>
        ) : (
          <>
            <h1>Fiche service</h1>
            <Chargement />
          </>
        )}
      </div>
    );
  }

  const voc = referentiels.donnees;
  const infos: [string, ReactNode][] = [];
  if (service.thematiques.length) infos.push(['Thématiques', service.thematiques.map((t) => libelleDe(voc?.thematiques, t)).join(', ')]);
  if (service.publics.length) infos.push(['Publics', service.publics.map((p) => libelleDe(voc?.publics, p)).join(', ')]);
  if (service.publics_precisions) infos.push(['Précisions sur les publics', service.publics_precisions]);
  if (service.type) infos.push(['Type de service', libelleDe(voc?.types_services, service.type)]);
  if (service.modes_accueil.length) infos.push(['Modes d’accueil', service.modes_accueil.map((m) => libelleDe(voc?.modes_accueil, m)).join(', ')]);
  if (service.frais) infos.push(['Coût', `${FRAIS[service.frais] ?? service.frais}${service.frais_precisions ? ` – ${service.frais_precisions}` : ''}`]);
  if (service.conditions_acces) infos.push(['Conditions d’accès', service.conditions_acces]);
  if (service.zone_eligibilite?.length) infos.push(['Zone d’éligibilité', service.zone_eligibilite.join(', ')]);
  if (service.mobilisation_precisions) infos.push(['Comment en bénéficier', service.mobilisation_precisions]);

  return (
    <div className="fr-container fr-pb-6w">
      {filAriane(service.nom)}
      <h1 className="fr-mb-2w">
        {service.nom} {service.demonstration && <BadgeDemonstration />}
      </h1>
      <p className="fr-text--lead">
        Proposé par <Lien href={`/structures/${service.structure.id}`}>{service.structure.nom}</Lien>
        {service.structure.reseau && <> – réseau {service.structure.reseau.libelle}</>}
      </p>
      {service.demonstration && (
        <p className="fr-text--sm trj-avertissement-demo">Ce service appartient au territoire de démonstration : ses informations sont fictives.</p>
      )}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-7">
          <h2 className="fr-h4">Description</h2>
          <p>{service.description || service.resume}</p>
          {infos.length > 0 && (
            <dl className="trj-definitions">
              {infos.map(([terme, valeur]) => (
                <Fragment key={terme}>
                  <dt>{terme}</dt>
                  <dd>{valeur}</dd>
                </Fragment>
              ))}
            </dl>
          )}
          {(service.telephone || service.courriel || service.lien_mobilisation) && (
            <>
              <h2 className="fr-h4 fr-mt-4w">Contacter le service</h2>
              <Coordonnees telephone={service.telephone} courriel={service.courriel} priseRdv={service.lien_mobilisation} nom={service.nom} />
            </>
          )}
          {service.lien_mobilisation && (
            <p>
              <a
                className="fr-link"
                href={lienWeb(service.lien_mobilisation)}
                target="_blank"
                rel="noopener noreferrer"
                title={`Demander ce service : ${service.nom} – nouvelle fenêtre`}
              >
                Demander ce service en ligne
              </a>
            </p>
          )}
          <p className="fr-text--sm trj-source">
            Source : {libelleSource(service.source)} · Mis à jour le {dateFrancaise(service.date_donnees)}
          </p>
          <SignalerErreur structureId={service.structure.id} objet={{ type: 'service', id: service.id }} sujet="ce service" />
        </div>
        <div className="fr-col-12 fr-col-md-5">
          <h2 className="fr-h4">Où s’adresser</h2>
          {service.site ? <FicheLieu lieu={service.site} /> : <p>Ce service n’est pas rattaché à un lieu d’accueil : contactez la structure.</p>}
          <Lien href={`/structures/${service.structure.id}`} className="fr-link fr-icon-arrow-right-line fr-link--icon-right">
            Tous les lieux et services de {service.structure.nom}
          </Lien>
        </div>
      </div>
    </div>
  );
}
