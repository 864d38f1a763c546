import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { z } from './zod.js';

/** A message to send; `a` takes one address or several (each may carry a display name). */
export interface Courriel {
  a: string | string[];
  sujet: string;
  texte: string;
  html?: string;
}

/** Outgoing mail. `envoyer` resolves once the message is handed over, and rejects otherwise. */
export interface Messagerie {
  envoyer(courriel: Courriel): Promise<void>;
}

/** The one logging call the development transport makes (a pino or Fastify logger fits). */
export interface JournalMessagerie {
  info(details: object, message: string): void;
}

export interface OptionsMessagerie {
  smtpUrl?: string | undefined;
  expediteur: string;
  environnement: 'development' | 'production' | 'test';
  /** Where the development transport writes its `.eml` files; a folder of the system's temp dir by default. */
  dossierDeveloppement?: string | undefined;
  logger?: JournalMessagerie | undefined;
}

const EXPEDITEUR_PAR_DEFAUT = 'Trajectoires <ne-pas-repondre@trajectoires.localhost>';

/** Environment variables of outgoing mail, to merge into the application's configuration schema. */
export const configMessagerieSchema = z.strictObject({
  SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'doit être une adresse smtp://… ou smtps://…' }).optional(),
  MAIL_EXPEDITEUR: z
    .string()
    .refine(estUneAdresse, {
      message: 'doit être une seule adresse électronique, par exemple « Trajectoires <ne-pas-repondre@exemple.fr> »',
    })
    .default(EXPEDITEUR_PAR_DEFAUT),
});

/**
 * Builds the outgoing mail of the application: SMTP when `smtpUrl` is set; otherwise, outside
 * production, `.eml` files a developer can open (invitation links included). Throws in
 * production without `smtpUrl`: mail written to a local folder would be lost without a word.
 */
export function creerMessagerie(options: OptionsMessagerie): Messagerie {
  if (options.smtpUrl) return messagerieSmtp(options.smtpUrl, options.expediteur);
  if (options.environnement === 'production') {
    throw new Error(
      'SMTP_URL est obligatoire en production : renseignez l’adresse du serveur d’envoi (smtp://… ou smtps://…). ' +
        'L’écriture des courriels dans des fichiers est réservée au développement.',
    );
  }
  return messagerieFichiers(options.dossierDeveloppement ?? path.join(os.tmpdir(), 'trajectoires-courriels'), options.expediteur, options.logger);
}

function messagerieSmtp(smtpUrl: string, expediteur: string): Messagerie {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    // A local relay or test server offers no certificate worth checking; any other host keeps
    // nodemailer's STARTTLS upgrade whenever the server proposes it.
    ignoreTLS: estBoucleLocale(smtpUrl),
    // Invitations are sent while a request waits: fail within seconds, not nodemailer's minutes.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async envoyer(courriel) {
      const info = await transport.sendMail(message(courriel, expediteur));
      // nodemailer resolves when at least one recipient was accepted; the others would be lost.
      if (info.rejected.length > 0) {
        throw new Error(`Le serveur SMTP a refusé ${info.rejected.length} destinataire(s) : ${info.rejected.join(', ')}.`);
      }
    },
  };
}

function messagerieFichiers(dossier: string, expediteur: string, logger: JournalMessagerie | undefined): Messagerie {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    async envoyer(courriel) {
      const info = await transport.sendMail(message(courriel, expediteur));
      const fichier = path.join(dossier, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`);
      await mkdir(dossier, { recursive: true });
      // The body carries invitation links, which act as secrets: readable by its owner only.
      await writeFile(fichier, info.message as Buffer, { mode: 0o600 });
      // Recipient and subject only: the body must never reach the logs.
      logger?.info({ a: courriel.a, sujet: courriel.sujet, fichier }, 'Courriel écrit dans un fichier (aucun SMTP_URL)');
    },
  };
}

function message(courriel: Courriel, expediteur: string) {
  return { from: expediteur, to: courriel.a, subject: courriel.sujet, text: courriel.texte, html: courriel.html };
}

function estUneAdresse(valeur: string): boolean {
  const adresses = addressparser(valeur, { flatten: true });
  return adresses.length === 1 && /^[^@\s]+@[^@\s]+$/.test(adresses[0]?.address ?? '');
}

function estBoucleLocale(smtpUrl: string): boolean {
  const hote = new URL(smtpUrl).hostname;
  return hote === 'localhost' || hote === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(hote);
}
