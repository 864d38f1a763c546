import type { ServiceContext } from '../../shared/contexte.js';
import { normaliserTexte } from '../../shared/texte.js';
import type { BassinBmo, Commune, CommunesQuery, ContoursQuery, LocalisationCommune } from './territoire.contract.js';
import { territoireErrors } from './territoire.errors.js';
import * as repository from './territoire.repository.js';
import type { CommuneRow } from './territoire.repository.js';

function toCommune(row: CommuneRow): Commune {
  return {
    code: row.code,
    nom: row.nom,
    departement: { code: row.departement_code, nom: row.departement_nom },
    region: { code: row.region_code, nom: row.region_nom },
    codes_postaux: row.codes_postaux,
    population: row.population,
    latitude: row.latitude,
    longitude: row.longitude,
  };
}

/** "st jean de luz", "Saint-Jean-de-Luz" and "64500" all find Saint-Jean-de-Luz. */
export async function searchCommunes(ctx: ServiceContext, query: CommunesQuery) {
  const saisie = query.q.trim();
  const codePostal = /^\d{2,5}$/.test(saisie) ? saisie : null;
  const found = await repository.searchCommunes(ctx.db, {
    nom: codePostal ? null : normaliserTexte(saisie),
    codePostal,
    limite: query.limite,
    ...(query.region ? { region: query.region } : {}),
  });
  return { communes: found.map(toCommune) };
}

/**
 * The commune a search is centred on; unknown codes are a client error on the named field.
 * Exported for the other modules through index.ts.
 */
export async function requireCommune(ctx: Pick<ServiceContext, 'db'>, code: string, chemin = 'commune'): Promise<Commune> {
  const row = await repository.findCommune(ctx.db, code);
  if (!row) throw territoireErrors.communeInconnue(chemin, code);
  return toCommune(row);
}

export async function findCommune(ctx: Pick<ServiceContext, 'db'>, code: string): Promise<Commune | undefined> {
  const row = await repository.findCommune(ctx.db, code);
  return row ? toCommune(row) : undefined;
}

/** The known communes among the given codes, in one query (imports resolve thousands at once). */
export async function findCommunes(ctx: Pick<ServiceContext, 'db'>, codes: string[]): Promise<Commune[]> {
  return (await repository.findCommunes(ctx.db, codes)).map(toCommune);
}

/** The BMO area and the 2020 employment area of a commune; null where the published tables lack it. */
export async function localiserCommune(ctx: Pick<ServiceContext, 'db'>, communeCode: string): Promise<LocalisationCommune> {
  const row = await repository.findLocalisation(ctx.db, communeCode);
  return {
    bassinBmo: row.bassin_code ? { code: row.bassin_code, libelle: row.bassin_libelle ?? row.bassin_code } : null,
    zoneEmploi: row.zone_emploi_code ? { code: row.zone_emploi_code, libelle: row.zone_emploi_libelle } : null,
  };
}

/** A BMO 2024 area with its départements and région; undefined when the code is unknown. */
export async function findBassinBmo(ctx: Pick<ServiceContext, 'db'>, code: string): Promise<BassinBmo | undefined> {
  const lignes = await repository.findBassinBmo(ctx.db, code);
  const premiere = lignes[0];
  if (!premiere) return undefined;
  return {
    code: premiere.code,
    libelle: premiere.libelle,
    departements: lignes.map((l) => ({ code: l.departement_code, nom: l.departement_nom ?? l.departement_code })),
    region: { code: premiere.region_code, nom: premiere.region_nom ?? premiere.region_code },
  };
}

/** The 2020 employment areas overlapping a BMO area, with how many of its communes each holds. */
export async function listZonesEmploiDuBassin(ctx: Pick<ServiceContext, 'db'>, bassinCode: string) {
  return repository.listZonesEmploiDuBassin(ctx.db, bassinCode);
}

export async function listContours(ctx: ServiceContext, query: ContoursQuery) {
  if (query.niveau === 'commune' && !query.departement && !query.region) throw territoireErrors.perimetreManquant();
  const contours = await repository.listContours(ctx.db, query);
  return {
    type: 'FeatureCollection' as const,
    features: contours.map((c) => ({
      type: 'Feature' as const,
      properties: { code: c.code, nom: c.nom, approximatif: c.approximatif },
      geometry: c.geometrie,
    })),
  };
}

export async function listRegions(ctx: ServiceContext) {
  return { regions: await repository.listRegionsEtDepartements(ctx.db) };
}
