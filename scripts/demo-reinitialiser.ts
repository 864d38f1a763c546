// Gives every demo account of an existing demo database new credentials (password and, for agents,
// TOTP secret), kept where npm start keeps them, and prints them.
// npm run demo:reinitialiser   (development only; on the embedded database, with the service stopped:
// only one process may open its folder)
import { existsSync } from 'node:fs';
import { createDatabase } from '../src/db/client.js';
import { reinitialiserComptesDemo } from '../src/modules/identite/demo/index.js';
import { ConfigError, loadConfig } from '../src/server/config.js';

async function main(): Promise<number> {
  const config = loadConfig();
  if (config.NODE_ENV === 'production') {
    console.error(
      'Identifiants de démonstration refusés en production (NODE_ENV=production) : leurs mots de passe sont affichés en clair. ' +
        'Lancez cette commande sur une base de démonstration, hors production.',
    );
    return 2;
  }
  if (!config.DEMO_TERRITOIRE) {
    console.error('Territoire de démonstration désactivé (DEMO_TERRITOIRE=false) : retirez la variable pour réémettre les identifiants de démonstration.');
    return 2;
  }
  // Never an empty embedded database created here: the start creates, migrates and loads it.
  if (!config.DATABASE_URL && !existsSync(config.DATA_DIR)) {
    console.error(`Aucune base embarquée dans ${config.DATA_DIR} : lancez npm start une fois, ou donnez le même DATA_DIR ou DATABASE_URL que lui.`);
    return 1;
  }
  const database = await createDatabase(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : { dataDir: config.DATA_DIR });
  try {
    console.log(`${await reinitialiserComptesDemo(database.db, config)}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (erreur: unknown) => {
    console.error(erreur instanceof ConfigError ? erreur.message : `Réémission impossible : ${erreur instanceof Error ? erreur.message : String(erreur)}`);
    process.exit(1);
  },
);
