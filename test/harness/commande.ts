import { spawn } from 'node:child_process';
import { projectRoot } from '../../src/shared/config.js';

export interface SortieCommande {
  code: number | null;
  sortie: string;
  erreurs: string;
}

/** The environment a script gets from `lancerScript`: the test process's, minus its database settings, then `env`. */
export function envDuScript(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, DATA_DIR: _dossier, ...ambiant } = process.env;
  return { ...ambiant, ...env };
}

/**
 * Runs a script of scripts/ as `npm run` would (from the project's root, through tsx): it sees only
 * the database the test names in `env`.
 */
export function lancerScript(script: string, args: string[], env: Record<string, string>): Promise<SortieCommande> {
  return new Promise((resolve, reject) => {
    const enfant = spawn('npx', ['tsx', script, ...args], { cwd: projectRoot, env: envDuScript(env) });
    let sortie = '';
    let erreurs = '';
    enfant.stdout.on('data', (morceau: Buffer) => (sortie += morceau.toString()));
    enfant.stderr.on('data', (morceau: Buffer) => (erreurs += morceau.toString()));
    enfant.on('error', reject);
    enfant.on('close', (code) => resolve({ code, sortie, erreurs }));
  });
}
