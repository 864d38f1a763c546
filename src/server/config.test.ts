import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../shared/config.js';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('lance la démonstration embarquée sans aucune variable', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, HOST: '127.0.0.1', DEMO_TERRITOIRE: true, NODE_ENV: 'development' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATA_DIR).toMatch(/pglite$/);
  });

  it('lit PORT, HOST, DATA_DIR et DATABASE_URL', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATA_DIR: '/var/lib/trajectoires', DATABASE_URL: 'postgresql://u@h/db' });
    expect(config).toMatchObject({ PORT: 8080, HOST: '0.0.0.0', DATA_DIR: '/var/lib/trajectoires', DATABASE_URL: 'postgresql://u@h/db' });
  });

  it('refuse les valeurs invalides en les nommant toutes, en français', () => {
    let erreur: unknown;
    try {
      loadConfig({ PORT: 'quatre-vingts', DATABASE_URL: 'mysql://x', DEMO_TERRITOIRE: 'peut-être' });
    } catch (e) {
      erreur = e;
    }
    expect(erreur).toBeInstanceOf(ConfigError);
    const { problemes } = erreur as ConfigError;
    expect(problemes).toHaveLength(3);
    expect(problemes.find((p) => p.startsWith('PORT'))).toMatch(/nombre/);
    expect(problemes.find((p) => p.startsWith('DATABASE_URL'))).toMatch(/postgresql:\/\//);
    expect((erreur as ConfigError).message).toMatch(/^Configuration invalide/);
  });

  it('refuse un METRIQUES_JETON trop court ou fait de caractères hors d’un jeton Bearer', () => {
    for (const jeton of ['court', `${'a'.repeat(40)} ${'b'.repeat(4)}`]) {
      let erreur: unknown;
      try {
        loadConfig({ METRIQUES_JETON: jeton });
      } catch (e) {
        erreur = e;
      }
      expect(erreur, jeton).toBeInstanceOf(ConfigError);
      expect((erreur as ConfigError).problemes[0]).toMatch(/^METRIQUES_JETON : /);
    }
    expect(loadConfig({ METRIQUES_JETON: 'f'.repeat(64) }).METRIQUES_JETON).toBe('f'.repeat(64));
  });

  it('ignore les variables qui ne la concernent pas', () => {
    expect(() => loadConfig({ PATH: '/usr/bin', HOME: '/root' })).not.toThrow();
  });

  it('lit le calendrier des délais de connexion, et refuse en français ce qui n’est pas une liste de secondes', () => {
    expect(loadConfig({ CONNEXION_ATTENTES_SECONDES: '0,5,60' }).CONNEXION_ATTENTES_SECONDES).toEqual([0, 5, 60]);
    expect(() => loadConfig({ CONNEXION_ATTENTES_SECONDES: '1, deux' })).toThrow(/CONNEXION_ATTENTES_SECONDES : attendu : des nombres de secondes/);
  });

  it('décrit dans le README chaque réglage de la connexion avec la valeur que le code applique par défaut', () => {
    const readme = readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const decrits = new Map<string, string>();
    for (const ligne of readme.split('\n').filter((l) => l.startsWith('| `CONNEXION_'))) {
      const [variables, defauts] = ligne
        .split('|')
        .slice(1, 3)
        .map((cellule) => [...cellule.matchAll(/`([^`]+)`/g)].map((m) => m[1]!));
      expect(defauts, ligne).toHaveLength(variables!.length);
      variables!.forEach((variable, i) => decrits.set(variable, defauts![i]!));
    }
    const config = loadConfig({});
    const reglages = Object.entries(config).filter(([cle]) => cle.startsWith('CONNEXION_'));
    expect(reglages.length).toBeGreaterThanOrEqual(5);
    for (const [cle, valeur] of reglages) expect(decrits.get(cle), cle).toBe(String(valeur));
  });
});
