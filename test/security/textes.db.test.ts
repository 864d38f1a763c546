import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDeTest, creerAppDeTest } from '../harness/app.js';
import { ENV_BALAYAGE, routesBalayees } from './balayage.js';
import { textesNonGardes } from './textes.js';

let t: AppDeTest;
beforeAll(async () => {
  t = await creerAppDeTest(ENV_BALAYAGE);
});
afterAll(async () => {
  await t?.close();
});

describe('un texte que la base ne peut pas enregistrer', () => {
  it('n’entre par aucun champ de corps, de requête ou d’adresse d’aucune route déclarée', () => {
    const routes = routesBalayees(t.app.routesDeclarees);
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.flatMap(textesNonGardes)).toEqual([]);
  });
});
