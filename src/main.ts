import { mkdir } from 'node:fs/promises';
import { chargerReferentiels } from '../data/charger.js';
import { createDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { envoyerRappelsConfirmation } from './modules/annuaire/index.js';
import { preparerComptesDemo } from './modules/identite/demo/index.js';
import { buildApp } from './server/app.js';
import { ConfigError, loadConfig } from './server/config.js';
import { resumeErreur } from './server/journal.js';

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
  const app = await buildApp({ config, database, metriquesDuProcessus: true });
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
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void arreter('SIGINT'));
  process.on('SIGTERM', () => void arreter('SIGTERM'));

  const adresse = await app.listen({ port: config.PORT, host: config.HOST });

  // Reminders to confirm directory records: at start, then every day (at most one per record and period).
  const rappeler = () =>
    envoyerRappelsConfirmation(
      { db: database.db, now: () => new Date(), messagerie: app.messagerie },
      { mois: config.ANNUAIRE_RAPPEL_CONFIRMATION_MOIS, urlPublique: config.URL_PUBLIQUE },
    ).then(
      (bilan) => {
        if (bilan.structures) log(`Rappels de confirmation de l’annuaire : ${bilan.courriels} courriel(s) pour ${bilan.structures} structure(s).`);
        for (const { structureId, erreur } of bilan.echecs) app.log.error({ err: erreur, structureId }, 'rappel de confirmation non envoyé');
      },
      (erreur: unknown) => app.log.error({ err: erreur }, 'rappels de confirmation de l’annuaire impossibles'),
    );
  setInterval(() => void rappeler(), 24 * 3_600_000).unref();
  void rappeler();
  console.log(`\nTrajectoires est prêt : ${adresse.replace('127.0.0.1', 'localhost')}\n  API : ${adresse}/api/docs\n`);
  if (comptesDemo) console.log(`${comptesDemo}\n`);
}

main().catch((error: unknown) => {
  console.error('Démarrage impossible :', resumeErreur(error));
  process.exit(1);
});
