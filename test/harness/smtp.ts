import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A MIME message, decoded: subject, text and HTML bodies, and the whole source. */
export interface MessageLu {
  sujet: string;
  /** The text/plain part, decoded, with \n line ends. */
  texte: string;
  html?: string;
  brut: string;
}

/** A message as the SMTP server received it, with its envelope (MAIL FROM, RCPT TO). */
export interface CourrielRecu extends MessageLu {
  de: string;
  a: string[];
}

export interface OptionsServeurSmtp {
  /** Recipients answered with a permanent refusal at RCPT TO, as a real server does for unknown mailboxes. */
  refuserDestinataire?: (adresse: string) => boolean;
}

export interface ServeurSmtp {
  url: string;
  courriels: CourrielRecu[];
  /** The first message, already received or still to come, that matches; rejects after delaiMs. */
  attendreCourriel(predicat: (courriel: CourrielRecu) => boolean, delaiMs?: number): Promise<CourrielRecu>;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (random port, no TLS, no authentication) that keeps every message. */
export async function demarrerServeurSmtp(options: OptionsServeurSmtp = {}): Promise<ServeurSmtp> {
  const courriels: CourrielRecu[] = [];
  const guetteurs = new Set<() => void>();
  const serveur = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onRcptTo(adresse, _session, repondre) {
      if (options.refuserDestinataire?.(adresse.address)) {
        repondre(Object.assign(new Error(`Destinataire inconnu : ${adresse.address}`), { responseCode: 550 }));
        return;
      }
      repondre();
    },
    onData(flux, session, repondre) {
      const morceaux: Buffer[] = [];
      flux.on('data', (morceau: Buffer) => morceaux.push(morceau));
      flux.on('end', () => {
        try {
          const { mailFrom, rcptTo } = session.envelope;
          courriels.push({
            de: mailFrom ? mailFrom.address : '',
            a: rcptTo.map((r) => r.address),
            ...lireMessage(Buffer.concat(morceaux)),
          });
        } catch (erreur) {
          // Refused to the sender, so the test that sent it fails instead of waiting for nothing.
          repondre(erreur as Error);
          return;
        }
        for (const guetteur of guetteurs) guetteur();
        repondre();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    serveur.once('error', reject);
    serveur.listen(0, '127.0.0.1', () => {
      serveur.off('error', reject);
      resolve();
    });
  });
  // A client dropping its connection is the client's failure, already seen by the test through it.
  serveur.on('error', () => {});
  const { port } = serveur.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    courriels,
    attendreCourriel(predicat, delaiMs = 5000) {
      return new Promise((resolve, reject) => {
        const finir = () => {
          clearTimeout(minuterie);
          guetteurs.delete(guetter);
        };
        const guetter = () => {
          const trouve = courriels.find(predicat);
          if (!trouve) return;
          finir();
          resolve(trouve);
        };
        const minuterie = setTimeout(() => {
          finir();
          const sujets = courriels.map((c) => `« ${c.sujet} »`).join(', ') || 'aucun';
          reject(new Error(`Aucun courriel attendu reçu en ${delaiMs} ms ; reçus : ${sujets}.`));
        }, delaiMs);
        guetteurs.add(guetter);
        guetter();
      });
    },
    close: () => new Promise<void>((resolve) => serveur.close(resolve)),
  };
}

/** Decodes a raw MIME message (an SMTP DATA payload or an .eml file). */
export function lireMessage(source: Buffer): MessageLu {
  // Handled as latin1 so that each character stands for one byte until a part is decoded with
  // its own charset. The last line break comes with SMTP's end of data, not with the message.
  const racine = lirePartie(source.toString('latin1').replace(/\r?\n$/, ''));
  const html = trouverCorps(racine, 'text/html');
  return {
    sujet: decoderEntete(racine.entetes.get('subject') ?? ''),
    texte: trouverCorps(racine, 'text/plain') ?? '',
    ...(html === undefined ? {} : { html }),
    brut: source.toString('utf8'),
  };
}

interface PartieMime {
  entetes: Map<string, string>;
  corps: string;
}

function lirePartie(source: string): PartieMime {
  const separation = /\r?\n\r?\n/.exec(source);
  const tete = separation ? source.slice(0, separation.index) : source;
  const corps = separation ? source.slice(separation.index + separation[0].length) : '';
  const entetes = new Map<string, string>();
  // Unfolding: a line break followed by a space or tab continues the previous header.
  for (const ligne of tete.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const deuxPoints = ligne.indexOf(':');
    if (deuxPoints > 0) entetes.set(ligne.slice(0, deuxPoints).trim().toLowerCase(), ligne.slice(deuxPoints + 1).trim());
  }
  return { entetes, corps };
}

function typeDe(partie: PartieMime): { type: string; parametres: Map<string, string> } {
  const [type = 'text/plain', ...morceaux] = (partie.entetes.get('content-type') ?? 'text/plain').split(';');
  const parametres = new Map<string, string>();
  for (const morceau of morceaux) {
    const egal = morceau.indexOf('=');
    if (egal > 0) {
      parametres.set(
        morceau.slice(0, egal).trim().toLowerCase(),
        morceau
          .slice(egal + 1)
          .trim()
          .replace(/^"(.*)"$/, '$1'),
      );
    }
  }
  return { type: type.trim().toLowerCase(), parametres };
}

/** The decoded body of the first part of this media type, looking inside multipart containers. */
function trouverCorps(partie: PartieMime, typeCherche: string): string | undefined {
  const { type, parametres } = typeDe(partie);
  if (type === typeCherche) return decoderCorps(partie, parametres.get('charset') ?? 'utf-8');
  const frontiere = parametres.get('boundary');
  if (!type.startsWith('multipart/') || !frontiere) return undefined;
  // Between the preamble and the closing "--frontiere--", each segment is one part, the line
  // break before a delimiter belonging to the delimiter.
  const segments = partie.corps.split(`--${frontiere}`).slice(1);
  for (const segment of segments) {
    if (segment.startsWith('--')) break;
    const trouve = trouverCorps(lirePartie(segment.replace(/^[ \t]*\r?\n/, '').replace(/\r?\n$/, '')), typeCherche);
    if (trouve !== undefined) return trouve;
  }
  return undefined;
}

function decoderCorps(partie: PartieMime, charset: string): string {
  const encodage = (partie.entetes.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const octets =
    encodage === 'base64'
      ? Buffer.from(partie.corps.replace(/\s+/g, ''), 'base64')
      : encodage === 'quoted-printable'
        ? decoderQuotedPrintable(partie.corps)
        : Buffer.from(partie.corps, 'latin1');
  return new TextDecoder(charset).decode(octets).replace(/\r\n/g, '\n');
}

function decoderQuotedPrintable(texte: string): Buffer {
  const sansCoupures = texte.replace(/=\r?\n/g, '');
  return Buffer.from(
    sansCoupures.replace(/=([0-9A-Fa-f]{2})/g, (_, hexa: string) => String.fromCharCode(Number.parseInt(hexa, 16))),
    'latin1',
  );
}

const MOT_ENCODE = /=\?([^?*]+)(?:\*[^?]*)?\?([BbQq])\?([^?]*)\?=/g;
const SUITE_DE_MOTS = /=\?[^?]+\?[BbQq]\?[^?]*\?=(?:\s+=\?[^?]+\?[BbQq]\?[^?]*\?=)*/g;

/**
 * RFC 2047: the blank between two encoded words is dropped, and their bytes are joined before
 * decoding, since an encoder may split a character across two words.
 */
function decoderEntete(valeur: string): string {
  const texte = Buffer.from(valeur, 'latin1').toString('utf8');
  return texte.replace(SUITE_DE_MOTS, (suite) => {
    const octets: Buffer[] = [];
    let charset = 'utf-8';
    for (const [, jeu = 'utf-8', encodage = 'B', contenu = ''] of suite.matchAll(MOT_ENCODE)) {
      charset = jeu;
      octets.push(encodage.toUpperCase() === 'B' ? Buffer.from(contenu, 'base64') : decoderQuotedPrintable(contenu.replace(/_/g, ' ')));
    }
    return new TextDecoder(charset).decode(Buffer.concat(octets));
  });
}
