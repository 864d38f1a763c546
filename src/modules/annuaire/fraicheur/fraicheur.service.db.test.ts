import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { creerCompte } from '../../../../test/factories/identite.js';
import { creerBaseDeTest } from '../../../../test/harness/base.js';
import { type ServeurSmtp, demarrerServeurSmtp } from '../../../../test/harness/smtp.js';
import { type Database, rows } from '../../../db/client.js';
import { creerMessagerie } from '../../../shared/messagerie.js';
import { FILE_COURRIELS, declarerEnvoiDesCourriels } from '../../courriel/index.js';
import { type FileDeTravaux, creerFileDeTravaux } from '../../taches/index.js';
import { FILE_RAPPELS_CONFIRMATION, declarerRappelsConfirmation, envoyerRappelsConfirmation } from './fraicheur.service.js';

const MOIS = 6;
const URL_PUBLIQUE = 'https://trajectoires.exemple.fr';
// A fixed clock: every run of the job below says when it happens.
const T0 = new Date('2027-03-15T07:00:00Z');
const plus = (date: Date, { mois = 0, jours = 0 }) => {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + mois);
  d.setUTCDate(d.getUTCDate() + jours);
  return d;
};

let database: Database;
let smtp: ServeurSmtp;
let file: FileDeTravaux;
// The clock of the queue's own runs of the job.
let horloge = T0;
// Addresses the mail server refuses once each, then accepts.
const refuseesUneFois = new Set<string>();
let ids: Record<'ancienne' | 'recente' | 'jamais' | 'sansResponsable', string>;
let emails: Record<'ancienne' | 'recente' | 'jamais', string>;

async function structureDemo(cle: string): Promise<string> {
  const [s] = await rows<{ id: string }>(database.db, sql`SELECT id FROM annuaire_structure WHERE source = 'demonstration' AND source_id = ${cle}`);
  return s!.id;
}

const confirmer = (id: string, le: Date) =>
  database.db.execute(sql`UPDATE annuaire_structure SET confirme_le = ${le.toISOString()}::timestamptz WHERE id = ${id}::uuid`);

const fileVide = (nom: string) =>
  vi.waitFor(async () => expect((await file.profondeurs())[nom]).toEqual({ enAttente: 0, enCours: 0, echecs: 0 }), { timeout: 10_000, interval: 100 });

/** One run at `maintenant`, once the queue has sent the mails it put in it. */
async function executer(maintenant: Date) {
  const bilan = await envoyerRappelsConfirmation({ db: database.db, now: () => maintenant, file }, { mois: MOIS, urlPublique: URL_PUBLIQUE });
  await fileVide(FILE_COURRIELS);
  return bilan;
}

const recusPar = (email: string) => smtp.courriels.filter((c) => c.a.includes(email));

beforeAll(async () => {
  database = await creerBaseDeTest();
  smtp = await demarrerServeurSmtp({ refuserDestinataire: (adresse) => refuseesUneFois.delete(adresse) });
  const messagerie = creerMessagerie({ smtpUrl: smtp.url, expediteur: 'Trajectoires <ne-pas-repondre@trajectoires.localhost>', environnement: 'test' });
  file = creerFileDeTravaux(database, { sondageSecondes: 0.5 });
  // Mail retried without the production delays: the rule is the retry, not its pace.
  declarerEnvoiDesCourriels(file, { db: database.db, messagerie, now: () => horloge }, { reprises: 2, delaiSecondes: 0 });
  declarerRappelsConfirmation({ db: database.db, now: () => horloge, file }, { mois: MOIS, urlPublique: URL_PUBLIQUE });
  await file.demarrer();
  ids = {
    ancienne: await structureDemo('cibc-gironde'),
    recente: await structureDemo('cibc-limousin'),
    jamais: await structureDemo('cap-emploi-33'),
    sansResponsable: await structureDemo('cap-emploi-64'),
  };
  await confirmer(ids.ancienne, plus(T0, { mois: -7 }));
  await confirmer(ids.recente, plus(T0, { mois: -1 }));
  await confirmer(ids.sansResponsable, plus(T0, { mois: -12 }));
  emails = {} as typeof emails;
  for (const cle of ['ancienne', 'recente', 'jamais'] as const) {
    const compte = await creerCompte(database.db, { prenom: 'Sacha', adhesions: [{ role: 'structure_manager', structureId: ids[cle] }] });
    emails[cle] = compte.email;
  }
});
afterAll(async () => {
  await file?.arreter();
  await smtp?.close();
  await database?.close();
});

describe('envoyerRappelsConfirmation', () => {
  it('écrit aux responsables des fiches non confirmées depuis la période, une fois par période', async () => {
    const bilan = await executer(T0);
    expect(bilan).toEqual({ structures: 2, courriels: 2, echecs: [] });
    const [rappel] = recusPar(emails.ancienne);
    expect(rappel!.sujet).toBe('Votre fiche dans l’annuaire est-elle à jour ? CIBC Gironde (démonstration)');
    expect(rappel!.texte).toContain('n’a pas été confirmée depuis le 15 août 2026');
    expect(rappel!.texte).toContain(`${URL_PUBLIQUE}/gestion/structures/${ids.ancienne}`);
    expect(recusPar(emails.jamais)[0]!.texte).toContain('n’a encore jamais été confirmée');
    expect(recusPar(emails.recente)).toEqual([]);

    // The next day, and until the period has passed, nobody is reminded again.
    expect(await executer(plus(T0, { jours: 1 }))).toEqual({ structures: 0, courriels: 0, echecs: [] });
    expect(await executer(plus(T0, { mois: MOIS - 2 }))).toEqual({ structures: 0, courriels: 0, echecs: [] });
    expect(smtp.courriels).toHaveLength(2);
  });

  it('rappelle de nouveau après la période, sauf les fiches confirmées entre-temps', async () => {
    await confirmer(ids.jamais, plus(T0, { mois: 2 }));
    await confirmer(ids.recente, plus(T0, { mois: 4 }));
    const apres = plus(T0, { mois: MOIS, jours: 1 });
    const bilan = await executer(apres);
    expect(bilan).toEqual({ structures: 1, courriels: 1, echecs: [] });
    expect(recusPar(emails.ancienne)).toHaveLength(2);
    expect(recusPar(emails.jamais)).toHaveLength(1);
    const evenements = await rows<{ action: string; cible_structure_id: string; acteur_utilisateur_id: string | null }>(
      database.db,
      sql`SELECT action, cible_structure_id, acteur_utilisateur_id FROM audit_evenement WHERE action = 'annuaire.structure.rappeler_confirmation' ORDER BY id`,
    );
    expect(evenements).toHaveLength(3);
    expect(
      evenements
        .slice(0, 2)
        .map((e) => e.cible_structure_id)
        .sort(),
    ).toEqual([ids.ancienne, ids.jamais].sort());
    expect(evenements[2]!.cible_structure_id).toBe(ids.ancienne);
    expect(evenements.every((e) => e.acteur_utilisateur_id === null)).toBe(true);
  });

  it('un courriel de rappel refusé par le serveur SMTP est repris par la file jusqu’à sa remise, sans rappeler la fiche deux fois', async () => {
    const jour = plus(T0, { mois: 2 * MOIS, jours: 2 });
    refuseesUneFois.add(emails.ancienne);
    const avant = recusPar(emails.ancienne).length;
    const bilan = await executer(jour);
    // Its reminder is taken with the others' (its mail is in the queue): every record confirmed more than a period ago.
    expect(bilan).toEqual({ structures: 3, courriels: 3, echecs: [] });
    // Refused once, then accepted by the queue's retry.
    expect(refuseesUneFois.size).toBe(0);
    expect(recusPar(emails.ancienne)).toHaveLength(avant + 1);
    expect(await executer(plus(jour, { jours: 1 }))).toEqual({ structures: 0, courriels: 0, echecs: [] });
    expect(recusPar(emails.ancienne)).toHaveLength(avant + 1);
  });

  it('la file lance les rappels chaque jour à 7 h, heure de Paris', async () => {
    const planifications = await rows<{ name: string; cron: string; timezone: string }>(database.db, sql`SELECT name, cron, timezone FROM pgboss.schedule`);
    expect(planifications).toEqual([{ name: FILE_RAPPELS_CONFIRMATION, cron: '0 7 * * *', timezone: 'Europe/Paris' }]);

    // The run the schedule starts: here sent by hand, with the queue's clock three periods on.
    horloge = plus(T0, { mois: 3 * MOIS, jours: 3 });
    const avant = recusPar(emails.ancienne).length;
    await file.envoyer(database.db, FILE_RAPPELS_CONFIRMATION, {});
    await fileVide(FILE_RAPPELS_CONFIRMATION);
    await fileVide(FILE_COURRIELS);
    expect(recusPar(emails.ancienne)).toHaveLength(avant + 1);
  });
});
