import { describe, expect, it } from 'vitest';
import { creerMemoireDeReference } from './memoire-reference.js';

function lecteur(valeurs: Record<string, string>) {
  const lectures: string[] = [];
  return { lectures, charger: (cle: string) => async () => (lectures.push(cle), valeurs[cle]) };
}

describe('mémoire des données de référence', () => {
  it('ne relit pas une valeur déjà lue pour la même base', async () => {
    const memoire = creerMemoireDeReference<string>({ taille: 10 });
    const base = {};
    const { lectures, charger } = lecteur({ '64445': 'Pau' });

    expect(await memoire.lire(base, '64445', charger('64445'))).toBe('Pau');
    expect(await memoire.lire(base, '64445', charger('64445'))).toBe('Pau');

    expect(lectures).toEqual(['64445']);
  });

  it('garde les valeurs de chaque base à part', async () => {
    const memoire = creerMemoireDeReference<string>({ taille: 10 });
    const [a, b] = [{}, {}];

    await memoire.lire(a, 'x', async () => 'de A');

    expect(await memoire.lire(b, 'x', async () => 'de B')).toBe('de B');
    expect(await memoire.lire(a, 'x', async () => 'relu')).toBe('de A');
  });

  it('relit une clé inconnue à chaque fois, sans la garder', async () => {
    const memoire = creerMemoireDeReference<string>({ taille: 10 });
    const base = {};
    const { lectures, charger } = lecteur({});

    expect(await memoire.lire(base, '99999', charger('99999'))).toBeUndefined();
    expect(await memoire.lire(base, '99999', charger('99999'))).toBeUndefined();

    expect(lectures).toEqual(['99999', '99999']);
  });

  it('oublie tout quand les données sont chargées de nouveau', async () => {
    const memoire = creerMemoireDeReference<string>({ taille: 10 });
    const base = {};
    await memoire.lire(base, 'x', async () => 'ancienne');

    memoire.oublier();

    expect(await memoire.lire(base, 'x', async () => 'nouvelle')).toBe('nouvelle');
  });

  it('reste bornée : au-delà de sa taille, elle repart de zéro', async () => {
    const memoire = creerMemoireDeReference<string>({ taille: 2 });
    const base = {};
    const { lectures, charger } = lecteur({ a: '1', b: '2', c: '3' });
    for (const cle of ['a', 'b', 'c', 'a']) await memoire.lire(base, cle, charger(cle));

    expect(lectures).toEqual(['a', 'b', 'c', 'a']);
  });
});
