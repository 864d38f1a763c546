import { generateSecret, generateSync, generateURI, verifySync } from 'otplib';
import QRCode from 'qrcode';

// RFC 6238 defaults that every authenticator app reads: SHA-1, 6 digits, 30-second steps.
const PERIODE_SECONDES = 30;
const CODE = /^\d{6}$/;

function secondes(maintenant: Date): number {
  return Math.floor(maintenant.getTime() / 1000);
}

/** A new random TOTP secret, base32, 160 bits (RFC 4226's recommended length). */
export function genererSecretTotp(): string {
  return generateSecret({ length: 20 });
}

/** The `otpauth://totp/…` URI an authenticator app reads from the QR code. */
export function uriOtpauth({ secret, compte, emetteur }: { secret: string; compte: string; emetteur: string }): string {
  return generateURI({ issuer: emetteur, label: compte, secret, algorithm: 'sha1', digits: 6, period: PERIODE_SECONDES });
}

/** The QR code of an otpauth URI, as an SVG data URL for an `<img>`. */
export async function qrCodeTotp(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The code an authenticator app shows at `maintenant`. */
export function codeTotpCourant(secret: string, maintenant: Date): string {
  return generateSync({ secret, epoch: secondes(maintenant), period: PERIODE_SECONDES });
}

/**
 * Checks a 6-digit code against the current step and one step either side (clock drift).
 * A code is single use: steps up to `dernierPasAccepte` are refused; store the returned `pas`.
 */
export function verifierCodeTotp({
  secret,
  code,
  dernierPasAccepte,
  maintenant,
}: {
  secret: string;
  code: string;
  dernierPasAccepte: number | null;
  maintenant: Date;
}): { valide: true; pas: number } | { valide: false } {
  if (!CODE.test(code)) return { valide: false };
  const epoch = secondes(maintenant);
  const pasCourant = Math.floor(epoch / PERIODE_SECONDES);
  // otplib throws when afterTimeStep is past the window; every step of the window is then spent.
  if (dernierPasAccepte !== null && dernierPasAccepte > pasCourant) return { valide: false };
  const resultat = verifySync({
    secret,
    token: code,
    epoch,
    period: PERIODE_SECONDES,
    epochTolerance: PERIODE_SECONDES,
    ...(dernierPasAccepte === null ? {} : { afterTimeStep: dernierPasAccepte }),
  });
  return resultat.valid ? { valide: true, pas: pasCourant + resultat.delta } : { valide: false };
}
