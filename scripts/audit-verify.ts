// Recomputes the audit trail's hash chain and names the first event that does not follow.
// npm run audit:verify — on the database the application uses (DATABASE_URL, or DATA_DIR).
// Exit code: 0 chain intact, 1 chain altered, 2 verification impossible.
import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { createDatabase, rows } from '../src/db/client.js';
import { type RaisonInvalidite, type ResultatVerification, verifierChaineAudit } from '../src/modules/audit/index.js';
import { ConfigError, loadConfig } from '../src/server/config.js';

const constats: Record<RaisonInvalidite, string> = {
  modifie: 'a été modifié après son enregistrement',
  supprime: 'a été supprimé',
  insere: 'a été ajouté hors de l’application',
  reordonne: 'a été déplacé dans l’ordre du journal',
};

const nombre = (n: number) => n.toLocaleString('fr-FR');

function formaterVerification(resultat: ResultatVerification): string {
  if (!resultat.valide) {
    return [
      `Journal d’audit altéré : l’événement n° ${resultat.premierEvenementInvalide} ${constats[resultat.raison]}.`,
      `La vérification s’arrête au premier événement invalide (${nombre(resultat.total)} événements dans le journal).`,
    ].join('\n');
  }
  if (!resultat.dernier) return 'Journal d’audit vide : aucun événement à vérifier.';
  return [
    `Journal d’audit intact : ${nombre(resultat.total)} événements vérifiés, chaînés sans rupture.`,
    `Dernier événement : n° ${resultat.dernier.id}, hash ${resultat.dernier.hash}.`,
    'Notez-le hors de la base : si, plus tard, cet événement n’a plus ce hash ou n’existe plus, la fin du journal a été retirée ou réécrite.',
  ].join('\n');
}

async function main(): Promise<number> {
  const config = loadConfig();
  // Read-only: no folder created, no migration, no reference data loaded.
  if (!config.DATABASE_URL && !existsSync(config.DATA_DIR)) {
    console.error(`Aucune base embarquée dans ${config.DATA_DIR} : rien à vérifier (DATA_DIR ou DATABASE_URL).`);
    return 2;
  }
  const database = await createDatabase(config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : { dataDir: config.DATA_DIR });
  try {
    console.log(config.DATABASE_URL ? 'Base PostgreSQL (DATABASE_URL).' : `Base embarquée PGlite : ${config.DATA_DIR}`);
    const [table] = await rows<{ presente: boolean }>(database.db, sql`SELECT to_regclass('audit_evenement') IS NOT NULL AS presente`);
    if (!table?.presente) {
      console.error('Cette base n’a pas de journal d’audit : démarrez l’application une fois pour appliquer les migrations.');
      return 2;
    }
    const resultat = await verifierChaineAudit(database.db);
    console.log(formaterVerification(resultat));
    return resultat.valide ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(error.message);
    else console.error('Vérification impossible :', error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
