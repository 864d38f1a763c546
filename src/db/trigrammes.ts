import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from './client.js';

// pg_trgm's default threshold for the % operator.
export const SEUIL_SIMILARITE = 0.3;

/**
 * "Looks like" for typo-tolerant matching. Written with the similarity() function, not the %
 * operator: in PGlite, loading the cube extension (needed for distances) breaks pg_trgm's
 * operators (% and <-> return nothing and stall the connection) while its functions still work.
 * Only values that share their first letter are compared.
 * See docs/adr/0002-trigrammes-sans-operateurs.md.
 */
export function ressemble(colonne: SQL, valeur: SQL | string): SQL {
  // The function cannot use the trigram index: comparing first letters first (cheap) spares
  // ~95 % of the similarity computations. A typo on the very first letter is not forgiven.
  return sql`(left(${colonne}, 1) = left(${valeur}::text, 1) AND similarity(${colonne}, ${valeur}::text) >= ${SEUIL_SIMILARITE})`;
}

/**
 * The words of a query as typed, each with its closest word of a lexicon table (a `mot` column of
 * words of 3 letters or more). A shorter word ("de") is kept as typed, not "corrected" into a word
 * nobody meant, which also spares a scan of the lexicon.
 */
export function motsCorriges(db: Executor, lexique: string, mots: string[]) {
  const table = sql.identifier(lexique);
  return rows<{ saisi: string; corrige: string | null }>(
    db,
    sql`SELECT w AS saisi,
        CASE WHEN length(w) < 3 OR EXISTS (SELECT 1 FROM ${table} WHERE mot = w) THEN w
          ELSE (SELECT mot FROM ${table} WHERE ${ressemble(sql`mot`, sql`w`)} ORDER BY similarity(mot, w) DESC, mot LIMIT 1) END AS corrige
      FROM unnest(${sql.param(mots)}::text[]) WITH ORDINALITY AS m(w, n) ORDER BY n`,
  );
}
