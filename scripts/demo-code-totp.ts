// Prints the TOTP code of a demo account, as its authenticator app would show it now.
// npm run demo:code-totp -- <adresse>   (development only: demo accounts never exist in production)
import { codeTotpDemo, fichierIdentifiantsDemo } from '../src/modules/identite/demo/index.js';
import { ConfigError, loadConfig } from '../src/server/config.js';

async function main(): Promise<number> {
  const config = loadConfig();
  if (config.NODE_ENV === 'production') {
    console.error('Raccourci de démonstration refusé en production (NODE_ENV=production).');
    return 2;
  }
  const email = process.argv[2];
  const fichier = fichierIdentifiantsDemo(config);
  if (!email) {
    console.error(`Usage : npm run demo:code-totp -- <adresse d’un compte de démonstration> (liste dans ${fichier})`);
    return 2;
  }
  const resultat = await codeTotpDemo(fichier, email, new Date());
  if (!resultat) {
    console.error(
      `${email} : aucun secret TOTP connu dans ${fichier}. Les personnes accompagnées se connectent sans second facteur ; ` +
        'les comptes de démonstration sont créés par npm start : lancez cette commande avec le même DATA_DIR que lui.',
    );
    return 1;
  }
  console.log(
    `${resultat.code}   (valable encore ${resultat.secondesRestantes} s ; si vous avez remplacé le second facteur de ce compte, utilisez votre application)`,
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (erreur: unknown) => {
    console.error(erreur instanceof ConfigError ? erreur.message : `Code impossible à calculer : ${erreur instanceof Error ? erreur.message : String(erreur)}`);
    process.exit(2);
  },
);
