import { z } from 'zod';
import { contientInstockable } from '../../src/shared/zod.js';
import type { RouteDeclaree } from '../../src/server/access.js';

/**
 * Texts no column of the platform can hold, of several lengths so that a length bound does not
 * refuse them for another reason: NUL, lone high and low surrogates, a pair in the wrong order.
 */
export const TEXTES_INSTOCKABLES = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  'Ab\u0000cdefg',
  'Abcd\uD83Defghijklmnopqrstuvwxyz',
  'Abcdefghijkl\uDC00\uD800mnopqrstuvwxyz',
];

const PARTIES_DE_REQUETE = ['body', 'querystring', 'params'] as const;

interface Feuille {
  chemin: string;
  schema: z.ZodType;
}

const defDe = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Record<string, unknown> & { type: string } } })._zod.def;

/** Whether a schema takes a string in: a string, or a pipe that starts with one (format, trim then email, transform). */
function entreeTexte(schema: z.ZodType): boolean {
  const def = defDe(schema);
  if (def.type === 'string') return true;
  return def.type === 'pipe' && entreeTexte(def.in as z.ZodType);
}

/** Every place of a request schema that receives a string, with its path (arrays as `0`). */
export function feuillesTexte(schema: z.ZodType, chemin: string[] = [], vus = new Set<z.ZodType>()): Feuille[] {
  if (vus.has(schema)) return [];
  vus.add(schema);
  if (entreeTexte(schema)) return [{ chemin: chemin.join('.'), schema }];
  const def = defDe(schema);
  const sous = (s: unknown, suite: string[] = chemin) => (s ? feuillesTexte(s as z.ZodType, suite, vus) : []);
  switch (def.type) {
    case 'object':
      return [
        ...Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([cle, s]) => sous(s, [...chemin, cle])),
        ...sous(def.catchall, [...chemin, '*']),
      ];
    case 'array':
      return sous(def.element, [...chemin, '0']);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return sous(def.innerType);
    case 'pipe':
      // A preprocess (transform first) hands the input on unchanged when it is a text to keep.
      return [...(defDe(def.in as z.ZodType).type === 'transform' ? [] : sous(def.in)), ...sous(def.out)];
    case 'union':
      return (def.options as z.ZodType[]).flatMap((s) => sous(s));
    case 'intersection':
      return [...sous(def.left), ...sous(def.right)];
    case 'record':
      return [...sous(def.keyType, [...chemin, '(clé)']), ...sous(def.valueType, [...chemin, '*'])];
    case 'tuple':
      return [...(def.items as z.ZodType[]).flatMap((s, i) => sous(s, [...chemin, String(i)])), ...sous(def.rest, [...chemin, '*'])];
    case 'lazy':
      return sous((def.getter as () => z.ZodType)());
    default:
      return [];
  }
}

/** The places of a schema where a text the database cannot store gets through, refused by none and cleaned by none. */
export function feuillesNonGardees(schema: z.ZodType): string[] {
  return feuillesTexte(schema)
    .filter(({ schema: feuille }) =>
      TEXTES_INSTOCKABLES.some((texte) => {
        const resultat = feuille.safeParse(texte);
        return resultat.success && typeof resultat.data === 'string' && contientInstockable(resultat.data);
      }),
    )
    .map(({ chemin }) => chemin);
}

/**
 * The places of the route's request (body, query string, path) where a text the database cannot
 * store would get through validation: each should be refused, or normalised to a storable text.
 */
export function textesNonGardes(route: RouteDeclaree): string[] {
  const schemas = (route.schema ?? {}) as Partial<Record<(typeof PARTIES_DE_REQUETE)[number], z.ZodType>>;
  return PARTIES_DE_REQUETE.flatMap((partie) => {
    const schema = schemas[partie];
    if (!(schema instanceof z.ZodType)) return [];
    return feuillesNonGardees(schema).map((chemin) => `${route.method} ${route.url} ${partie}${chemin ? `.${chemin}` : ''}`);
  });
}
