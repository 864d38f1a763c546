import { Card } from '@codegouvfr/react-dsfr/Card';
import type { Referentiels, ServiceResume } from '../../api/types.js';
import { BadgeDemonstration } from './BadgeDemonstration.js';
import { adresseDe } from './FicheLieu.js';
import { distanceFrancaise, libelleDe } from './libelles.js';

/** Search results as DSFR cards: name, structure, network, address, distance. */
export function ListeResultats({ services, referentiels }: { services: ServiceResume[]; referentiels: Referentiels | null }) {
  return (
    <ul className="trj-resultats">
      {services.map((s) => {
        const adresse = s.site ? adresseDe(s.site) : null;
        return (
          <li key={s.id} className="fr-mb-3w">
            <Card
              titleAs="h3"
              title={s.nom}
              linkProps={{ href: `/services/${s.id}` }}
              enlargeLink
              size="small"
              start={
                <ul className="fr-badges-group">
                  {s.demonstration && (
                    <li>
                      <BadgeDemonstration small />
                    </li>
                  )}
                  {s.thematiques.slice(0, 2).map((t) => (
                    <li key={t}>
                      <span className="fr-badge fr-badge--sm fr-badge--blue-ecume">{libelleDe(referentiels?.thematiques, t)}</span>
                    </li>
                  ))}
                </ul>
              }
              desc={
                <>
                  <span className="trj-carte-structure">{s.structure.nom}</span>
                  {s.structure.reseau && <span className="trj-carte-ligne">Réseau : {s.structure.reseau.libelle}</span>}
                  <span className="trj-carte-ligne">{adresse ?? 'Adresse non renseignée'}</span>
                </>
              }
              end={s.distance_km !== null ? <p className="fr-card__detail fr-icon-map-pin-2-line">À {distanceFrancaise(s.distance_km)}</p> : undefined}
            />
          </li>
        );
      })}
    </ul>
  );
}
