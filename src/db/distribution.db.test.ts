import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerBaseDeTest } from '../../test/harness/base.js';
import { lireCatalogue } from '../../test/harness/schema.js';
import type { Database } from './client.js';
import { DISTRIBUTION, problemesDeDistribution } from './distribution.js';

let database: Database;
beforeAll(async () => {
  database = await creerBaseDeTest();
});
afterAll(async () => database?.close());

describe.sequential('schéma prêt à répartir par Région (Citus)', () => {
  it('chaque table du schéma migré est déclarée distribuée ou de référence, et chaque table déclarée existe', async () => {
    const tables = (await lireCatalogue(database)).tables.map((t) => t.nom);
    expect(tables.toSorted()).toEqual(DISTRIBUTION.map((d) => d.table).toSorted());
  });

  it('signale une table ajoutée sans déclaration, un index unique sans region_code en tête et une clé étrangère d’une référence vers une table distribuée', async () => {
    // Written into this file's own database: what the rules forbid must reach them through the
    // catalogue reader on both engines. The check of the whole schema joins this file once the
    // identity, audit and vigilance tables carry region_code at the head of their keys.
    const avant = problemesDeDistribution(await lireCatalogue(database));
    await database.execScript(`
      CREATE TABLE essai_non_declaree (id uuid PRIMARY KEY);
      CREATE UNIQUE INDEX essai_dossier_id ON dossier (id, region_code);
      ALTER TABLE territoire_region ADD COLUMN essai_dossier_id uuid;
      ALTER TABLE territoire_region ADD CONSTRAINT essai_region_dossier FOREIGN KEY (code, essai_dossier_id) REFERENCES dossier (region_code, id);
    `);
    const apres = problemesDeDistribution(await lireCatalogue(database));
    expect(apres.filter((p) => !avant.includes(p)).toSorted()).toEqual(
      [
        'essai_non_declaree : table ni distribuée ni de référence ; déclarez-la dans src/db/distribution.ts',
        'dossier : unicité essai_dossier_id (id, region_code) ne commence pas par region_code',
        'territoire_region : clé étrangère essai_region_dossier d’une table de référence vers la table distribuée dossier',
      ].toSorted(),
    );
  });
});
