import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

/** The most compressed JavaScript a public page may need on a first visit (octets). */
export const BUDGET_PAGE_PUBLIQUE = 300 * 1000;

/** Pages anyone can open without an account: their folder says so (web/src/pages/<audience>/). */
const PAGES_PUBLIQUES = /^src\/pages\/public\/(\w+)\.tsx$/;

// The level the precompressed files are written with, so the measure is what the server sends.
const gzip = (contenu: Buffer) => gzipSync(contenu, { level: 9 });

interface EntreeManifeste {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
}

export interface PoidsPage {
  page: string;
  /** JavaScript files fetched to display the page, entry included. */
  fichiers: string[];
  /** Their total size once compressed with gzip, as the server sends them. */
  octetsCompresses: number;
}

/**
 * What a first visit of each public page downloads: the entry chunk, the page's chunk and every
 * chunk they import statically (chunks imported dynamically, such as the map, load on demand).
 * Read from the Vite manifest of a build (build.manifest).
 */
export function mesurerPagesPubliques(dossierConstruit: string): PoidsPage[] {
  const manifeste = JSON.parse(readFileSync(path.join(dossierConstruit, '.vite', 'manifest.json'), 'utf8')) as Record<string, EntreeManifeste>;
  const cloture = (cle: string, vus: Set<string>): Set<string> => {
    if (vus.has(cle)) return vus;
    vus.add(cle);
    for (const importe of manifeste[cle]?.imports ?? []) cloture(importe, vus);
    return vus;
  };
  const entree = Object.keys(manifeste).find((cle) => manifeste[cle]!.isEntry);
  if (!entree) throw new Error('manifeste de construction sans point d’entrée');
  return Object.keys(manifeste)
    .flatMap((cle) => {
      const nom = PAGES_PUBLIQUES.exec(cle)?.[1];
      return nom ? [{ cle, nom }] : [];
    })
    .map(({ cle, nom }) => {
      const fichiers = [...cloture(cle, cloture(entree, new Set()))].map((c) => manifeste[c]!.file).filter((f) => f.endsWith('.js'));
      const octetsCompresses = fichiers.reduce((total, f) => total + gzip(readFileSync(path.join(dossierConstruit, f))).length, 0);
      return { page: nom, fichiers, octetsCompresses };
    })
    .sort((a, b) => b.octetsCompresses - a.octetsCompresses);
}

const COMPRESSIBLES = /\.(js|mjs|css|html|svg|json|webmanifest)$/;

/** Writes a .gz and a .br beside each text file of the build, which the server sends as they are. */
export function precompresser(dossierConstruit: string): void {
  for (const entree of readdirSync(dossierConstruit, { recursive: true, withFileTypes: true })) {
    const chemin = path.join(entree.parentPath, entree.name);
    // The manifest is read by the measure, never served.
    if (!entree.isFile() || !COMPRESSIBLES.test(entree.name) || chemin.includes(`${path.sep}.vite${path.sep}`)) continue;
    const contenu = readFileSync(chemin);
    writeFileSync(`${chemin}.gz`, gzip(contenu));
    writeFileSync(`${chemin}.br`, brotliCompressSync(contenu));
  }
}

export function formaterPoids(poids: PoidsPage[]): string {
  const ko = (octets: number) => `${(octets / 1000).toFixed(1).replace('.', ',')} ko`;
  const lignes = poids.map((p) => `  ${p.page.padEnd(28)} ${ko(p.octetsCompresses).padStart(10)}  (${p.fichiers.length} fichiers)`);
  return [`JavaScript compressé (gzip) d’une première visite, budget ${ko(BUDGET_PAGE_PUBLIQUE)} par page publique :`, ...lignes].join('\n');
}
