/**
 * Bounds how many costly tasks run at once and how many may wait. Beyond the queue, `executer`
 * rejects at once with the error `saturation()` gives: a flood is refused instead of queued for
 * minutes while it eats the memory and threads every other request needs.
 */
export function creerLimiteur(options: { simultanes: number; fileMax: number; saturation: () => Error }) {
  let enCours = 0;
  const file: (() => void)[] = [];

  const liberer = () => {
    const suivant = file.shift();
    if (suivant) suivant();
    else enCours--;
  };

  return {
    async executer<T>(tache: () => Promise<T>): Promise<T> {
      if (enCours >= options.simultanes) {
        if (file.length >= options.fileMax) throw options.saturation();
        // The slot is handed over by liberer() without decrementing: no one can overtake the queue.
        await new Promise<void>((resolve) => file.push(resolve));
      } else enCours++;
      try {
        return await tache();
      } finally {
        liberer();
      }
    },
    get etat() {
      return { enCours, enAttente: file.length };
    },
  };
}
