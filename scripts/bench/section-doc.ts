import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { projectRoot } from '../../src/shared/config.js';

/**
 * Replaces a benchmark's block of docs/performance.md, between its markers; appends the block
 * under its own heading (and how to run it) the first time.
 */
export async function ecrireSectionPerformance(options: {
  cle: string;
  commande: string;
  titre: string;
  introduction: string;
  contenu: string;
}): Promise<void> {
  const debut = `<!-- resultats-banc-${options.cle}:debut (écrit par ${options.commande}) -->`;
  const fin = `<!-- resultats-banc-${options.cle}:fin -->`;
  const fichier = path.join(projectRoot, 'docs', 'performance.md');
  const texte = await readFile(fichier, 'utf8');
  const bloc = `${debut}\n${options.contenu}\n${fin}`;
  const i = texte.indexOf(debut);
  const j = texte.indexOf(fin);
  await writeFile(
    fichier,
    i >= 0 && j > i
      ? texte.slice(0, i) + bloc + texte.slice(j + fin.length)
      : `${texte.trimEnd()}\n\n## ${options.titre}\n\n${options.introduction}\n\n${bloc}\n`,
  );
}
