import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.js';
import { coutHachage } from './identite.config.js';
import { PARAMETRES_SCRYPT } from './identite.motdepasse.js';

function problemes(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (erreur) {
    if (erreur instanceof ConfigError) return erreur.problemes;
    throw erreur;
  }
}

const production = { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525' };

describe('coût du hachage des mots de passe (MOT_DE_PASSE_COUT_SCRYPT)', () => {
  it('vaut le coût de production sans variable, en production comme ailleurs', () => {
    expect(coutHachage(loadConfig(production))).toEqual(PARAMETRES_SCRYPT);
    expect(coutHachage(loadConfig({}))).toEqual({ log2N: 17, r: 8, p: 1 });
  });

  it('refuse en production un coût réduit, en disant de retirer la variable', () => {
    expect(problemes({ ...production, MOT_DE_PASSE_COUT_SCRYPT: '10' })).toEqual([
      'MOT_DE_PASSE_COUT_SCRYPT : le coût réduit est réservé aux tests ; retirez la variable en production (coût 17)',
    ]);
    expect(problemes({ ...production, MOT_DE_PASSE_COUT_SCRYPT: '17' })).toEqual([]);
  });

  it('réduit hors production N seulement, entre 2^10 et 2^17', () => {
    expect(coutHachage(loadConfig({ NODE_ENV: 'test', MOT_DE_PASSE_COUT_SCRYPT: '10' }))).toEqual({ log2N: 10, r: 8, p: 1 });
    expect(problemes({ NODE_ENV: 'test', MOT_DE_PASSE_COUT_SCRYPT: '9' })).toEqual(['MOT_DE_PASSE_COUT_SCRYPT : au moins 10']);
    expect(problemes({ MOT_DE_PASSE_COUT_SCRYPT: '18' })).toEqual(['MOT_DE_PASSE_COUT_SCRYPT : au plus 17 (le coût de production)']);
  });
});
