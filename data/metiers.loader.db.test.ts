import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../src/db/client.js';
import { VersionMetiersAnterieure } from '../src/modules/metiers/index.js';
import { type AppDeTest, creerAppDeTest } from '../test/harness/app.js';
import { referenceDir } from '../test/harness/base.js';
import { FICHIERS_METIERS, chargerMetiers } from './metiers.loader.js';
import { ReferenceData } from './reference.js';

// A synthetic "version 61": the fiche K1305 (a mobilité of J1501) and the job title 10892 (of J1501)
// are gone, everything else is version 60 as published.
const FICHE_RETIREE = 'K1305';
const APPELLATION_RETIREE = '10892';

/** Copies the ROME files without the lines that name the removed codes, with a manifest that matches. */
async function versionSuivante(): Promise<string> {
  const dossier = await mkdtemp(path.join(tmpdir(), 'rome-61-'));
  await mkdir(path.join(dossier, 'rome'));
  const manifeste: Record<string, { bytes: number; sha256: string; rows?: number }> = {};
  for (const fichier of FICHIERS_METIERS) {
    // Read as bytes (latin1 keeps them as they are): one file is Windows-1252.
    let texte = (await readFile(path.join(referenceDir(), fichier))).toString('latin1');
    if (fichier.endsWith('version.txt')) {
      texte = texte
        .replace('Numero de version : 60', 'Numero de version : 61')
        .replace('Date de publication : 18/09/2025', 'Date de publication : 18/12/2025')
        .replace('version 60 - 25M09', 'version 61 - 25M12');
    } else {
      texte = texte
        .split('\n')
        .filter(
          (ligne) => !ligne.includes(`"${FICHE_RETIREE}"`) && !ligne.startsWith(`"${APPELLATION_RETIREE}",`) && !ligne.endsWith(`,"${APPELLATION_RETIREE}"`),
        )
        .join('\n');
    }
    const octets = Buffer.from(texte, 'latin1');
    await writeFile(path.join(dossier, fichier), octets);
    manifeste[fichier] = { bytes: octets.length, sha256: createHash('sha256').update(octets).digest('hex') };
    if (fichier.endsWith('.csv')) manifeste[fichier]!.rows = (parse(texte, { columns: true, skip_empty_lines: true }) as unknown[]).length;
  }
  await writeFile(path.join(dossier, 'MANIFEST.json'), JSON.stringify(manifeste));
  return dossier;
}

let t: AppDeTest;
let dossier: string;
beforeAll(async () => {
  t = await creerAppDeTest();
  dossier = await versionSuivante();
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (dossier) await rm(dossier, { recursive: true, force: true });
});

const versions = () => rows<{ numero: number; courante: boolean }>(t.database.db, sql`SELECT numero, courante FROM metiers_version ORDER BY numero`);

describe('rechargement du ROME', () => {
  it('a chargé la version 60 au démarrage, tous fichiers contrôlés', async () => {
    expect(await versions()).toEqual([{ numero: 60, courante: true }]);
    const [n] = await rows<{ fiches: number; appellations: number; liens: number }>(
      t.database.db,
      sql`SELECT (SELECT count(*) FROM metiers_fiche)::int AS fiches, (SELECT count(*) FROM metiers_appellation)::int AS appellations, (SELECT count(*) FROM metiers_lien)::int AS liens`,
    );
    expect(n).toEqual({ fiches: 1584, appellations: 13120, liens: 118923 });
  });

  it('remplace la version par une plus récente et garde les codes retirés, que la fiche et le rapprochement nomment', async () => {
    const avant = await t.app.inject({ method: 'GET', url: `/api/v1/metiers/${FICHE_RETIREE}` });
    expect(avant.statusCode).toBe(200);

    expect(await chargerMetiers(t.database, new ReferenceData(dossier))).toMatchObject({ numero: 61 });

    expect(await versions()).toEqual([
      { numero: 60, courante: false },
      { numero: 61, courante: true },
    ]);
    const fiche = await t.app.inject({ method: 'GET', url: `/api/v1/metiers/${FICHE_RETIREE}` });
    expect(fiche.statusCode).toBe(410);
    expect(fiche.json()).toEqual({
      erreur: {
        code: 'metiers.fiche_retiree',
        message:
          "La fiche K1305 « Technicien / Technicienne d'Intervention Sociale et Familiale (TISF) » a été retirée du ROME à la version 61 (elle figurait encore dans la version 60) : cherchez le métier par son intitulé.",
      },
    });
    const j1501 = await t.app.inject({ method: 'GET', url: '/api/v1/metiers/J1501' });
    expect(j1501.statusCode).toBe(200);
    expect(j1501.json().version.numero).toBe(61);
    expect(j1501.json().mobilites.map((m: { code: string }) => m.code)).not.toContain(FICHE_RETIREE);
    expect(j1501.json().appellations.map((a: { code: string }) => a.code)).not.toContain(APPELLATION_RETIREE);

    const rapprochement = await t.app.inject({
      method: 'POST',
      url: '/api/v1/metiers/rapprochement',
      payload: { experiences: [{ appellation: APPELLATION_RETIREE }, { metier: FICHE_RETIREE }] },
    });
    expect(rapprochement.statusCode).toBe(400);
    expect(rapprochement.json().erreur.code).toBe('metiers.code_inconnu');
    expect(rapprochement.json().erreur.champs).toEqual([
      {
        chemin: 'experiences.0.appellation',
        message: 'l’appellation 10892 « Aide-soignant / Aide-soignante à domicile » a été retirée du ROME à la version 61',
      },
      {
        chemin: 'experiences.1.metier',
        message: "la fiche K1305 « Technicien / Technicienne d'Intervention Sociale et Familiale (TISF) » a été retirée du ROME à la version 61",
      },
    ]);
    // The in-memory index follows the new version: the removed fiche is no longer suggested.
    const depuisJ1501 = await t.app.inject({
      method: 'POST',
      url: '/api/v1/metiers/rapprochement',
      payload: { experiences: [{ metier: 'J1501' }], limite: 50 },
    });
    expect(depuisJ1501.statusCode).toBe(200);
    expect(depuisJ1501.json().version.numero).toBe(61);
    expect(depuisJ1501.json().suggestions.map((s: { code: string }) => s.code)).not.toContain(FICHE_RETIREE);
  }, 300_000);

  it('refuse une version plus ancienne que celle chargée et n’y change rien', async () => {
    await expect(chargerMetiers(t.database, new ReferenceData(referenceDir()))).rejects.toThrow(
      new VersionMetiersAnterieure('La version 60 du ROME est antérieure à celle chargée (61) : elle n’est pas chargée.'),
    );
    expect(await versions()).toEqual([
      { numero: 60, courante: false },
      { numero: 61, courante: true },
    ]);
    const [n] = await rows<{ fiches: number }>(t.database.db, sql`SELECT count(*)::int AS fiches FROM metiers_fiche`);
    expect(n!.fiches).toBe(1583);
  }, 300_000);
});
