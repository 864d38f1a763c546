import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ReferenceData } from '../../../data/reference.js';
import { loadConfig } from '../../server/config.js';
import { type FichierVoies, codeRomeSchema, fichierVoiesSchema } from './voies.contract.js';
import { lireFichierVoies } from './voies.service.js';

const FICHIER = new URL('../../../data/voies/voies-acces.json', import.meta.url);

let fichier: FichierVoies;
let thematiquesDataInclusion: Set<string>;
beforeAll(async () => {
  fichier = await lireFichierVoies(FICHIER);
  const vocabulaire = await new ReferenceData(loadConfig({}).REFERENCE_DATA_DIR).json<{ value: string }>('schemas/data-inclusion/v1/extra/thematiques.json');
  thematiquesDataInclusion = new Set(vocabulaire.contenu.map((t) => t.value));
});

let dossier: string | undefined;
afterEach(async () => {
  if (dossier) await rm(dossier, { recursive: true, force: true });
  dossier = undefined;
});

async function fichierTemporaire(contenu: unknown): Promise<URL> {
  dossier = await mkdtemp(path.join(tmpdir(), 'voies-'));
  const chemin = path.join(dossier, 'voies.json');
  await writeFile(chemin, JSON.stringify(contenu));
  return pathToFileURL(chemin);
}

describe('data/voies/voies-acces.json', () => {
  it('décrit les cinq voies de la demande : formation, VAE, bilan de compétences, immersion, création d’entreprise', () => {
    expect(fichier.voies.map((v) => v.code)).toEqual(['formation', 'vae', 'bilan-competences', 'immersion', 'creation-entreprise']);
  });

  it('n’emploie que des thématiques du vocabulaire data·inclusion 1.0.8', () => {
    expect(thematiquesDataInclusion.size).toBeGreaterThan(50);
    const inconnues = fichier.voies.flatMap((v) => v.thematiques.filter((t) => !thematiquesDataInclusion.has(t)).map((t) => `${v.code} : ${t}`));
    expect(inconnues).toEqual([]);
  });

  it('cite pour chaque voie au moins un texte officiel et une page à consulter', () => {
    for (const voie of fichier.voies) {
      expect(
        voie.references.some((r) => r.adresse === null),
        voie.code,
      ).toBe(true);
      expect(
        voie.references.some((r) => r.adresse?.startsWith('https://')),
        voie.code,
      ).toBe(true);
    }
  });

  it('porte une version et la date de vérification des textes', () => {
    expect(fichier.version).not.toBe('');
    expect(fichier.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe('contrôle du fichier au chargement', () => {
  const voie = (): FichierVoies['voies'][number] => structuredClone(fichier.voies[0]!);

  it('refuse un code de voie en double, en nommant la voie', async () => {
    const url = await fichierTemporaire({ ...fichier, voies: [voie(), voie()] });
    await expect(lireFichierVoies(url)).rejects.toThrow(/voies\.1\.code : code « formation » en double/);
  });

  it('refuse une thématique qui n’a pas la forme d’un code data·inclusion (famille--thème)', () => {
    const lu = fichierVoiesSchema.safeParse({ ...fichier, voies: [{ ...voie(), thematiques: ['se-former'] }] });
    expect(lu.success).toBe(false);
    expect(lu.error?.issues[0]?.path).toEqual(['voies', 0, 'thematiques', 0]);
  });

  it('refuse un champ inconnu et une adresse qui n’est pas en https', () => {
    expect(fichierVoiesSchema.safeParse({ ...fichier, voies: [{ ...voie(), montant: '500 €' }] }).success).toBe(false);
    const http = { ...voie(), references: [{ libelle: 'Page officielle', adresse: 'http://exemple.gouv.fr' }] };
    expect(fichierVoiesSchema.safeParse({ ...fichier, voies: [http] }).success).toBe(false);
  });
});

describe('code ROME du métier visé', () => {
  it('accepte une lettre de A à N suivie de quatre chiffres, et rien d’autre', () => {
    for (const code of ['M1805', 'A1101', 'N4105']) expect(codeRomeSchema.safeParse(code).success, code).toBe(true);
    for (const code of ['m1805', 'Z1234', 'M180', 'M18055', '11805', ' M1805']) expect(codeRomeSchema.safeParse(code).success, code).toBe(false);
  });
});
