// Imports data·inclusion v1 files (structures and services) into the directory.
// npm run import:data-inclusion -- <structures.json> <services.json> [--ignorer-lignes-invalides] [--source <nom>]
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { chargerReferentiels } from '../data/charger.js';
import { SOURCE_DEMO } from '../data/annuaire.loader.js';
import { createDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { formaterRapport, importDataInclusion, lireArguments } from '../src/modules/annuaire/echange/index.js';
import { ConfigError, loadConfig } from '../src/server/config.js';
import { projectRoot } from '../src/shared/config.js';
import { AppError } from '../src/shared/erreurs.js';

/** Sources written by the reference loader at each start: an import must not take their place. */
async function sourcesReservees(): Promise<string[]> {
  const fichier = JSON.parse(await readFile(path.join(projectRoot, 'data', 'annuaire', 'sources-acteurs.json'), 'utf8')) as { sources: { source: string }[] };
  return [...fichier.sources.map((s) => s.source), SOURCE_DEMO];
}

async function lire(fichier: string): Promise<{ nom: string; texte: string }> {
  try {
    return { nom: fichier, texte: await readFile(fichier, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new AppError(
      'echange.fichier_introuvable',
      400,
      code === 'ENOENT' ? `Fichier introuvable : ${fichier}.` : `Lecture impossible de ${fichier} (${code ?? 'erreur inconnue'}).`,
    );
  }
}

async function main(): Promise<number> {
  const lecture = lireArguments(process.argv.slice(2));
  if (!lecture.ok) {
    (lecture.aide ? console.log : console.error)(lecture.message);
    if (!lecture.aide) console.error('Aide : npm run import:data-inclusion -- --aide');
    return lecture.aide ? 0 : 2;
  }
  const args = lecture.arguments;
  const config = loadConfig();
  const [structures, services] = await Promise.all([lire(args.structures), lire(args.services)]);

  if (!config.DATABASE_URL) await mkdir(config.DATA_DIR, { recursive: true });
  const database = await createDatabase(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : { dataDir: config.DATA_DIR });
  try {
    console.log(config.DATABASE_URL ? 'Base PostgreSQL (DATABASE_URL).' : `Base embarquée PGlite : ${config.DATA_DIR}`);
    await migrate(database);
    // The vocabularies the rows are checked against, and the communes they point to.
    await chargerReferentiels(database, { referenceDir: config.REFERENCE_DATA_DIR, demo: config.DEMO_TERRITOIRE, journal: (m) => console.log(m) });
    const debut = performance.now();
    const rapport = await importDataInclusion(
      { db: database.db },
      { structures, services, source: args.source, ignorerLignesInvalides: args.ignorerLignesInvalides, sourcesReservees: await sourcesReservees() },
    );
    console.log(formaterRapport(rapport, args.ignorerLignesInvalides));
    if (rapport.importe) console.log(`Terminé en ${((performance.now() - debut) / 1000).toFixed(1)} s.`);
    return rapport.importe ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof AppError || error instanceof ConfigError) console.error(error.message);
    else {
      // Only the kind and code of the error: a database error's message carries the statement
      // and the values of every row, which are not to be printed.
      const code = (error as { code?: unknown } | null)?.code;
      const nature = `${error instanceof Error ? error.name : typeof error}${typeof code === 'string' ? ` ${code}` : ''}`;
      console.error(
        `Import impossible (erreur interne : ${nature}) ; rien n’a été importé. Relancez l’import ; si l’erreur persiste, signalez-la avec ce code.`,
      );
    }
    process.exit(2);
  },
);
