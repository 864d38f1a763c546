import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordLoad } from '../src/db/chargements.js';
import type { Database } from '../src/db/client.js';
import { fichierReglesSchema, installerReglesNationales } from '../src/modules/aiguillage/index.js';

export const JEU_AIGUILLAGE = 'aiguillage';
const FICHIER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'aiguillage', 'regles-nationales.json');

export async function empreinteReglesNationales(): Promise<string> {
  return createHash('sha256')
    .update(await readFile(FICHIER))
    .digest('hex');
}

/** Stores the national routing rules of data/aiguillage/regles-nationales.json; returns the version and whether it was new. */
export async function chargerReglesNationales(database: Database, maintenant = new Date()): Promise<{ version: string; installee: boolean }> {
  const octets = await readFile(FICHIER);
  const lu = fichierReglesSchema.safeParse(JSON.parse(octets.toString('utf8')));
  if (!lu.success) {
    const problemes = lu.error.issues.map((i) => `  - ${i.path.join('.')} : ${i.message}`).join('\n');
    throw new Error(`${FICHIER} n’est pas un jeu de règles valide :\n${problemes}`);
  }
  const issue = await installerReglesNationales(database.db, lu.data, maintenant);
  await recordLoad(database.db, JEU_AIGUILLAGE, createHash('sha256').update(octets).digest('hex'), lu.data.contenu.regles.length);
  return { version: lu.data.version, installee: issue === 'installee' };
}
