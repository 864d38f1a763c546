import { type SQL, sql } from 'drizzle-orm';

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
