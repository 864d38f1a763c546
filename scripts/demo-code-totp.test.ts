import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { envDuScript, lancerScript } from '../test/harness/commande.js';
import { fichierIdentifiantsDemo } from '../src/modules/identite/demo/index.js';
import { loadConfig } from '../src/server/config.js';
import { projectRoot } from '../src/shared/config.js';

// npm start keeps the credentials in fichierIdentifiantsDemo(loadConfig()) (preparerComptesDemo);
// the script, run with the same environment, must name that very file.
describe('npm run demo:code-totp', () => {
  const defaut = path.join(projectRoot, '.data', 'comptes-demo.json');
  const cas: [string, Record<string, string>, string][] = [
    ['sans variable', {}, defaut],
    ['avec DATA_DIR', { DATA_DIR: '/srv/trajectoires/pglite' }, '/srv/trajectoires/comptes-demo.json'],
    ['avec DATABASE_URL sans DATA_DIR', { DATABASE_URL: 'postgresql://demo@127.0.0.1:5432/trajectoires' }, defaut],
  ];

  it('cherche les identifiants dans le fichier où le démarrage les écrit : sans variable, avec DATA_DIR, avec DATABASE_URL sans DATA_DIR', async () => {
    const sorties = await Promise.all(cas.map(([, env]) => lancerScript('scripts/demo-code-totp.ts', [], env)));
    cas.forEach(([nom, env, attendu], i) => {
      expect(fichierIdentifiantsDemo(loadConfig(envDuScript(env))), nom).toBe(attendu);
      expect(sorties[i]!.code, nom).toBe(2);
      expect(sorties[i]!.erreurs, nom).toContain(`(liste dans ${attendu})`);
    });
  });
});
