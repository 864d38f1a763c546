import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerCompte } from '../../../test/factories/identite.js';
import { type AppDeTest, creerAppDeTest } from '../../../test/harness/app.js';
import { ClientHttp } from '../../../test/harness/client-http.js';
import { consignerAudit } from '../../../test/harness/audit.js';
import { type ServeurSmtp, demarrerServeurSmtp } from '../../../test/harness/smtp.js';
import { rows } from '../../db/client.js';
import { MARQUE_LECTURE_DONNEES_PERSONNELLES } from '../audit/index.js';
import { genererSecretTotp, codeTotpCourant } from '../identite/identite.totp.js';

const HEURE = 3_600_000;
const JOUR = 24 * HEURE;
const SECURITE = 'securite@exemple.invalid';

// 10:00 in Paris; the clock only moves forward, by steps smaller than the 30-minute idle timeout.
let maintenant = new Date('2026-03-10T09:00:00.000Z');
const avancer = (ms: number) => {
  maintenant = new Date(maintenant.getTime() + ms);
};

let smtp: ServeurSmtp;
let t: AppDeTest;
let structureA: string;
let structureB: string;

beforeAll(async () => {
  smtp = await demarrerServeurSmtp();
  t = await creerAppDeTest(
    { SMTP_URL: smtp.url, SECURITE_CONTACT_EMAIL: SECURITE, VIGILANCE_PLAFOND_LECTURES_JOUR: '70', URL_PUBLIQUE: 'https://trajectoires.exemple.fr' },
    { now: () => maintenant },
  );
  [structureA, structureB] = (
    await rows<{ id: string }>(t.database.db, sql`SELECT id FROM annuaire_structure WHERE demonstration ORDER BY source, source_id LIMIT 2`)
  ).map((s) => s.id) as [string, string];
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

let rang = 0;
/** A manager of the structure, signed in through the real password and TOTP steps. */
async function responsableConnecte(structureId: string, nom: string) {
  const totpSecret = genererSecretTotp();
  const compte = await creerCompte(t.database.db, { adhesions: [{ role: 'structure_manager', structureId }], prenom: 'Alix', nom, totpSecret });
  const client = new ClientHttp(t.app, `203.0.113.${++rang}`);
  const connecter = async () => {
    expect((await client.connecter(compte.email, compte.motDePasse)).json()).toEqual({ etape: 'second_facteur' });
    expect((await client.post('/api/v1/connexion/second-facteur', { code: codeTotpCourant(totpSecret, maintenant) })).statusCode).toBe(200);
  };
  await connecter();
  return { ...compte, client, connecter };
}

/** Reads of personal data already in the trail, as vigilance flags them. */
async function lecturesPassees(utilisateurId: string, instants: Date[]) {
  for (const instant of instants) {
    await consignerAudit(
      t.database.db,
      {
        action: 'dossier.lire',
        resultat: 'succes',
        acteurUtilisateurId: utilisateurId,
        cibleType: 'dossier',
        details: { [MARQUE_LECTURE_DONNEES_PERSONNELLES]: true },
      },
      instant,
    );
  }
}

const fois = (n: number, instant: (i: number) => Date) => Array.from({ length: n }, (_, i) => instant(i));

async function lireLaListe(client: ClientHttp, structureId: string, n: number): Promise<number[]> {
  const statuts: number[] = [];
  for (let i = 0; i < n; i++) statuts.push((await client.get(`/api/v1/structures/${structureId}/acces`)).statusCode);
  return statuts;
}

const courrielsSur = (nom: string) => smtp.courriels.filter((c) => c.sujet.includes(nom));

describe('vigilance sur le volume de lectures', () => {
  it('prévient une seule fois par jour les autres responsables et le contact sécurité au-delà de 5 fois le volume habituel', async () => {
    const lecteur = await responsableConnecte(structureA, 'Lecteur-Vif');
    const collegue = await creerCompte(t.database.db, { adhesions: [{ role: 'structure_manager', structureId: structureA }] });
    await creerCompte(t.database.db, { adhesions: [{ role: 'advisor', structureId: structureA }] });
    // 30 days of 10 reads a day, then 40 reads this morning.
    const debutDuJourJuge = maintenant.getTime() - JOUR;
    await lecturesPassees(
      lecteur.id,
      fois(300, (i) => new Date(debutDuJourJuge - Math.floor(i / 10) * JOUR - HEURE - (i % 10) * 60_000)),
    );
    await lecturesPassees(
      lecteur.id,
      fois(40, (i) => new Date(maintenant.getTime() - 2 * HEURE + i * 1000)),
    );

    // 50 reads: the threshold (max(50, 5 × 10)) is reached, not crossed.
    expect(await lireLaListe(lecteur.client, structureA, 10)).toEqual(new Array(10).fill(200));
    expect(courrielsSur('Lecteur-Vif')).toEqual([]);

    expect(await lireLaListe(lecteur.client, structureA, 1)).toEqual([200]);
    const [alerte, ...autres] = courrielsSur('Lecteur-Vif');
    expect(autres).toEqual([]);
    expect(alerte!.a.sort()).toEqual([collegue.email, SECURITE].sort());
    expect(alerte!.sujet).toBe('Vigilance : Alix Lecteur-Vif a consulté 51 fois des données personnelles en 24 heures');
    expect(alerte!.texte).toContain(
      `Le compte de Alix Lecteur-Vif (${lecteur.email}) a consulté 51 fois des données personnelles au cours des dernières 24 heures, au-delà du seuil d’alerte de 50.`,
    );
    expect(alerte!.texte).toContain('Son volume habituel est de 10 consultation(s) par jour (médiane des 30 jours précédents).');
    expect(alerte!.texte).toContain(`https://trajectoires.exemple.fr/journal-des-acces/${structureA}`);

    // 60 reads, then more later the same day: no second mail.
    expect(await lireLaListe(lecteur.client, structureA, 9)).toEqual(new Array(9).fill(200));
    avancer(20 * 60_000);
    expect(await lireLaListe(lecteur.client, structureA, 1)).toEqual([200]);
    expect(courrielsSur('Lecteur-Vif')).toHaveLength(1);
    expect(
      await rows(
        t.database.db,
        sql`SELECT nature, lectures, volume_habituel, envoyee_le IS NOT NULL AS envoyee FROM vigilance_alerte WHERE utilisateur_id = ${lecteur.id}::uuid`,
      ),
    ).toEqual([{ nature: 'volume_inhabituel', lectures: 51, volume_habituel: expect.anything(), envoyee: true }]);
  });

  it('suspend le compte au-delà du plafond : la requête échoue en 403, le cookie ne vaut plus rien, la suspension est journalisée', async () => {
    const lecteur = await responsableConnecte(structureB, 'Lecteur-Massif');
    const collegue = await creerCompte(t.database.db, { adhesions: [{ role: 'structure_manager', structureId: structureB }] });
    await lecturesPassees(
      lecteur.id,
      fois(69, (i) => new Date(maintenant.getTime() - 3 * HEURE + i * 1000)),
    );

    // The 70th read reaches the ceiling without crossing it (an unusual volume all the same).
    expect(await lireLaListe(lecteur.client, structureB, 1)).toEqual([200]);
    const refus = await lecteur.client.get(`/api/v1/structures/${structureB}/acces`);

    expect(refus.statusCode).toBe(403);
    expect(refus.json().erreur.code).toBe('vigilance.compte_suspendu');
    const suivante = await lecteur.client.get(`/api/v1/structures/${structureB}/acces`);
    expect(suivante.statusCode).toBe(401);
    expect(suivante.json().erreur.code).toBe('identite.non_connecte');

    const suspension = courrielsSur('Lecteur-Massif').find((c) => c.sujet.includes('suspendu'));
    expect(suspension!.sujet).toBe('Vigilance : compte de Alix Lecteur-Massif suspendu (plafond de consultations dépassé)');
    expect(suspension!.a.sort()).toEqual([collegue.email, SECURITE].sort());
    expect(suspension!.texte).toContain('a consulté 71 fois des données personnelles au cours des dernières 24 heures, au-delà du plafond de 70.');
    expect(
      await rows(
        t.database.db,
        sql`SELECT action, resultat, acteur_utilisateur_id, acteur_role, raison, details FROM audit_evenement WHERE cible_id = ${lecteur.id} AND action = 'identite.compte.suspendre'`,
      ),
    ).toEqual([
      {
        action: 'identite.compte.suspendre',
        resultat: 'succes',
        acteur_utilisateur_id: null,
        acteur_role: 'systeme',
        raison: 'vigilance.plafond_lectures',
        details: {
          lectures: 71,
          plafond: 70,
          volume_habituel: 0,
          sessions_fermees: 1,
          motif_systeme: 'vigilance : plafond de consultations de données personnelles dépassé',
        },
      },
    ]);
    const connexion = await new ClientHttp(t.app, '203.0.113.200').connecter(lecteur.email, lecteur.motDePasse);
    expect(connexion.json().erreur.code).toBe('identite.compte_suspendu');
  });

  it('juge un compte réactivé le jour même sur ses lectures depuis la suspension', async () => {
    const lecteur = await responsableConnecte(structureB, 'Lecteur-Reactive');
    await lecturesPassees(
      lecteur.id,
      fois(70, (i) => new Date(maintenant.getTime() - HEURE + i * 1000)),
    );
    expect((await lecteur.client.get(`/api/v1/structures/${structureB}/acces`)).statusCode).toBe(403);

    // Reactivated after checking with the agent (the team's management does this).
    await t.database.db.execute(sql`UPDATE identite_utilisateur SET statut = 'actif' WHERE id = ${lecteur.id}::uuid`);
    avancer(60_000);
    await lecteur.connecter();

    expect(await lireLaListe(lecteur.client, structureB, 2)).toEqual([200, 200]);
  });
});
