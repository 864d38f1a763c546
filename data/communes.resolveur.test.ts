import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config.js';
import { ResolveurCommunes } from './communes.resolveur.js';
import { ReferenceData } from './reference.js';

let resolveur: ResolveurCommunes;
beforeAll(async () => {
  resolveur = await ResolveurCommunes.charger(new ReferenceData(loadConfig({}).REFERENCE_DATA_DIR));
});

describe('ResolveurCommunes (COG réel)', () => {
  it.each([
    ['un code INSEE actuel', { codeInsee: '64483' }, '64483'],
    ['un code postal et un nom', { codePostal: '64500', nom: 'SAINT JEAN DE LUZ' }, '64483'],
    ['un arrondissement et un CEDEX', { codePostal: '75987', nom: 'PARIS 20' }, '75056'],
    ['un CEDEX et un nom devenu plus long', { codePostal: '26105', nom: 'ROMANS' }, '26281'],
    ['une ancienne commune devenue déléguée', { codePostal: '74609', nom: 'SEYNOD CEDEX' }, '74010'],
    ['un CEDEX d’outre-mer', { codePostal: '97713', nom: 'ST DENIS' }, '97411'],
  ])('retrouve la commune par %s', (_cas, indices, attendu) => {
    expect(resolveur.resoudre(indices)?.code).toBe(attendu);
  });

  it('ne devine pas une commune sans indice utilisable', () => {
    expect(resolveur.resoudre({ codePostal: '00000', nom: 'Nulle-Part' })).toBeUndefined();
  });
});
