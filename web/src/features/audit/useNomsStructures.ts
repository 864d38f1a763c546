import { useEffect, useState } from 'react';
import { lireStructure } from '../../api/annuaire.js';

// Structure names are public (the directory): kept for the whole visit, asked once each.
const connus = new Map<string, Promise<string | null>>();

function nomDe(id: string): Promise<string | null> {
  let nom = connus.get(id);
  if (!nom) {
    nom = lireStructure(id).then(
      (s) => s.nom,
      () => {
        connus.delete(id);
        return null;
      },
    );
    connus.set(id, nom);
  }
  return nom;
}

/** Names of the structures, by id, as the public directory gives them; absent until known (or unknown). */
export function useNomsStructures(ids: readonly (string | null)[]): ReadonlyMap<string, string> {
  const [noms, setNoms] = useState<ReadonlyMap<string, string>>(new Map());
  const cle = [...new Set(ids.filter((id): id is string => id !== null))].sort().join(',');
  useEffect(() => {
    if (cle === '') return;
    let actif = true;
    const liste = cle.split(',');
    void Promise.all(liste.map(async (id) => [id, await nomDe(id)] as const)).then((paires) => {
      if (actif) setNoms(new Map(paires.filter((p): p is readonly [string, string] => p[1] !== null)));
    });
    return () => {
      actif = false;
    };
  }, [cle]);
  return noms;
}
