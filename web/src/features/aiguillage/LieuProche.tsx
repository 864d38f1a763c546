import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Lien } from '../../routeur.js';
import { BadgeDemonstration } from '../annuaire/BadgeDemonstration.js';
import { Coordonnees } from '../annuaire/Coordonnees.js';
import { adresseDe } from '../annuaire/FicheLieu.js';
import { Horaires } from '../annuaire/Horaires.js';
import { distanceFrancaise, libelleCanal } from '../annuaire/libelles.js';
import type { SiteProche } from './api.js';

function Ouverture({ ouvert }: { ouvert: boolean | null }) {
  if (ouvert === null) return null;
  return ouvert ? (
    <Badge severity="success" small as="span">
      Ouvert en ce moment
    </Badge>
  ) : (
    <Badge severity="info" noIcon small as="span">
      Fermé en ce moment
    </Badge>
  );
}

/** One nearby reception place: distance, address, whether open now, hours, channels and contact. */
export function LieuProche({ site, titre: Titre = 'h4' }: { site: SiteProche; titre?: 'h4' | 'h5' }) {
  const adresse = adresseDe(site);
  return (
    <div className="fr-p-2w fr-mb-2w trj-fiche-lieu">
      <Titre className="fr-text--lg fr-mb-1v">
        <Lien href={`/structures/${site.structure.id}`}>{site.nom}</Lien> {site.demonstration && <BadgeDemonstration small />}
      </Titre>
      <p className="fr-mb-1w">
        <span className="fr-icon-map-pin-2-line fr-icon--sm" aria-hidden="true" /> <strong>À {distanceFrancaise(site.distance_km)}</strong>
        {adresse ? ` – ${adresse}` : ''} <Ouverture ouvert={site.ouvert_maintenant} />
        {site.position_approximative && <span className="fr-hint-text">Distance approximative (centre de la commune du lieu).</span>}
      </p>
      <details className="fr-mb-1w">
        <summary>Horaires et moyens de contact</summary>
        <Horaires horaires={site.horaires} texte={site.horaires_texte} />
        {site.canaux.length > 0 && <p className="fr-mt-1w fr-mb-0">Accueil : {site.canaux.map(libelleCanal).join(', ')}.</p>}
        <Coordonnees telephone={site.telephone} courriel={site.courriel} siteWeb={site.site_web} priseRdv={site.prise_rdv} nom={site.nom} />
        {site.accessibilite && <p className="fr-mb-0">Accessibilité : {site.accessibilite}</p>}
      </details>
    </div>
  );
}
