import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerServeurSmtp, lireMessage, type ServeurSmtp } from '../../test/harness/smtp.js';
import { configMessagerieSchema, creerMessagerie, type JournalMessagerie } from './messagerie.js';

const expediteur = 'Trajectoires <ne-pas-repondre@trajectoires.localhost>';
// Longer than a quoted-printable line (76 characters): it reaches the server cut by soft line breaks.
const lien = `https://trajectoires.localhost/invitations/${'f3a9'.repeat(16)}?origine=courriel&parcours=conseiller`;
const invitation = {
  a: 'Élodie Martin <elodie.martin@exemple.fr>',
  // Long enough for nodemailer to spread it over several encoded words.
  sujet: 'Invitation à rejoindre « Mission locale des Hauts-de-Garonne » sur Trajectoires — réseau régional',
  texte: `Bonjour Élodie,\n\nVous êtes invitée à rejoindre la structure. Ouvrez ce lien :\n${lien}\n\nÀ bientôt.`,
  html: `<p>Bonjour <strong>Élodie</strong>,</p><p><a href="${lien}">Accepter l’invitation</a></p>`,
};

describe('creerMessagerie avec SMTP_URL', () => {
  let serveur: ServeurSmtp;
  beforeAll(async () => {
    serveur = await demarrerServeurSmtp({ refuserDestinataire: (adresse) => adresse.startsWith('inconnu@') });
  });
  afterAll(() => serveur.close());

  it('remet au serveur SMTP le destinataire, le sujet accentué, le texte et le HTML intacts', async () => {
    const messagerie = creerMessagerie({ smtpUrl: serveur.url, expediteur, environnement: 'production' });

    await messagerie.envoyer(invitation);

    const recu = await serveur.attendreCourriel((c) => c.a.includes('elodie.martin@exemple.fr'));
    expect(recu.de).toBe('ne-pas-repondre@trajectoires.localhost');
    expect(recu.a).toEqual(['elodie.martin@exemple.fr']);
    expect(recu.sujet).toBe(invitation.sujet);
    expect(recu.texte).toBe(invitation.texte);
    expect(recu.html).toBe(invitation.html);
    // The decoding above was needed: neither the subject nor the link travel as written.
    expect(recu.brut).not.toContain(invitation.sujet);
    expect(recu.brut).not.toContain(lien);
  });

  it('envoie un même courriel à plusieurs destinataires', async () => {
    const messagerie = creerMessagerie({ smtpUrl: serveur.url, expediteur, environnement: 'test' });

    await messagerie.envoyer({ a: ['a@exemple.fr', 'b@exemple.fr'], sujet: 'Réunion du réseau', texte: 'Ordre du jour.' });

    const recu = await serveur.attendreCourriel((c) => c.sujet === 'Réunion du réseau');
    expect(recu.a).toEqual(['a@exemple.fr', 'b@exemple.fr']);
    expect(recu.texte).toBe('Ordre du jour.');
  });

  it('remet aussi un texte surtout hors ASCII, que nodemailer encode en base64', async () => {
    const messagerie = creerMessagerie({ smtpUrl: serveur.url, expediteur, environnement: 'test' });
    const courriel = { a: 'eleni@exemple.fr', sujet: 'Καλημέρα « été »', texte: 'Ωραία μέρα — « été ».\nΚαλημέρα σας, Ελένη.' };

    await messagerie.envoyer(courriel);

    const recu = await serveur.attendreCourriel((c) => c.a.includes('eleni@exemple.fr'));
    expect(recu.brut).toContain('Content-Transfer-Encoding: base64');
    expect(recu.sujet).toBe(courriel.sujet);
    expect(recu.texte).toBe(courriel.texte);
  });

  it('échoue si le serveur refuse un des destinataires, même quand il accepte les autres', async () => {
    const messagerie = creerMessagerie({ smtpUrl: serveur.url, expediteur, environnement: 'test' });

    await expect(messagerie.envoyer({ a: ['accepte@exemple.fr', 'inconnu@exemple.fr'], sujet: 'Partiel', texte: '…' })).rejects.toThrow(
      'Le serveur SMTP a refusé 1 destinataire(s) : inconnu@exemple.fr.',
    );
  });

  it('échoue si aucun serveur SMTP ne répond, au lieu de perdre le courriel', async () => {
    const messagerie = creerMessagerie({ smtpUrl: `smtp://127.0.0.1:${await portLibre()}`, expediteur, environnement: 'test' });

    await expect(messagerie.envoyer(invitation)).rejects.toMatchObject({
      code: 'ESOCKET',
      message: expect.stringContaining('ECONNREFUSED'),
    });
  });
});

describe('creerMessagerie sans SMTP_URL', () => {
  let dossier: string;
  beforeAll(async () => {
    dossier = await mkdtemp(path.join(os.tmpdir(), 'messagerie-'));
  });
  afterAll(() => rm(dossier, { recursive: true, force: true }));

  it('écrit en développement un fichier .eml lisible et journalise destinataire et sujet, jamais le corps', async () => {
    const journal: { details: object; message: string }[] = [];
    const logger: JournalMessagerie = { info: (details, message) => journal.push({ details, message }) };
    const messagerie = creerMessagerie({ expediteur, environnement: 'development', dossierDeveloppement: dossier, logger });

    await messagerie.envoyer(invitation);

    const fichiers = await readdir(dossier);
    expect(fichiers).toHaveLength(1);
    expect(fichiers[0]).toMatch(/\.eml$/);
    const fichier = path.join(dossier, fichiers[0] ?? '');
    const lu = lireMessage(await readFile(fichier));
    expect(lu.sujet).toBe(invitation.sujet);
    expect(lu.texte).toBe(invitation.texte);
    expect(lu.brut).toMatch(/^To: .*<elodie\.martin@exemple\.fr>$/m);
    expect((await stat(fichier)).mode & 0o777).toBe(0o600);
    expect(journal).toEqual([{ details: { a: invitation.a, sujet: invitation.sujet, fichier }, message: 'Courriel écrit dans un fichier (aucun SMTP_URL)' }]);
    expect(JSON.stringify(journal)).not.toContain('invitations/');
  });

  it('refuse de démarrer en production, où le courriel serait perdu', () => {
    expect(() => creerMessagerie({ expediteur, environnement: 'production' })).toThrow(
      'SMTP_URL est obligatoire en production : renseignez l’adresse du serveur d’envoi (smtp://… ou smtps://…). ' +
        'L’écriture des courriels dans des fichiers est réservée au développement.',
    );
  });
});

describe('configMessagerieSchema', () => {
  it('se passe de toute variable, avec un expéditeur par défaut', () => {
    expect(configMessagerieSchema.parse({})).toEqual({ MAIL_EXPEDITEUR: expediteur });
  });

  it('accepte smtp:// et smtps://, avec identifiants et port', () => {
    for (const url of ['smtp://127.0.0.1:1025', 'smtps://utilisateur:secret@smtp.exemple.fr:465']) {
      expect(configMessagerieSchema.parse({ SMTP_URL: url }).SMTP_URL).toBe(url);
    }
  });

  it('refuse en français une adresse qui n’est pas SMTP et un expéditeur qui n’est pas une adresse', () => {
    const resultat = configMessagerieSchema.safeParse({ SMTP_URL: 'https://smtp.exemple.fr', MAIL_EXPEDITEUR: 'Trajectoires' });

    expect(resultat.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['SMTP_URL', 'doit être une adresse smtp://… ou smtps://…'],
      ['MAIL_EXPEDITEUR', 'doit être une seule adresse électronique, par exemple « Trajectoires <ne-pas-repondre@exemple.fr> »'],
    ]);
  });
});

/** A port nothing listens on: taken from the system, then released. */
async function portLibre(): Promise<number> {
  const serveur = createServer();
  await new Promise<void>((resolve) => serveur.listen(0, '127.0.0.1', resolve));
  const { port } = serveur.address() as AddressInfo;
  await new Promise((resolve) => serveur.close(resolve));
  return port;
}
