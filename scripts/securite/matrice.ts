// Regenerates the generated parts of docs/securite.md (roles, route × actor matrix, privileged
// accesses) from the routes the application declares.
// npm run securite:matrice — then review the diff as a change of rights.
import { readFileSync, writeFileSync } from 'node:fs';
import { createPgliteDatabase } from '../../src/db/client.js';
import { buildApp } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import { ENV_BALAYAGE } from '../../test/security/balayage.js';
import { CHEMIN_DOC, documentAJour, sectionsGenerees } from '../../test/security/documentation.js';

async function main(): Promise<void> {
  // Declaring routes reads no data: an empty in-memory database is enough to build the application.
  const database = await createPgliteDatabase({ dataDir: undefined });
  const app = await buildApp({ config: loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...ENV_BALAYAGE }), database, logger: false });
  try {
    await app.ready();
    const avant = readFileSync(CHEMIN_DOC, 'utf8');
    const apres = documentAJour(avant, sectionsGenerees(app.routesDeclarees));
    writeFileSync(CHEMIN_DOC, apres);
    console.log(avant === apres ? 'docs/securite.md était à jour.' : 'docs/securite.md mis à jour : relisez la différence comme un changement de droits.');
  } finally {
    await app.close();
    await database.close();
  }
}

await main();
