import { z } from './zod.js';

export const TAILLE_PAGE_MAX = 100;
export const PAGE_MAX = 500;

/** page (from 1) and par_page, bounded so that nobody walks the whole table by OFFSET. */
export const paginationQuery = {
  page: z.coerce
    .number({ message: 'la page doit être un nombre' })
    .int('la page doit être un entier')
    .min(1, 'la page commence à 1')
    .max(PAGE_MAX, `la page ne peut pas dépasser ${PAGE_MAX} : affinez la recherche`)
    .default(1),
  par_page: z.coerce
    .number({ message: 'par_page doit être un nombre' })
    .int('par_page doit être un entier')
    .min(1, 'par_page doit valoir au moins 1')
    .max(TAILLE_PAGE_MAX, `par_page ne peut pas dépasser ${TAILLE_PAGE_MAX}`)
    .default(20),
};

export const paginationSchema = z.object({
  page: z.number().int(),
  par_page: z.number().int(),
  total: z.number().int(),
  pages: z.number().int(),
});

export function pagination(page: number, parPage: number, total: number) {
  return { page, par_page: parPage, total, pages: Math.ceil(total / parPage) };
}
