/**
 * Reference data (geography, networks) changes only when its files are loaded again, which a
 * process does at start, before it serves, and a deployment restarts every process. Reads of it can
 * then be kept in memory: per database (a test run holds several), bounded, and forgotten at once
 * when this process loads the data again.
 */
export function creerMemoireDeReference<V>(options: { taille: number }) {
  let generation = 0;
  const parBase = new WeakMap<object, { generation: number; valeurs: Map<string, V> }>();
  return {
    /** The value kept for `cle`, else what `charger` reads (kept unless undefined: a miss is read again). */
    async lire(db: object, cle: string, charger: () => Promise<V | undefined>): Promise<V | undefined> {
      let memoire = parBase.get(db);
      if (!memoire || memoire.generation !== generation) {
        memoire = { generation, valeurs: new Map() };
        parBase.set(db, memoire);
      }
      const gardee = memoire.valeurs.get(cle);
      if (gardee !== undefined) return gardee;
      const valeur = await charger();
      if (valeur !== undefined) {
        // Codes are checked before they come here, but a bound keeps memory flat whatever is asked.
        if (memoire.valeurs.size >= options.taille) memoire.valeurs.clear();
        memoire.valeurs.set(cle, valeur);
      }
      return valeur;
    },
    /** Forgets every value, for every database: called by the loader of this data. */
    oublier(): void {
      generation++;
    },
  };
}
