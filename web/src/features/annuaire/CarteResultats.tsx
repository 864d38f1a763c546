import { useEffect, useMemo, useState } from 'react';
import { lireRegions } from '../../api/annuaire.js';
import type { ServiceResume } from '../../api/types.js';
import { CarteDepartements, type PointSurCarte } from '../../components/CarteDepartements.js';
import { formatCodeDepartement, nomCompose } from './libelles.js';

/** Demonstration territory, shown when no commune is chosen. */
const REGION_PAR_DEFAUT = '75';

async function regionDe(codeCommune: string | null): Promise<string> {
  if (!codeCommune) return REGION_PAR_DEFAUT;
  const departement = formatCodeDepartement(codeCommune);
  const { regions } = await lireRegions();
  return regions.find((r) => r.departements.some((d) => d.code === departement))?.code ?? REGION_PAR_DEFAUT;
}

interface Props {
  services: ServiceResume[];
  codeCommune: string | null;
}

/** Results on a map of the commune's region, one link-marker per result that has coordinates. */
export function CarteResultats({ services, codeCommune }: Props) {
  const [region, setRegion] = useState<string | null>(null);
  useEffect(() => {
    let actuel = true;
    regionDe(codeCommune).then(
      (r) => actuel && setRegion(r),
      () => actuel && setRegion(REGION_PAR_DEFAUT),
    );
    return () => {
      actuel = false;
    };
  }, [codeCommune]);

  const points = useMemo<PointSurCarte[]>(
    () =>
      services.flatMap((s) =>
        s.site?.latitude != null && s.site.longitude != null
          ? [
              {
                id: s.id,
                href: `/services/${s.id}`,
                libelle: nomCompose([s.nom, s.structure.nom], s.demonstration),
                titre: nomCompose([s.nom, s.structure.nom], false),
                longitude: s.site.longitude,
                latitude: s.site.latitude,
              },
            ]
          : [],
      ),
    [services],
  );
  return (
    <CarteDepartements
      points={points}
      region={region}
      titre="Carte des résultats (le même contenu est disponible dans la liste)"
      nomMarqueur="Résultat"
      siIndisponible="La carte ne peut pas s’afficher sur cet appareil (WebGL indisponible). Les résultats restent consultables dans la liste."
      vueInitiale={{ centre: [0.2, 45.2], zoom: 5.5 }}
      zoomMaximal={11}
    />
  );
}
