// Mails the managers of the structures whose directory record was not confirmed for
// ANNUAIRE_RAPPEL_CONFIRMATION_MOIS months (the server also does it every day).
// npm run rappels:confirmation
import path from 'node:path';
import { createDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { envoyerRappelsConfirmation } from '../src/modules/annuaire/index.js';
import { ConfigError, loadConfig } from '../src/server/config.js';
import { creerMessagerie } from '../src/shared/messagerie.js';

async function main(): Promise<number> {
  const config = loadConfig();
  const database = await createDatabase(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : { dataDir: config.DATA_DIR });
  try {
    await migrate(database);
    const messagerie = creerMessagerie({
      smtpUrl: config.SMTP_URL,
      expediteur: config.MAIL_EXPEDITEUR,
      environnement: config.NODE_ENV,
      dossierDeveloppement: path.join(path.dirname(config.DATA_DIR), 'courriels'),
    });
    const bilan = await envoyerRappelsConfirmation(
      { db: database.db, now: () => new Date(), messagerie },
      { mois: config.ANNUAIRE_RAPPEL_CONFIRMATION_MOIS, urlPublique: config.URL_PUBLIQUE },
    );
    console.log(
      `${bilan.courriels} courriel(s) de rappel pour ${bilan.structures} structure(s) non confirmée(s) depuis ${config.ANNUAIRE_RAPPEL_CONFIRMATION_MOIS} mois.`,
    );
    for (const { structureId, erreur } of bilan.echecs) {
      console.error(`Rappel non envoyé pour la structure ${structureId} : ${erreur instanceof Error ? erreur.message : String(erreur)}`);
    }
    return bilan.echecs.length ? 1 : 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Rappels impossibles : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  },
);
