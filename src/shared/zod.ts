import { z } from 'zod';

// French messages for every schema of the project: imported once, before any schema is used.
z.config(z.locales.fr());

export { z };

/**
 * What no text of the platform can hold: NUL, which a PostgreSQL `text` or `jsonb` refuses, and a
 * UTF-16 surrogate left alone, which RFC 8785 (the audit chain's canonical JSON) and `jsonb`
 * refuse and which UTF-8 cannot encode. With the `u` flag a surrogate pair is one code point, so
 * an emoji does not match.
 *
 * Other control characters (U+0001 to U+001F, U+007F) are kept: PostgreSQL stores them, RFC 8785
 * escapes them, the front shows them as text, and real directory data carries stray tabs, form
 * feeds or vertical tabs that refusing would turn into rejected records.
 */
const CARACTERE_INSTOCKABLE = /[\u0000\uD800-\uDFFF]/u;
const CARACTERES_INSTOCKABLES = /[\u0000\uD800-\uDFFF]/gu;

/** Whether a text holds a character the database or the audit chain cannot store. */
export const contientInstockable = (texte: string): boolean => CARACTERE_INSTOCKABLE.test(texte);

const messageInstockable = (libelle?: string) =>
  `${libelle ? `${libelle} : ` : ''}caractère invisible que la plateforme ne peut pas enregistrer (caractère nul ou caractère incomplet) : supprimez-le, ou retapez ce texte au lieu de le copier`;

/**
 * The string every input of the platform is built on (body, query string, path, import file):
 * a text holding NUL or a lone surrogate is refused, before any other check, with a message
 * naming the field. Chain `.trim()`, `.min()`, `.regex()`… on it as on `z.string()`.
 */
export function texteLibre(libelle?: string, erreur?: Parameters<typeof z.string>[0]) {
  return z.string(erreur).refine((v) => !contientInstockable(v), { message: messageInstockable(libelle), abort: true });
}

/**
 * A search text or a lookup key: what cannot be stored becomes a space instead of a refusal,
 * since a search only matches words (a pasted NUL should not stop it) and a key so cleaned
 * simply matches nothing; `suite` checks the cleaned text.
 */
export function texteNettoye<T extends z.ZodType<unknown, string>>(suite: T, message?: string) {
  return z
    .string(message ? { message } : undefined)
    .transform((v) => v.replace(CARACTERES_INSTOCKABLES, ' '))
    .pipe(suite);
}
