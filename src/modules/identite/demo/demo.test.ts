import { describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client.js';
import { PARAMETRES_SCRYPT } from '../identite.motdepasse.js';
import { lireComptesDemo, seederComptesDemo } from './demo.js';

describe('comptes de démonstration', () => {
  it('refusent de se créer en production, sans toucher à la base', async () => {
    const acces: PropertyKey[] = [];
    const base = new Proxy({}, { get: (_, cle) => acces.push(cle) }) as Db;

    const creation = seederComptesDemo(base, {
      environnement: 'production',
      comptes: await lireComptesDemo(),
      structures: new Map(),
      coutHachage: PARAMETRES_SCRYPT,
    });

    await expect(creation).rejects.toThrow(
      'Comptes de démonstration refusés en production (NODE_ENV=production) : leurs mots de passe sont affichés en clair. ' +
        'Retirez DEMO_TERRITOIRE ou lancez le service hors production.',
    );
    expect(acces).toEqual([]);
  });

  it('couvrent chaque rôle : conseillers et responsables de plusieurs structures, coordination et analyse de la région, administration, personnes', async () => {
    const comptes = await lireComptesDemo();
    const roles = comptes.flatMap((c) => c.adhesions);
    const structuresDe = (role: string) => new Set(roles.flatMap((a) => (a.role === role && 'structure' in a ? [a.structure] : []))).size;
    expect(structuresDe('advisor')).toBeGreaterThanOrEqual(2);
    expect(structuresDe('structure_manager')).toBeGreaterThanOrEqual(2);
    expect(roles).toContainEqual({ role: 'coordinator', territoire: '75' });
    expect(roles.some((a) => a.role === 'analyst')).toBe(true);
    expect(roles.some((a) => a.role === 'admin')).toBe(true);
    expect(comptes.filter((c) => c.adhesions.length === 0).length).toBeGreaterThanOrEqual(2);
    expect(new Set(comptes.map((c) => c.email)).size).toBe(comptes.length);
  });
});
