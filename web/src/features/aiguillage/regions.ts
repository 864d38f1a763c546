import { useEffect, useState } from 'react';
import { lireRegions } from '../../api/annuaire.js';
import { useSession } from '../identite/SessionContexte.js';

export interface RegionGeree {
  code: string;
  nom: string;
}

/**
 * The regions whose rule sets the account manages: those it coordinates, every region for an
 * administrator (who also manages the national default). What the API then allows stays its call.
 */
export function useRegionsGerees(): { regions: RegionGeree[] | undefined; national: boolean } {
  const { session } = useSession();
  const [toutes, setToutes] = useState<RegionGeree[]>();
  useEffect(() => {
    lireRegions().then(
      ({ regions }) => setToutes(regions.map((r) => ({ code: r.code, nom: r.nom }))),
      () => setToutes([]),
    );
  }, []);
  if (!session?.connecte || !toutes) return { regions: undefined, national: false };
  const administrateur = session.adhesions.some((a) => a.role === 'admin');
  const coordonnees = new Set(session.adhesions.flatMap((a) => (a.role === 'coordinator' && a.territoire_code ? [a.territoire_code] : [])));
  return {
    regions: administrateur ? toutes : toutes.filter((r) => coordonnees.has(r.code)),
    national: administrateur,
  };
}
