import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { useEffect, useState } from 'react';
import { lireRegions } from '../../api/annuaire.js';
import type { VersionRegles } from './api.js';

/** In force, published (not or no longer in force), or draft. */
export function StatutVersion({ version }: { version: Pick<VersionRegles, 'statut' | 'en_vigueur'> }) {
  if (version.en_vigueur)
    return (
      <Badge severity="success" small as="span">
        En vigueur
      </Badge>
    );
  if (version.statut === 'publie')
    return (
      <Badge severity="info" noIcon small as="span">
        Publiée
      </Badge>
    );
  return (
    <Badge small as="span">
      Brouillon
    </Badge>
  );
}

/** Region names by code, from the reference geography (the API's list, fetched once for the whole site). */
export function useNomsRegions(): Map<string, string> {
  const [noms, setNoms] = useState(() => new Map<string, string>());
  useEffect(() => {
    let actuel = true;
    lireRegions().then(
      (r) => actuel && setNoms(new Map(r.regions.map((region) => [region.code, region.nom]))),
      () => {
        // Names unavailable: the versions still read "Région".
      },
    );
    return () => {
      actuel = false;
    };
  }, []);
  return noms;
}

/** "Nouvelle-Aquitaine" or "Nationale": a Region is named, never shown by its INSEE code. */
export const perimetre = (v: Pick<VersionRegles, 'region_code'>, noms: Map<string, string>) =>
  v.region_code ? (noms.get(v.region_code) ?? 'Région') : 'Nationale';
