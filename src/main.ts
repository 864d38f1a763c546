import { mkdir } from 'node:fs/promises';
import { chargerReferentiels } from '../data/charger.js';
import { createDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { preparerComptesDemo } from './modules/identite/demo/index.js';
import { creerFileDeTravaux } from './modules/taches/index.js';
import { buildApp } from './server/app.js';
import { ConfigError, loadConfig } from './server/config.js';
import { resumeErreur } from './server/journal.js';
import { declarerTravaux } from './server/travaux.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  if (!config.DATABASE_URL) await mkdir(config.DATA_DIR, { recursive: true });
  const database = await createDatabase(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : { dataDir: config.DATA_DIR });
  const file = creerFileDeTravaux(database);
  const app = await buildApp({ config, database, metriquesDuProcessus: true, filesDeTravaux: () => file.profondeurs() });
  const log = (message: string) => app.log.info(message);
  log(config.DATABASE_URL ? 'Base PostgreSQL (DATABASE_URL).' : `Base embarquée PGlite : ${config.DATA_DIR}`);
  const migrations = await migrate(database);
  if (migrations.length) log(`Migrations appliquées : ${migrations.join(', ')}`);
  await chargerReferentiels(database, { referenceDir: config.REFERENCE_DATA_DIR, demo: config.DEMO_TERRITOIRE, journal: log });
  // Demo credentials are printed in clear: never in production (the seeding itself refuses it too).
  const comptesDemo = config.DEMO_TERRITOIRE && config.NODE_ENV !== 'production' ? await preparerComptesDemo(database.db, config) : null;

  let arret = false;
  const arreter = async (signal: string) => {
    if (arret) return;
    arret = true;
    log(`${signal} reçu : arrêt propre.`);
    // Jobs first: a running one finishes (30 s at most) while the database is still open.
    await file.arreter();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void arreter('SIGINT'));
  process.on('SIGTERM', () => void arreter('SIGTERM'));

  const adresse = await app.listen({ port: config.PORT, host: config.HOST });

  // Background jobs (mail, reminders at 7:00 Paris time) start once the schema is migrated.
  declarerTravaux(file, { config, database, messagerie: app.messagerie, now: () => new Date(), journal: log });
  await file.demarrer({
    surEchec: (nom) => app.compterEchecDeTravail(nom),
    surErreur: (erreur, nom) => app.log.error({ err: erreur, file: nom }, nom ? 'travail en échec, repris plus tard' : 'file de travaux en erreur'),
  });
  console.log(`\nTrajectoires est prêt : ${adresse.replace('127.0.0.1', 'localhost')}\n  API : ${adresse}/api/docs\n`);
  if (comptesDemo) console.log(`${comptesDemo}\n`);
}

main().catch((error: unknown) => {
  console.error('Démarrage impossible :', resumeErreur(error));
  process.exit(1);
});
