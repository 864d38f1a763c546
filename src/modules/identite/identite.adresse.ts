import { createHash } from 'node:crypto';

/** An e-mail address as accounts store it: one account per address, whatever its case or spaces. */
export function normaliserAdresse(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * What the sign-in attempts table keeps of an address tried: a digest, so that an address typed by
 * mistake is never stored in clear. Migration 0015 computes the same digest in SQL.
 */
export function empreinteAdresse(email: string): string {
  return createHash('sha256')
    .update(`identite.tentative:${normaliserAdresse(email)}`)
    .digest('hex');
}
