import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../db/client.js';
import type { Horaires } from '../annuaire.contract.js';

// Queries of the data·inclusion exchange, on the annuaire module's own tables. Demonstration
// records are excluded here, at every level (structure, place, service): they never leave.

export interface StructureExportRow {
  source: string;
  source_id: string;
  nom: string;
  siret: string | null;
  description: string | null;
  telephone: string | null;
  courriel: string | null;
  site_web: string | null;
  date_donnees: string;
  reseau_porteur: string | null;
  adresse: string | null;
  code_postal: string | null;
  commune_code: string | null;
  commune_nom: string | null;
  latitude: number | null;
  longitude: number | null;
  position_approximative: boolean | null;
  horaires: Horaires | null;
  site_telephone: string | null;
  site_courriel: string | null;
  site_site_web: string | null;
  accessibilite: string | null;
}

/** Every real structure with its main place: the one that shares its id at the source, else the first public one. */
export async function listStructuresExport(db: Executor): Promise<StructureExportRow[]> {
  return rows<StructureExportRow>(
    db,
    sql`SELECT s.source, s.source_id, s.nom, s.siret, s.description, s.telephone, s.courriel, s.site_web,
          s.date_donnees::text AS date_donnees, r.reseau_porteur,
          p.adresse, p.code_postal, p.commune_code, p.commune_nom, p.latitude, p.longitude, p.position_approximative,
          p.horaires, p.telephone AS site_telephone, p.courriel AS site_courriel, p.site_web AS site_site_web, p.accessibilite
        FROM annuaire_structure s
        LEFT JOIN annuaire_reseau r ON r.code = s.reseau_code
        LEFT JOIN LATERAL (
          SELECT * FROM annuaire_site p
          WHERE p.structure_id = s.id AND NOT p.demonstration
          ORDER BY (p.source = s.source AND p.source_id = s.source_id) DESC, p.accueil_public DESC, p.nom, p.id
          LIMIT 1
        ) p ON true
        WHERE NOT s.demonstration
        ORDER BY s.source, s.source_id`,
  );
}

export interface ServiceExportRow {
  source: string;
  source_id: string;
  structure_source: string;
  structure_source_id: string;
  nom: string;
  description: string;
  type: string | null;
  thematiques: string[];
  publics: string[];
  publics_precisions: string | null;
  conditions_acces: string | null;
  frais: string | null;
  frais_precisions: string | null;
  modes_accueil: string[];
  modes_mobilisation: string[];
  mobilisable_par: string[];
  mobilisation_precisions: string | null;
  lien_mobilisation: string | null;
  zone_eligibilite: string[] | null;
  telephone: string | null;
  courriel: string | null;
  date_donnees: string;
  adresse: string | null;
  code_postal: string | null;
  commune_code: string | null;
  commune_nom: string | null;
  latitude: number | null;
  longitude: number | null;
  position_approximative: boolean | null;
  horaires: Horaires | null;
}

/** Every real service with the place where it is delivered (none for remote-only services). */
export async function listServicesExport(db: Executor): Promise<ServiceExportRow[]> {
  return rows<ServiceExportRow>(
    db,
    sql`SELECT v.source, v.source_id, s.source AS structure_source, s.source_id AS structure_source_id,
          v.nom, v.description, v.type, v.thematiques, v.publics, v.publics_precisions, v.conditions_acces,
          v.frais, v.frais_precisions, v.modes_accueil, v.modes_mobilisation, v.mobilisable_par,
          v.mobilisation_precisions, v.lien_mobilisation, v.zone_eligibilite,
          coalesce(v.telephone, p.telephone, s.telephone) AS telephone,
          coalesce(v.courriel, p.courriel, s.courriel) AS courriel,
          v.date_donnees::text AS date_donnees,
          p.adresse, p.code_postal, p.commune_code, p.commune_nom, p.latitude, p.longitude, p.position_approximative, p.horaires
        FROM annuaire_service v
        JOIN annuaire_structure s ON s.region_code = v.region_code AND s.id = v.structure_id AND NOT s.demonstration
        LEFT JOIN annuaire_site p ON p.region_code = v.region_code AND p.id = v.site_id AND NOT p.demonstration
        WHERE NOT v.demonstration
        ORDER BY v.source, v.source_id`,
  );
}

export async function listVocabulaires(db: Executor): Promise<{ vocabulaire: string; valeur: string }[]> {
  return rows(db, sql`SELECT vocabulaire, valeur FROM annuaire_vocabulaire ORDER BY vocabulaire, ordre`);
}

export async function listReseauxPorteurs(db: Executor): Promise<{ code: string; reseau_porteur: string }[]> {
  return rows(db, sql`SELECT code, reseau_porteur FROM annuaire_reseau WHERE reseau_porteur IS NOT NULL ORDER BY ordre`);
}

export async function countStructuresBySource(db: Executor, sources: string[]): Promise<Map<string, number>> {
  const lignes = await rows<{ source: string; n: number }>(
    db,
    sql`SELECT source, count(*)::int AS n FROM annuaire_structure WHERE source = ANY (${sql.param(sources)}::text[]) GROUP BY source`,
  );
  return new Map(lignes.map((l) => [l.source, l.n]));
}

/** Removes what earlier imports of these sources wrote; places, services and contacts follow (cascade). */
export async function deleteStructuresOfSources(db: Executor, sources: string[]): Promise<void> {
  await db.execute(sql`DELETE FROM annuaire_structure WHERE source = ANY (${sql.param(sources)}::text[])`);
}
