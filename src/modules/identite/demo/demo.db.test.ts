import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../../db/client.js';
import { type AppDeTest, creerAppDeTest } from '../../../../test/harness/app.js';
import { ClientHttp } from '../../../../test/harness/client-http.js';
import { lancerScript } from '../../../../test/harness/commande.js';
import { type IdentifiantsDemo, lireComptesDemo, lireIdentifiantsDemo, preparerComptesDemo, seederComptesDemo } from './demo.js';
import { structuresDeDemonstration } from '../../annuaire/index.js';
import { codeTotpCourant } from '../identite.totp.js';
import { coutHachage } from '../identite.config.js';

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

describe('création des comptes de démonstration au démarrage', () => {
  let identifiants: IdentifiantsDemo[];
  let affichage: string;
  // A folder that does not exist yet, as on a first start on a PostgreSQL server without DATA_DIR.
  const config = () => ({ ...t.config, NODE_ENV: 'development' as const, DATA_DIR: path.join(dossier, 'pas-encore-cree', 'pglite') });
  const fichier = () => path.join(dossier, 'pas-encore-cree', 'comptes-demo.json');

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
    const responsable = identifiants.find((i) => i.email === 'mathilde.garnier@demo.trajectoires.invalid')!;
    expect(responsable.libelle).toBe('Responsable de structure – CIBC Gironde (démonstration)');
    expect(affichage).toContain(`mathilde.garnier@demo.trajectoires.invalid   mot de passe : ${responsable.motDePasse}`);
    expect(affichage).toContain('npm run demo:code-totp -- mathilde.garnier@demo.trajectoires.invalid');
    expect(affichage).toContain(`secret=${responsable.secretTotp}`);
  });

  it('ouvre une session complète avec le mot de passe et le code TOTP affichés', async () => {
    const responsable = identifiants.find((i) => i.email === 'mathilde.garnier@demo.trajectoires.invalid')!;
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
    const responsable = identifiants.find((i) => i.email === 'mathilde.garnier@demo.trajectoires.invalid')!;
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
