import { describe, expect, it } from 'vitest';
import { creerLimiteur } from './limiteur.js';

const saturation = () => new Error('saturé');

function tacheControlee() {
  let terminer!: () => void;
  const fin = new Promise<void>((resolve) => (terminer = resolve));
  return { tache: () => fin, terminer };
}

describe('creerLimiteur', () => {
  it('ne lance pas plus de tâches simultanées que permis et sert la file dans l’ordre', async () => {
    const limiteur = creerLimiteur({ simultanes: 2, fileMax: 10, saturation });
    const taches = Array.from({ length: 4 }, tacheControlee);
    const ordre: number[] = [];
    const promesses = taches.map((t, i) => limiteur.executer(async () => (await t.tache(), ordre.push(i))));
    await Promise.resolve();
    expect(limiteur.etat).toEqual({ enCours: 2, enAttente: 2 });
    taches[1]!.terminer();
    taches[0]!.terminer();
    taches[3]!.terminer();
    taches[2]!.terminer();
    await Promise.all(promesses);
    expect(ordre.slice(0, 2).sort()).toEqual([0, 1]);
    expect(limiteur.etat).toEqual({ enCours: 0, enAttente: 0 });
  });

  it('refuse aussitôt au-delà de la file, sans attendre', async () => {
    const limiteur = creerLimiteur({ simultanes: 1, fileMax: 1, saturation });
    const bloquante = tacheControlee();
    const premiere = limiteur.executer(bloquante.tache);
    const seconde = limiteur.executer(async () => 'servie');
    await expect(limiteur.executer(async () => 'jamais')).rejects.toThrow('saturé');
    bloquante.terminer();
    await premiere;
    expect(await seconde).toBe('servie');
  });

  it('libère la place d’une tâche qui échoue', async () => {
    const limiteur = creerLimiteur({ simultanes: 1, fileMax: 0, saturation });
    await expect(limiteur.executer(async () => Promise.reject(new Error('échec')))).rejects.toThrow('échec');
    expect(await limiteur.executer(async () => 'ok')).toBe('ok');
  });
});
