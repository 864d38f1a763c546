import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lancerScript } from '../test/harness/commande.js';

let dossier: string;
beforeAll(async () => {
  dossier = await mkdtemp(path.join(tmpdir(), 'demo-reinitialiser-'));
});
afterAll(async () => {
  await rm(dossier, { recursive: true, force: true });
});

describe('npm run demo:reinitialiser', () => {
  const PRODUCTION = { NODE_ENV: 'production', COOKIE_SECURISE: 'true', SMTP_URL: 'smtp://127.0.0.1:2525' };

  it('refuse en production, avant d’ouvrir la base ou d’écrire quoi que ce soit', async () => {
    const base = path.join(dossier, 'production', 'pglite');
    const { code, erreurs } = await lancerScript('scripts/demo-reinitialiser.ts', [], { ...PRODUCTION, DATA_DIR: base });
    expect(code).toBe(2);
    expect(erreurs).toContain(
      'Identifiants de démonstration refusés en production (NODE_ENV=production) : leurs mots de passe sont affichés en clair. ' +
        'Lancez cette commande sur une base de démonstration, hors production.',
    );
    expect(existsSync(path.dirname(base))).toBe(false);
  });

  it('refuse quand le territoire de démonstration est désactivé, et ne crée pas de base embarquée vide', async () => {
    const sansDemo = await lancerScript('scripts/demo-reinitialiser.ts', [], { DEMO_TERRITOIRE: 'false', DATA_DIR: path.join(dossier, 'sans-demo', 'pglite') });
    expect(sansDemo.code).toBe(2);
    expect(sansDemo.erreurs).toContain('Territoire de démonstration désactivé (DEMO_TERRITOIRE=false)');

    const absente = path.join(dossier, 'absente', 'pglite');
    const sansBase = await lancerScript('scripts/demo-reinitialiser.ts', [], { DATA_DIR: absente });
    expect(sansBase.code).toBe(1);
    expect(sansBase.erreurs).toContain(`Aucune base embarquée dans ${absente} : lancez npm start une fois`);
    expect(existsSync(path.dirname(absente))).toBe(false);
    expect(existsSync(path.join(dossier, 'sans-demo'))).toBe(false);
  });
});
