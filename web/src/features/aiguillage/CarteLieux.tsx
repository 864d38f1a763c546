import { useMemo } from 'react';
import { CarteDepartements, type PointSurCarte } from '../../components/CarteDepartements.js';
import { distanceFrancaise, nomCompose } from '../annuaire/libelles.js';
import type { SiteProche } from './api.js';

export interface LieuSurCarte {
  site: SiteProche;
  /** Who receives there: the operator or orientation, for the marker's name. */
  pour: string;
}

/** The nearest places on a map of the person's region, one link-marker per place (to its structure's page). */
export function CarteLieux({ lieux, region }: { lieux: LieuSurCarte[]; region: string }) {
  const points = useMemo<PointSurCarte[]>(() => {
    // A place shared by two operators (a France services hosting several) gets one marker.
    const uniques = [...new Map(lieux.map((l) => [l.site.id, l])).values()];
    return uniques.map(({ site, pour }) => ({
      id: site.id,
      href: `/structures/${site.structure.id}`,
      libelle: `${nomCompose([site.nom, pour], site.demonstration)}, à ${distanceFrancaise(site.distance_km)}`,
      titre: nomCompose([site.nom, pour], false),
      longitude: site.longitude,
      latitude: site.latitude,
    }));
  }, [lieux]);
  return (
    <CarteDepartements
      points={points}
      region={region}
      titre="Carte des lieux d’accueil (les mêmes lieux sont dans la liste)"
      nomMarqueur="Lieu d’accueil"
      siIndisponible="La carte ne peut pas s’afficher sur cet appareil (WebGL indisponible). Les lieux restent consultables dans la liste."
      vueInitiale={{ centre: [2.4, 46.6], zoom: 5 }}
      zoomMaximal={12}
    />
  );
}
