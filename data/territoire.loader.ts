import type { Database } from '../src/db/client.js';
import { type DonneesTerritoire, replaceReferentielTerritoire } from '../src/modules/territoire/index.js';
import { normaliserTexte } from '../src/shared/texte.js';
import type { ReferenceData } from './reference.js';

interface RegionJson {
  code: string;
  nom: string;
  chefLieu?: string;
  zone: string;
}
interface DepartementJson extends RegionJson {
  region?: string;
}

const nombre = (v: string | undefined): number | null => (v === undefined || v === '' ? null : Number(v));
const texte = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);

export const FICHIERS_TERRITOIRE = [
  'geo/regions.json',
  'geo/departements.json',
  'geo/epci.csv',
  'geo/communes.csv',
  'marche-travail/zones_emploi_2020.csv',
  'marche-travail/zones_emploi_2020_communes.csv',
  'marche-travail/bmo_2024_bassins.csv',
  'marche-travail/bassins_bmo_communes.csv',
  'geo/regions.geojson',
  'geo/departements.geojson',
  'geo/communes-simplifiees.geojson',
];

export const empreinteTerritoire = (reference: ReferenceData) => reference.empreinteDe(FICHIERS_TERRITOIRE);

/** Reads and checks the geography and labour-market areas of ../shared/data (all of France). */
export async function lireTerritoire(reference: ReferenceData): Promise<DonneesTerritoire> {
  const [regions, departements, epci, communes, zones, zonesCommunes, bassins, bassinsCommunes, contoursRegions, contoursDepartements, contoursCommunes] =
    await Promise.all([
      reference.json<RegionJson>('geo/regions.json'),
      reference.json<DepartementJson>('geo/departements.json'),
      reference.csv('geo/epci.csv'),
      reference.csv('geo/communes.csv'),
      reference.csv('marche-travail/zones_emploi_2020.csv'),
      reference.csv('marche-travail/zones_emploi_2020_communes.csv'),
      reference.csv('marche-travail/bmo_2024_bassins.csv'),
      reference.csv('marche-travail/bassins_bmo_communes.csv'),
      reference.geojson<{ code: string; nom: string }>('geo/regions.geojson'),
      reference.geojson<{ code: string; nom: string }>('geo/departements.geojson'),
      reference.geojson<{ code: string; nom: string; departement: string; approx?: boolean }>('geo/communes-simplifiees.geojson'),
    ]);

  const donnees: DonneesTerritoire = {
    regions: regions.contenu.map((r) => ({ code: r.code, nom: r.nom, chefLieu: r.chefLieu ?? null, zone: r.zone })),
    departements: departements.contenu.map((d) => ({
      code: d.code,
      nom: d.nom,
      regionCode: d.region ?? null,
      chefLieu: d.chefLieu ?? null,
      zone: d.zone,
    })),
    epci: epci.contenu.map((e) => ({
      code: e.code_siren!,
      nom: e.nom!,
      type: e.type!,
      population: nombre(e.population_municipale),
    })),
    communes: communes.contenu.map((c) => ({
      code: c.code_insee!,
      nom: c.nom!,
      nomRecherche: normaliserTexte(c.nom!),
      departementCode: c.departement!,
      regionCode: c.region!,
      epciCode: texte(c.epci),
      zone: c.zone!,
      population: nombre(c.population),
      codesPostaux: c.codes_postaux ? c.codes_postaux.split('|') : [],
      latitude: nombre(c.latitude),
      longitude: nombre(c.longitude),
    })),
    zonesEmploi: zones.contenu.map((z) => ({
      code: z.code_ze2020!,
      libelle: texte(z.libelle_ze2020),
      regionCode: texte(z.code_region),
    })),
    zonesEmploiCommunes: zonesCommunes.contenu.map((z) => ({ communeCode: z.code_commune!, zoneEmploiCode: z.code_ze2020! })),
    bassinsBmo: bassins.contenu.map((b) => ({
      code: b.be24!,
      departementCode: b.dept!,
      libelle: b.nombe24!,
      regionCode: b.reg!,
    })),
    bassinsBmoCommunes: bassinsCommunes.contenu.map((b) => ({
      communeCode: b.code_commune_insee!,
      bassinCode: b.code_bassin_BMO!,
      libelle: b.lib_bassin_BMO!,
    })),
    contours: [
      ...contoursRegions.contenu.map((f) => ({
        niveau: 'region' as const,
        code: f.properties.code,
        nom: f.properties.nom,
        departementCode: null,
        geometrie: f.geometry,
        approximatif: false,
      })),
      ...contoursDepartements.contenu.map((f) => ({
        niveau: 'departement' as const,
        code: f.properties.code,
        nom: f.properties.nom,
        departementCode: f.properties.code,
        geometrie: f.geometry,
        approximatif: false,
      })),
      ...contoursCommunes.contenu.map((f) => ({
        niveau: 'commune' as const,
        code: f.properties.code,
        nom: f.properties.nom,
        departementCode: f.properties.departement,
        geometrie: f.geometry,
        approximatif: f.properties.approx === true,
      })),
    ],
  };
  return donnees;
}

export async function chargerTerritoire(database: Database, reference: ReferenceData): Promise<void> {
  const [donnees, sha] = await Promise.all([lireTerritoire(reference), empreinteTerritoire(reference)]);
  await replaceReferentielTerritoire(database.db, donnees, sha);
}
