import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../db/client.js';
import { ressemble } from '../../db/trigrammes.js';

export interface CommuneRow {
  code: string;
  nom: string;
  departement_code: string;
  departement_nom: string;
  region_code: string;
  region_nom: string;
  codes_postaux: string[];
  population: number | null;
  latitude: number | null;
  longitude: number | null;
}

const communeColumns = sql`c.code, c.nom, c.departement_code, d.nom AS departement_nom, c.region_code, r.nom AS region_nom,
  c.codes_postaux, c.population, c.latitude, c.longitude`;
const communeJoins = sql`JOIN territoire_departement d ON d.code = c.departement_code
  JOIN territoire_region r ON r.code = c.region_code`;

/** By postcode (prefix) or normalised name: exact, then prefix, then trigram similarity; larger communes first. */
export function searchCommunes(db: Executor, recherche: { nom: string | null; codePostal: string | null; region?: string; limite: number }) {
  const regionFilter = recherche.region ? sql`AND c.region_code = ${recherche.region}` : sql``;
  if (recherche.codePostal) {
    const prefixe = `${recherche.codePostal}%`;
    return rows<CommuneRow>(
      db,
      sql`SELECT ${communeColumns} FROM territoire_commune c ${communeJoins}
        WHERE (c.codes_postaux @> ARRAY[${recherche.codePostal}]::text[]
               OR EXISTS (SELECT 1 FROM unnest(c.codes_postaux) cp WHERE cp LIKE ${prefixe})
               OR c.code = ${recherche.codePostal}) ${regionFilter}
        ORDER BY (c.codes_postaux @> ARRAY[${recherche.codePostal}]::text[]) DESC, c.population DESC NULLS LAST, c.nom
        LIMIT ${recherche.limite}`,
    );
  }
  const nom = recherche.nom ?? '';
  return rows<CommuneRow>(
    db,
    sql`SELECT ${communeColumns} FROM territoire_commune c ${communeJoins}
      WHERE (c.nom_recherche LIKE ${`${nom}%`} OR ${ressemble(sql`c.nom_recherche`, nom)}) ${regionFilter}
      ORDER BY (c.nom_recherche = ${nom}) DESC,
               (c.nom_recherche LIKE ${`${nom}%`}) DESC,
               similarity(c.nom_recherche, ${nom}) DESC,
               c.population DESC NULLS LAST
      LIMIT ${recherche.limite}`,
  );
}

export async function findCommune(db: Executor, code: string): Promise<CommuneRow | undefined> {
  const [row] = await findCommunes(db, [code]);
  return row;
}

export function findCommunes(db: Executor, codes: string[]): Promise<CommuneRow[]> {
  return rows<CommuneRow>(db, sql`SELECT ${communeColumns} FROM territoire_commune c ${communeJoins} WHERE c.code = ANY (${sql.param(codes)}::text[])`);
}

export interface ContourRow {
  code: string;
  nom: string;
  geometrie: unknown;
  approximatif: boolean;
}

export function listContours(db: Executor, filtre: { niveau: string; region?: string; departement?: string }) {
  const conditions = [sql`ct.niveau = ${filtre.niveau}`];
  if (filtre.departement) {
    conditions.push(filtre.niveau === 'departement' ? sql`ct.code = ${filtre.departement}` : sql`ct.departement_code = ${filtre.departement}`);
  }
  if (filtre.region) {
    if (filtre.niveau === 'region') conditions.push(sql`ct.code = ${filtre.region}`);
    else if (filtre.niveau === 'departement') conditions.push(sql`ct.code IN (SELECT code FROM territoire_departement WHERE region_code = ${filtre.region})`);
    else conditions.push(sql`ct.departement_code IN (SELECT code FROM territoire_departement WHERE region_code = ${filtre.region})`);
  }
  return rows<ContourRow>(
    db,
    sql`SELECT ct.code, ct.nom, ct.geometrie, ct.approximatif FROM territoire_contour ct
      WHERE ${sql.join(conditions, sql` AND `)} ORDER BY ct.code`,
  );
}

export function listRegionsEtDepartements(db: Executor) {
  return rows<{ code: string; nom: string; departements: { code: string; nom: string }[] }>(
    db,
    sql`SELECT r.code, r.nom,
        coalesce(json_agg(json_build_object('code', d.code, 'nom', d.nom) ORDER BY d.code) FILTER (WHERE d.code IS NOT NULL), '[]') AS departements
      FROM territoire_region r LEFT JOIN territoire_departement d ON d.region_code = r.code
      GROUP BY r.code, r.nom ORDER BY r.nom`,
  );
}

export async function countRows(db: Executor, table: string): Promise<number> {
  const [row] = await rows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return row?.n ?? 0;
}

export interface LocalisationRow {
  bassin_code: string | null;
  bassin_libelle: string | null;
  zone_emploi_code: string | null;
  zone_emploi_libelle: string | null;
}

/** The BMO area and 2020 employment area of a commune (either may be missing from the published tables). */
export async function findLocalisation(db: Executor, communeCode: string): Promise<LocalisationRow> {
  const [row] = await rows<LocalisationRow>(
    db,
    sql`SELECT bc.bassin_code,
        coalesce((SELECT b.libelle FROM territoire_bassin_bmo b WHERE b.code = bc.bassin_code ORDER BY b.departement_code LIMIT 1), trim(bc.libelle)) AS bassin_libelle,
        zc.zone_emploi_code, z.libelle AS zone_emploi_libelle
      FROM (SELECT ${communeCode}::text AS code) c
      LEFT JOIN territoire_bassin_bmo_commune bc ON bc.commune_code = c.code
      LEFT JOIN territoire_zone_emploi_commune zc ON zc.commune_code = c.code
      LEFT JOIN territoire_zone_emploi z ON z.code = zc.zone_emploi_code
      ORDER BY bc.bassin_code LIMIT 1`,
  );
  return row ?? { bassin_code: null, bassin_libelle: null, zone_emploi_code: null, zone_emploi_libelle: null };
}

export interface BassinBmoRow {
  code: string;
  libelle: string;
  departement_code: string;
  departement_nom: string | null;
  region_code: string;
  region_nom: string | null;
}

/** One row per département the BMO area spans (a few span two). */
export function findBassinBmo(db: Executor, code: string): Promise<BassinBmoRow[]> {
  return rows<BassinBmoRow>(
    db,
    sql`SELECT b.code, b.libelle, b.departement_code, d.nom AS departement_nom, b.region_code, r.nom AS region_nom
      FROM territoire_bassin_bmo b
      LEFT JOIN territoire_departement d ON d.code = b.departement_code
      LEFT JOIN territoire_region r ON r.code = b.region_code
      WHERE b.code = ${code} ORDER BY b.departement_code`,
  );
}

/** The employment areas a BMO area's communes belong to, the one holding most of them first. */
export function listZonesEmploiDuBassin(db: Executor, bassinCode: string) {
  return rows<{ code: string; libelle: string | null; communes: number }>(
    db,
    sql`SELECT z.code, z.libelle, count(*)::int AS communes
      FROM territoire_bassin_bmo_commune bc
      JOIN territoire_zone_emploi_commune zc ON zc.commune_code = bc.commune_code
      JOIN territoire_zone_emploi z ON z.code = zc.zone_emploi_code
      WHERE bc.bassin_code = ${bassinCode}
      GROUP BY z.code, z.libelle ORDER BY communes DESC, z.code`,
  );
}
