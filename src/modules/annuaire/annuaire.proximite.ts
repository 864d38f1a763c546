import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../db/client.js';
import { creerMemoireDeReference } from '../../shared/memoire-reference.js';
import type { Horaires } from './annuaire.contract.js';

/** One group of networks whose nearest places are wanted: by CEP operator type, or by network codes. */
export type GroupeDeReseaux = { cle: string } & ({ operateurCep: string } | { reseaux: string[] });

/** A place that receives the public, with its distance from the point asked. */
export interface LieuProche {
  id: string;
  nom: string;
  structure_id: string;
  structure_nom: string;
  adresse: string | null;
  code_postal: string | null;
  commune_code: string | null;
  commune_nom: string | null;
  latitude: number;
  longitude: number;
  position_approximative: boolean;
  distance_km: number;
  canaux: string[];
  /** The place's own, else its structure's. */
  telephone: string | null;
  courriel: string | null;
  site_web: string | null;
  prise_rdv: string | null;
  horaires: Horaires | null;
  horaires_texte: string | null;
  accessibilite: string | null;
  demonstration: boolean;
  date_donnees: string;
}

// The networks of each CEP operator type, read at every routing: they change only with the
// reference data (upsertReferentiel), which forgets them.
export const memoireReseauxCep = creerMemoireDeReference<{ code: string; operateur_cep: string }[]>({ taille: 100 });

/**
 * The `nombre` nearest places receiving the public of each group of networks, nearest first.
 * The networks are resolved first, so that each group's search is planned with its own codes:
 * a dense network (France Travail, Missions locales) walks the GiST index of positions from the
 * point and stops after a few dozen places; a rare one (a few places nationwide) is read through
 * the network index and sorted. All groups go in one statement. The order is the distance alone:
 * a second key (the id, for ties) cannot be read from the GiST index, and the planner then sorts
 * every place of the network instead of walking from the point.
 */
export async function findNearestReceptionSites(
  db: Executor,
  point: { latitude: number; longitude: number },
  groupes: GroupeDeReseaux[],
  nombre: number,
): Promise<Map<string, LieuProche[]>> {
  const trouves = new Map<string, LieuProche[]>(groupes.map((g) => [g.cle, []]));
  const types = groupes.flatMap((g) => ('operateurCep' in g ? [g.operateurCep] : []));
  const reseaux =
    types.length > 0
      ? ((await memoireReseauxCep.lire(db, [...types].sort().join(' '), () =>
          rows<{ code: string; operateur_cep: string }>(
            db,
            sql`SELECT code, operateur_cep FROM annuaire_reseau WHERE operateur_cep = ANY (${sql.param(types)}::text[])`,
          ),
        )) ?? [])
      : [];
  const codesDe = (g: GroupeDeReseaux) => ('operateurCep' in g ? reseaux.filter((r) => r.operateur_cep === g.operateurCep).map((r) => r.code) : g.reseaux);

  const centre = sql`ll_to_earth(${point.latitude}::float8, ${point.longitude}::float8)`;
  const recherches: SQL[] = groupes
    .map((g) => ({ cle: g.cle, codes: codesDe(g) }))
    .filter((g) => g.codes.length > 0)
    .map(
      (g) => sql`(SELECT ${g.cle}::text AS groupe, si.id, si.nom, st.id AS structure_id, st.nom AS structure_nom,
          si.adresse, si.code_postal, si.commune_code, si.commune_nom, si.latitude, si.longitude, si.position_approximative,
          earth_distance(${centre}, si.position) / 1000 AS distance_km, si.canaux,
          coalesce(si.telephone, st.telephone) AS telephone, coalesce(si.courriel, st.courriel) AS courriel,
          coalesce(si.site_web, st.site_web) AS site_web, si.prise_rdv, si.horaires, si.horaires_texte, si.accessibilite,
          si.demonstration, si.date_donnees::text AS date_donnees
        FROM annuaire_site si JOIN annuaire_structure st ON st.region_code = si.region_code AND st.id = si.structure_id
        WHERE st.reseau_code = ANY (${sql.param(g.codes)}::text[]) AND si.accueil_public AND si.position IS NOT NULL
        ORDER BY si.position <-> ${centre}
        LIMIT ${nombre})`,
    );
  if (recherches.length === 0) return trouves;
  for (const { groupe, ...lieu } of await rows<LieuProche & { groupe: string }>(db, sql.join(recherches, sql` UNION ALL `))) {
    trouves.get(groupe)!.push(lieu);
  }
  for (const lieux of trouves.values()) lieux.sort((a, b) => a.distance_km - b.distance_km || a.id.localeCompare(b.id));
  return trouves;
}
