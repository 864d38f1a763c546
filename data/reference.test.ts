import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/server/config.js';
import { ReferenceData, ReferenceDataError } from './reference.js';

const sha = (texte: string) => createHash('sha256').update(texte).digest('hex');
let dossier: string | undefined;
afterEach(async () => {
  if (dossier) await rm(dossier, { recursive: true, force: true });
});

async function reference(fichiers: Record<string, string>, manifeste: Record<string, object>): Promise<ReferenceData> {
  dossier = await mkdtemp(path.join(tmpdir(), 'reference-'));
  for (const [nom, texte] of Object.entries(fichiers)) await writeFile(path.join(dossier, nom), texte);
  await writeFile(path.join(dossier, 'MANIFEST.json'), JSON.stringify(manifeste));
  return new ReferenceData(dossier);
}

describe('ReferenceData', () => {
  it('échoue bruyamment quand le nombre de lignes diffère du manifeste', async () => {
    const texte = 'code,nom\n1,a\n2,b\n';
    const ref = await reference({ 'x.csv': texte }, { 'x.csv': { bytes: texte.length, sha256: sha(texte), rows: 3 } });
    await expect(ref.csv('x.csv')).rejects.toThrow(new ReferenceDataError('x.csv : 2 lignes lues, 3 attendues d’après MANIFEST.json.'));
  });

  it('échoue quand le fichier a changé depuis le manifeste', async () => {
    const ref = await reference({ 'x.csv': 'code\n1\n' }, { 'x.csv': { bytes: 7, sha256: sha('code\n2\n'), rows: 1 } });
    await expect(ref.csv('x.csv')).rejects.toThrow(/empreinte .* différente de celle du manifeste/);
  });

  it('refuse un fichier absent du manifeste', async () => {
    const ref = await reference({ 'y.csv': 'a\n1\n' }, {});
    await expect(ref.csv('y.csv')).rejects.toThrow('y.csv ne figure pas dans MANIFEST.json.');
  });

  it('lit les communes réelles avec le nombre de lignes du manifeste', async () => {
    const communes = await new ReferenceData(loadConfig({}).REFERENCE_DATA_DIR).csv('geo/communes.csv');
    expect(communes.contenu.length).toBe(34969);
    expect(communes.contenu.find((c) => c.code_insee === '64483')?.nom).toBe('Saint-Jean-de-Luz');
  });
});
