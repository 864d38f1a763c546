import { describe, expect, it } from 'vitest';
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
});
