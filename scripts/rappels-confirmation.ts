// Mails the managers of the structures whose directory record was not confirmed for
// ANNUAIRE_RAPPEL_CONFIRMATION_MOIS months, now (the server's job queue also does it every day at
// 7:00, Paris time), and waits until the queue has handed the mails to the mail server.
// npm run rappels:confirmation
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { createDatabase } from '../src/db/client.js';
import { migrate } from '../src/db/migrate.js';
import { envoyerRappelsConfirmation } from '../src/modules/annuaire/index.js';
import { FILE_COURRIELS } from '../src/modules/courriel/index.js';
import { creerFileDeTravaux } from '../src/modules/taches/index.js';
import { ConfigError, loadConfig } from '../src/server/config.js';
import { declarerTravaux } from '../src/server/travaux.js';
import { creerMessagerie } from '../src/shared/messagerie.js';

// Beyond this, the mails still waiting (mail server away) stay in the queue for the server to send.
const ATTENTE_MAX_MS = 120_000;

async function main(): Promise<number> {
  const config = loadConfig();
  const database = await createDatabase(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : { dataDir: config.DATA_DIR });
  const file = creerFileDeTravaux(database, { sondageSecondes: 1 });
  try {
    await migrate(database);
    const messagerie = creerMessagerie({
      smtpUrl: config.SMTP_URL,
      expediteur: config.MAIL_EXPEDITEUR,
      environnement: config.NODE_ENV,
      dossierDeveloppement: path.join(path.dirname(config.DATA_DIR), 'courriels'),
    });
    const now = () => new Date();
    declarerTravaux(file, { config, database, messagerie, now, journal: console.log });
    await file.demarrer({
      surErreur: (erreur, nom) => console.error(`${nom ?? 'file de travaux'} : ${erreur instanceof Error ? erreur.name : String(erreur)}`),
    });
    const bilan = await envoyerRappelsConfirmation(
      { db: database.db, now, file },
      { mois: config.ANNUAIRE_RAPPEL_CONFIRMATION_MOIS, urlPublique: config.URL_PUBLIQUE },
    );
    console.log(
      `${bilan.courriels} courriel(s) de rappel mis en file pour ${bilan.structures} structure(s) non confirmée(s) depuis ${config.ANNUAIRE_RAPPEL_CONFIRMATION_MOIS} mois.`,
    );
    for (const { structureId, erreur } of bilan.echecs) {
      console.error(`Rappel non mis en file pour la structure ${structureId} : ${erreur instanceof Error ? erreur.message : String(erreur)}`);
    }
    const fin = Date.now() + ATTENTE_MAX_MS;
    let restants = 0;
    do {
      const courriels = (await file.profondeurs())[FILE_COURRIELS];
      restants = (courriels?.enAttente ?? 0) + (courriels?.enCours ?? 0);
      if (restants) await pause(1000);
    } while (restants && Date.now() < fin);
    if (restants) console.error(`${restants} courriel(s) encore en file : le serveur les enverra.`);
    return bilan.echecs.length || restants ? 1 : 0;
  } finally {
    await file.arreter();
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
