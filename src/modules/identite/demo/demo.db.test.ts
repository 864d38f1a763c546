import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../db/client.js';
import { type AppDeTest, creerAppDeTest } from '../../../../test/harness/app.js';
import { ClientHttp } from '../../../../test/harness/client-http.js';
import { lancerScript } from '../../../../test/harness/commande.js';
import { moteurDeTest } from '../../../../test/harness/base.js';
import { type IdentifiantsDemo, lireComptesDemo, lireIdentifiantsDemo, preparerComptesDemo, reinitialiserComptesDemo, seederComptesDemo } from './demo.js';
import { structuresDeDemonstration } from '../../annuaire/index.js';
import { codeTotpCourant } from '../identite.totp.js';
import { coutHachage } from '../identite.config.js';
import { creerCompte } from '../../../../test/factories/identite.js';

let t: AppDeTest;
let dossier: string;

beforeAll(async () => {
  t = await creerAppDeTest();
  dossier = await mkdtemp(path.join(tmpdir(), 'comptes-demo-'));
});
afterAll(async () => {
  await t?.close();
  await rm(dossier, { recursive: true, force: true });
});

// A folder that does not exist yet, as on a first start on a PostgreSQL server without DATA_DIR.
const config = () => ({ ...t.config, NODE_ENV: 'development' as const, DATA_DIR: path.join(dossier, 'pas-encore-cree', 'pglite') });
const fichier = () => path.join(dossier, 'pas-encore-cree', 'comptes-demo.json');

const EMAIL_RESPONSABLE = 'mathilde.garnier@demo.trajectoires.invalid';
const compteDemo = (identifiants: IdentifiantsDemo[], email: string) => identifiants.find((i) => i.email === email)!;
const nombreDeComptesDemo = async () =>
  (await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM identite_utilisateur WHERE demonstration`))[0]!.n;

describe('réémission sur une base sans compte de démonstration', () => {
  it('est refusée sans rien créer ni écrire', async () => {
    await expect(reinitialiserComptesDemo(t.database.db, config())).rejects.toThrow(
      'Aucun compte de démonstration dans cette base : npm start les crée hors production, avec DEMO_TERRITOIRE=true.',
    );
    expect(await nombreDeComptesDemo()).toBe(0);
    expect(await lireIdentifiantsDemo(fichier())).toEqual([]);
  });
});

describe('création des comptes de démonstration au démarrage', () => {
  let identifiants: IdentifiantsDemo[];
  let affichage: string;

  beforeAll(async () => {
    affichage = await preparerComptesDemo(t.database.db, config());
    identifiants = await lireIdentifiantsDemo(fichier());
  });

  it('crée chaque compte du fichier, marqué de démonstration, avec ses adhésions aux structures de démonstration', async () => {
    const comptes = await lireComptesDemo();
    expect(identifiants.map((i) => i.email).sort()).toEqual(comptes.map((c) => c.email).sort());
    const lignes = await rows<{ email: string; demonstration: boolean; totp_active: boolean; role: string | null; structure_demo: boolean | null }>(
      t.database.db,
      sql`SELECT u.email, u.demonstration, u.totp_active, a.role, s.demonstration AS structure_demo
          FROM identite_utilisateur u
          LEFT JOIN identite_adhesion a ON a.utilisateur_id = u.id
          LEFT JOIN annuaire_structure s ON s.id = a.structure_id
          WHERE u.email LIKE '%@demo.trajectoires.invalid'`,
    );
    expect(lignes.every((l) => l.demonstration)).toBe(true);
    expect(lignes.filter((l) => l.role === 'advisor' || l.role === 'structure_manager').every((l) => l.structure_demo === true)).toBe(true);
    // Agents have a working second factor from the start; people have none.
    expect(lignes.filter((l) => l.role !== null).every((l) => l.totp_active)).toBe(true);
    expect(lignes.filter((l) => l.role === null).every((l) => !l.totp_active)).toBe(true);
  });

  it('garde les identifiants dans un fichier lisible du seul propriétaire, et les présente', async () => {
    expect((await stat(fichier())).mode & 0o777).toBe(0o600);
    const responsable = compteDemo(identifiants, EMAIL_RESPONSABLE);
    expect(responsable.libelle).toBe('Responsable de structure – CIBC Gironde (démonstration)');
    expect(affichage).toContain(`mathilde.garnier@demo.trajectoires.invalid   mot de passe : ${responsable.motDePasse}`);
    expect(affichage).toContain('npm run demo:code-totp -- mathilde.garnier@demo.trajectoires.invalid');
    expect(affichage).toContain(`secret=${responsable.secretTotp}`);
  });

  it('ouvre une session complète avec le mot de passe et le code TOTP affichés', async () => {
    const responsable = compteDemo(identifiants, EMAIL_RESPONSABLE);
    const client = new ClientHttp(t.app);
    expect((await client.connecter(responsable.email, responsable.motDePasse)).json()).toEqual({ etape: 'second_facteur' });
    const code = codeTotpCourant(responsable.secretTotp!, new Date());
    expect((await client.post('/api/v1/connexion/second-facteur', { code })).statusCode).toBe(200);
    expect((await client.get('/api/v1/session')).json()).toMatchObject({
      utilisateur: { prenom: 'Mathilde', nom: 'Garnier', demonstration: true },
      permissions: expect.arrayContaining(['identite.equipe.gerer']),
    });
  });

  it('npm run demo:code-totp, lancé avec le même DATA_DIR que le démarrage, affiche le code de l’application d’authentification', async () => {
    const responsable = compteDemo(identifiants, EMAIL_RESPONSABLE);
    const avant = new Date();
    const { code, sortie } = await lancerScript('scripts/demo-code-totp.ts', [responsable.email], { DATA_DIR: config().DATA_DIR });
    const codes = [avant, new Date()].map((instant) => codeTotpCourant(responsable.secretTotp!, instant));
    expect(code).toBe(0);
    expect(codes).toContain(sortie.split(' ')[0]);
  });

  it('laisse tels quels les comptes qui existent déjà', async () => {
    const avant = await rows<{ email: string; mot_de_passe: string; totp_secret: string | null }>(
      t.database.db,
      sql`SELECT email, mot_de_passe, totp_secret FROM identite_utilisateur WHERE demonstration ORDER BY email`,
    );

    const resultat = await seederComptesDemo(t.database.db, {
      environnement: 'development',
      comptes: await lireComptesDemo(),
      structures: await structuresDeDemonstration(t.database.db),
      coutHachage: coutHachage(t.config),
    });
    const encore = await preparerComptesDemo(t.database.db, config());

    expect(resultat.crees).toEqual([]);
    expect(resultat.existants).toHaveLength(avant.length);
    expect(await rows(t.database.db, sql`SELECT email, mot_de_passe, totp_secret FROM identite_utilisateur WHERE demonstration ORDER BY email`)).toEqual(avant);
    expect(JSON.parse(await readFile(fichier(), 'utf8'))).toEqual(identifiants);
    expect(encore).toBe(affichage);
  });
});

describe('réémission des identifiants de démonstration (npm run demo:reinitialiser)', () => {
  let anciens: IdentifiantsDemo[];
  let nouveaux: IdentifiantsDemo[];
  let affichage: string;
  let sessionOuverte: ClientHttp;
  const autresComptes = () =>
    rows(
      t.database.db,
      sql`SELECT id, email, mot_de_passe, totp_secret, totp_active, totp_dernier_pas, codes_recuperation, modifie_le
          FROM identite_utilisateur WHERE NOT demonstration ORDER BY id`,
    );
  let autresAvant: unknown[];

  beforeAll(async () => {
    anciens = await lireIdentifiantsDemo(fichier());
    await creerCompte(t.database.db, { adhesions: [{ role: 'admin' }], totpSecret: 'JBSWY3DPEHPK3PXP' });
    await creerCompte(t.database.db);
    autresAvant = await autresComptes();
    // A session opened with the old credentials, before they are reissued (a person's: the agents'
    // codes of this 30-second step were already used above).
    const personne = anciens.find((i) => i.secretTotp === null)!;
    sessionOuverte = new ClientHttp(t.app);
    expect((await sessionOuverte.connecter(personne.email, personne.motDePasse)).json()).toEqual({ etape: 'connecte' });

    affichage = await reinitialiserComptesDemo(t.database.db, config());
    nouveaux = await lireIdentifiantsDemo(fichier());
  });

  it('refuse l’ancien mot de passe et l’ancien code TOTP, ouvre une session complète avec les nouveaux', async () => {
    const ancien = compteDemo(anciens, EMAIL_RESPONSABLE);
    const nouveau = compteDemo(nouveaux, EMAIL_RESPONSABLE);
    const client = new ClientHttp(t.app);

    const refus = await client.connecter(ancien.email, ancien.motDePasse);
    expect(refus.statusCode).toBe(401);
    expect(refus.json()).toMatchObject({ erreur: { code: 'identite.identifiants_invalides' } });

    expect((await client.connecter(nouveau.email, nouveau.motDePasse)).json()).toEqual({ etape: 'second_facteur' });
    const ancienCode = await client.post('/api/v1/connexion/second-facteur', { code: codeTotpCourant(ancien.secretTotp!, new Date()) });
    expect(ancienCode.statusCode).toBe(401);
    expect(ancienCode.json()).toMatchObject({ erreur: { code: 'identite.code_invalide' } });
    expect((await client.post('/api/v1/connexion/second-facteur', { code: codeTotpCourant(nouveau.secretTotp!, new Date()) })).statusCode).toBe(200);
    expect((await client.get('/api/v1/session')).json()).toMatchObject({ utilisateur: { prenom: 'Mathilde', nom: 'Garnier', demonstration: true } });
  });

  it('ouvre la session d’une personne accompagnée avec son nouveau mot de passe, sans second facteur', async () => {
    const personne = nouveaux.find((i) => i.secretTotp === null)!;
    const client = new ClientHttp(t.app);
    expect((await client.connecter(personne.email, personne.motDePasse)).json()).toEqual({ etape: 'connecte' });
  });

  it('ferme les sessions ouvertes avec les anciens identifiants', async () => {
    expect((await sessionOuverte.get('/api/v1/session')).json()).toMatchObject({ connecte: false });
  });

  it('réécrit le fichier des identifiants, lisible du seul propriétaire : un mot de passe et un secret neufs par compte, que l’affichage présente', async () => {
    expect((await stat(fichier())).mode & 0o777).toBe(0o600);
    expect(nouveaux.map((i) => i.email).sort()).toEqual(anciens.map((i) => i.email).sort());
    for (const nouveau of nouveaux) {
      const ancien = compteDemo(anciens, nouveau.email);
      expect(nouveau.motDePasse).not.toBe(ancien.motDePasse);
      expect(nouveau.secretTotp === null).toBe(ancien.secretTotp === null);
      if (nouveau.secretTotp) expect(nouveau.secretTotp).not.toBe(ancien.secretTotp);
    }
    const responsable = compteDemo(nouveaux, EMAIL_RESPONSABLE);
    expect(affichage).toContain(`identifiants gardés dans ${fichier()}`);
    expect(affichage).toContain(`${EMAIL_RESPONSABLE}   mot de passe : ${responsable.motDePasse}`);
  });

  it('est la commande qu’indique le démarrage pour un compte dont les identifiants manquent au fichier', async () => {
    await writeFile(fichier(), JSON.stringify(nouveaux.filter((i) => i.email !== EMAIL_RESPONSABLE)));
    expect(await preparerComptesDemo(t.database.db, config())).toContain(
      `${EMAIL_RESPONSABLE} : créé auparavant, identifiants absents de ce fichier. Pour en émettre de nouveaux, arrêtez le service ` +
        'puis lancez npm run demo:reinitialiser avec les mêmes DATA_DIR et DATABASE_URL.',
    );
  });

  // A PGlite test database lives in this process only: the command reaches it on PostgreSQL.
  it.runIf(moteurDeTest() === 'postgresql')(
    'npm run demo:reinitialiser, sur la base du démarrage, écrit là où il l’affiche des identifiants qui ouvrent une session',
    async () => {
      const [{ nom }] = (await rows<{ nom: string }>(t.database.db, sql`SELECT current_database() AS nom`)) as [{ nom: string }];
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${nom}`;
      const avant = await lireIdentifiantsDemo(fichier());

      const { code, sortie } = await lancerScript('scripts/demo-reinitialiser.ts', [], {
        DATABASE_URL: url.toString(),
        DATA_DIR: config().DATA_DIR,
        MOT_DE_PASSE_COUT_SCRYPT: '10',
      });

      expect(code).toBe(0);
      expect(sortie).toContain(`identifiants gardés dans ${fichier()}`);
      const personne = (await lireIdentifiantsDemo(fichier())).find((i) => i.secretTotp === null)!;
      expect(personne.motDePasse).not.toBe(compteDemo(avant, personne.email).motDePasse);
      expect((await new ClientHttp(t.app).connecter(personne.email, personne.motDePasse)).json()).toEqual({ etape: 'connecte' });
    },
  );

  it('laisse inchangés les comptes qui ne sont pas de démonstration, et n’en crée aucun', async () => {
    expect(await autresComptes()).toEqual(autresAvant);
    expect(await nombreDeComptesDemo()).toBe((await lireComptesDemo()).length);
  });
});
