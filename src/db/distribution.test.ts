import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import {
  BORNES_DU_PLAN,
  CHEMIN_DU_PLAN,
  type Catalogue,
  DISTRIBUTION,
  instructionsDeDistribution,
  planEnMarkdown,
  problemesDeDistribution,
  remplacerLePlan,
  type TableDeclaree,
} from './distribution.js';

const declaration: TableDeclaree[] = [
  { table: 'pays', genre: 'reference', raison: 'r' },
  { table: 'structure', genre: 'distribuee', raison: 'd' },
  { table: 'lieu', genre: 'distribuee', raison: 'd' },
];

const colonnes = (...noms: string[]) => noms.map((nom) => ({ nom, nonNulle: true }));

// A catalogue that satisfies every rule; each case below breaks one thing in a copy of it.
const conforme = (): Catalogue => ({
  tables: [
    { nom: 'pays', colonnes: colonnes('code') },
    { nom: 'structure', colonnes: colonnes('region_code', 'id', 'pays_code', 'siret') },
    { nom: 'lieu', colonnes: colonnes('region_code', 'id', 'structure_id') },
  ],
  unicites: [
    { nom: 'pays_pkey', table: 'pays', nature: 'cle_primaire', colonnes: ['code'] },
    { nom: 'structure_pkey', table: 'structure', nature: 'cle_primaire', colonnes: ['region_code', 'id'] },
    { nom: 'structure_siret', table: 'structure', nature: 'unicite', colonnes: ['region_code', 'siret'] },
    { nom: 'lieu_pkey', table: 'lieu', nature: 'cle_primaire', colonnes: ['region_code', 'id'] },
  ],
  clesEtrangeres: [
    { nom: 'structure_pays_fkey', table: 'structure', colonnes: ['pays_code'], cible: 'pays', colonnesCibles: ['code'] },
    {
      nom: 'lieu_structure_fkey',
      table: 'lieu',
      colonnes: ['region_code', 'structure_id'],
      cible: 'structure',
      colonnesCibles: ['region_code', 'id'],
    },
  ],
});

describe('plan de distribution par Région', () => {
  it('ne signale rien sur un schéma où chaque clé des tables distribuées commence par region_code', () => {
    expect(problemesDeDistribution(conforme(), declaration)).toEqual([]);
  });

  it('signale une table ni distribuée ni de référence, et une table déclarée qui n’existe plus', () => {
    const catalogue = conforme();
    catalogue.tables.push({ nom: 'brouillon', colonnes: colonnes('id') });
    expect(problemesDeDistribution(catalogue, [...declaration, { table: 'disparue', genre: 'reference', raison: 'r' }])).toEqual([
      'brouillon : table ni distribuée ni de référence ; déclarez-la dans src/db/distribution.ts',
      'disparue : déclarée dans src/db/distribution.ts mais absente du schéma',
    ]);
  });

  it('signale une table distribuée sans region_code, avec un region_code qui peut être vide, ou sans clé primaire', () => {
    const catalogue = conforme();
    catalogue.tables[2] = { nom: 'lieu', colonnes: [{ nom: 'region_code', nonNulle: false }, ...colonnes('id', 'structure_id')] };
    catalogue.tables[1] = { nom: 'structure', colonnes: colonnes('id', 'pays_code', 'siret') };
    catalogue.unicites = catalogue.unicites.filter((u) => u.nom !== 'lieu_pkey');
    expect(problemesDeDistribution(catalogue, declaration)).toEqual([
      'structure : table distribuée sans colonne region_code',
      'lieu : region_code peut être vide ; Citus refuse une ligne sans valeur de distribution',
      'lieu : table distribuée sans clé primaire',
    ]);
  });

  it('signale une clé primaire, une contrainte ou un index unique d’une table distribuée qui ne commence pas par region_code', () => {
    const catalogue = conforme();
    catalogue.unicites = [
      { nom: 'pays_pkey', table: 'pays', nature: 'cle_primaire', colonnes: ['code'] },
      { nom: 'structure_pkey', table: 'structure', nature: 'cle_primaire', colonnes: ['id', 'region_code'] },
      { nom: 'structure_siret', table: 'structure', nature: 'unicite', colonnes: ['siret'] },
      { nom: 'lieu_pkey', table: 'lieu', nature: 'cle_primaire', colonnes: ['region_code', 'id'] },
      { nom: 'lieu_nom', table: 'lieu', nature: 'unicite', colonnes: [null, 'region_code'] },
    ];
    expect(problemesDeDistribution(catalogue, declaration)).toEqual([
      'structure : clé primaire structure_pkey (id, region_code) ne commence pas par region_code',
      'structure : unicité structure_siret (siret) ne commence pas par region_code',
      'lieu : unicité lieu_nom ((expression), region_code) ne commence pas par region_code',
    ]);
  });

  it('signale une clé étrangère entre tables distribuées sans region_code en tête des deux côtés, et une référence qui pointe vers une table distribuée', () => {
    const catalogue = conforme();
    catalogue.tables[0]!.colonnes.push({ nom: 'siege_id', nonNulle: false });
    catalogue.clesEtrangeres = [
      { nom: 'lieu_structure_fkey', table: 'lieu', colonnes: ['structure_id'], cible: 'structure', colonnesCibles: ['id'] },
      { nom: 'lieu_structure2_fkey', table: 'lieu', colonnes: ['region_code', 'structure_id'], cible: 'structure', colonnesCibles: ['id', 'region_code'] },
      { nom: 'pays_siege_fkey', table: 'pays', colonnes: ['siege_id'], cible: 'structure', colonnesCibles: ['id'] },
    ];
    expect(problemesDeDistribution(catalogue, declaration)).toEqual([
      'lieu : clé étrangère lieu_structure_fkey (structure_id) vers structure (id) ne commence pas par region_code des deux côtés',
      'lieu : clé étrangère lieu_structure2_fkey (region_code, structure_id) vers structure (id, region_code) ne commence pas par region_code des deux côtés',
      'pays : clé étrangère pays_siege_fkey d’une table de référence vers la table distribuée structure',
    ]);
  });

  it('signale une table déclarée avant celle que sa clé étrangère désigne : le plan la distribuerait trop tôt', () => {
    const [pays, structure, lieu] = declaration as [TableDeclaree, TableDeclaree, TableDeclaree];
    expect(problemesDeDistribution(conforme(), [pays, lieu, structure])).toEqual([
      'lieu : clé étrangère lieu_structure_fkey vers structure, déclarée après elle ; placez structure plus haut dans src/db/distribution.ts',
    ]);
    // A reference table is created before every distributed table, wherever it is declared.
    expect(problemesDeDistribution(conforme(), [structure, lieu, pays])).toEqual([]);
  });

  it('crée les tables de référence, puis chaque table distribuée colocalisée avec la première', () => {
    expect(instructionsDeDistribution(declaration)).toEqual([
      "SELECT create_reference_table('pays');",
      "SELECT create_distributed_table('structure', 'region_code');",
      "SELECT create_distributed_table('lieu', 'region_code', colocate_with => 'structure');",
    ]);
  });

  it('chaque table n’est déclarée qu’une fois', () => {
    const noms = DISTRIBUTION.map((d) => d.table);
    expect(noms.filter((n, i) => noms.indexOf(n) !== i)).toEqual([]);
  });

  it('docs/distribution-citus.md montre le plan tiré de la déclaration', async () => {
    const page = await readFile(CHEMIN_DU_PLAN, 'utf8');
    for (const borne of [BORNES_DU_PLAN.debut, BORNES_DU_PLAN.fin]) expect(page, `borne ${borne} absente`).toContain(borne);
    expect(page, 'Page en retard sur src/db/distribution.ts : npx tsx scripts/distribution-citus.ts').toBe(remplacerLePlan(page, planEnMarkdown()));
  });
});
