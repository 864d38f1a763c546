import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDeTest, creerAppDeTest } from '../../../../test/harness/app.js';
import { rows } from '../../../db/client.js';
import { loadConfig } from '../../../server/config.js';

const schemas = path.join(loadConfig({}).REFERENCE_DATA_DIR, 'schemas', 'data-inclusion', 'v1');
const ajv = new Ajv2020({ allErrors: true, strict: false });
// CommonJS module: its plugin function is its default export.
ajvFormats.default(ajv);
const valider = {
  structure: ajv.compile(JSON.parse(readFileSync(path.join(schemas, 'structure.json'), 'utf8'))),
  service: ajv.compile(JSON.parse(readFileSync(path.join(schemas, 'service.json'), 'utf8'))),
};

interface Exporte {
  id: string;
  source: string;
  nom: string;
  structure_id?: string;
}

let t: AppDeTest;
let structures: Exporte[];
let services: Exporte[];
beforeAll(async () => {
  t = await creerAppDeTest();
  const [s, v] = await Promise.all(['structures', 'services'].map((q) => t.app.inject({ url: `/api/v1/export/data-inclusion/${q}` })));
  expect(s!.statusCode).toBe(200);
  expect(v!.statusCode).toBe(200);
  structures = s!.json();
  services = v!.json();
});
afterAll(async () => t?.close());

const compter = async (requete: ReturnType<typeof sql>) => (await rows<{ n: number }>(t.database.db, requete))[0]!.n;

function erreursDe(nom: 'structure' | 'service', enregistrements: Exporte[]) {
  const erreurs: string[] = [];
  for (const e of enregistrements) {
    const brut: unknown = e;
    if (!valider[nom](brut)) erreurs.push(`${e.id} : ${ajv.errorsText(valider[nom].errors)}`);
  }
  return erreurs;
}

describe('GET /api/v1/export/data-inclusion/*', () => {
  it('valide vraiment : le schéma officiel refuse un courriel, un code postal ou un site web mal formés', () => {
    const valide = { id: 'x--1', source: 'x', nom: 'Structure', date_maj: '2025-01-01' };
    expect(valider.structure(valide)).toBe(true);
    for (const defaut of [{ courriel: 'pas-un-courriel' }, { code_postal: '8700' }, { site_web: 'www.exemple.fr' }, { date_maj: '2025-02-30' }]) {
      expect(valider.structure({ ...valide, ...defaut })).toBe(false);
    }
  });

  it('exporte des structures toutes conformes au schéma officiel structure.json', () => {
    expect(structures.length).toBeGreaterThan(6000);
    expect(erreursDe('structure', structures)).toEqual([]);
  });

  it('exporte des services tous conformes au schéma officiel service.json', () => {
    expect(services.length).toBeGreaterThan(8000);
    expect(erreursDe('service', services)).toEqual([]);
  });

  it('exporte chaque structure et chaque service réels de l’annuaire, une fois chacun', async () => {
    expect(structures).toHaveLength(await compter(sql`SELECT count(*)::int AS n FROM annuaire_structure WHERE NOT demonstration`));
    expect(services).toHaveLength(
      await compter(
        sql`SELECT count(*)::int AS n FROM annuaire_service v JOIN annuaire_structure s ON s.id = v.structure_id WHERE NOT v.demonstration AND NOT s.demonstration`,
      ),
    );
    expect(new Set(structures.map((s) => s.id)).size).toBe(structures.length);
    expect(new Set(services.map((s) => s.id)).size).toBe(services.length);
  });

  it('n’exporte jamais une structure ni un service de démonstration', async () => {
    const demo = await rows<{ source: string; source_id: string; nom: string }>(
      t.database.db,
      sql`SELECT source, source_id, nom FROM annuaire_structure WHERE demonstration`,
    );
    expect(demo.length).toBeGreaterThan(0);
    const ids = new Set([...structures, ...services].map((e) => e.id));
    for (const d of demo) expect(ids.has(`${d.source}--${d.source_id}`)).toBe(false);
    expect([...structures, ...services].filter((e) => e.source === 'demonstration')).toEqual([]);
    const nomsDemo = new Set(demo.map((d) => d.nom));
    expect(structures.filter((s) => nomsDemo.has(s.nom))).toEqual([]);
  });

  it('rattache chaque service à une structure de l’export', () => {
    const ids = new Set(structures.map((s) => s.id));
    expect(services.filter((v) => !ids.has(v.structure_id!))).toEqual([]);
  });

  it('décrit une France services réelle avec son adresse, ses horaires OpenStreetMap et son réseau porteur', () => {
    const avecHoraires = structures.filter((s) => (s as { horaires_accueil?: string | null }).horaires_accueil);
    expect(avecHoraires.length).toBeGreaterThan(1000);
    const fs = structures.find((s) => s.id === 'anct-france-services-2024--1');
    expect(fs).toMatchObject({
      source: 'anct-france-services-2024',
      code_insee: expect.stringMatching(/^\w{5}$/),
      code_postal: expect.stringMatching(/^\d{5}$/),
      telephone: expect.stringMatching(/^\+33\d{9}$/),
      horaires_accueil: expect.stringMatching(/^(Mo|Tu|We|Th|Fr|Sa|Su)/),
      reseaux_porteurs: ['france-service'],
    });
  });
});
