import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { ServiceContext } from '../../shared/contexte.js';
import { searchServices } from '../annuaire/index.js';
import { type FichierVoies, RAYON_DEFAUT_KM, SERVICES_PAR_VOIE, type VoiesQuery, type VoiesReponse, fichierVoiesSchema } from './voies.contract.js';
import { voiesErrors } from './voies.errors.js';

const FICHIER_VOIES = new URL('../../../data/voies/voies-acces.json', import.meta.url);

/** Reads a routes file and checks it against its schema; the error lists every problem, in French. */
export async function lireFichierVoies(fichier: URL): Promise<FichierVoies> {
  const lu = fichierVoiesSchema.safeParse(JSON.parse(await readFile(fichier, 'utf8')));
  if (!lu.success) {
    const problemes = lu.error.issues.map((i) => `  - ${i.path.join('.')} : ${i.message}`).join('\n');
    throw new Error(`${fileURLToPath(fichier)} n’est pas un fichier de voies d’accès valide :\n${problemes}`);
  }
  return lu.data;
}

let chargement: Promise<FichierVoies> | undefined;

/**
 * The routes of data/voies/voies-acces.json, read once per process. The routes plugin awaits it
 * when it registers, so that an invalid file stops the start instead of failing every request.
 */
export function chargerVoies(): Promise<FichierVoies> {
  chargement ??= lireFichierVoies(FICHIER_VOIES);
  return chargement;
}

/**
 * Every route to an occupation with what it asks and, around a commune, the nearest directory
 * services whose themes say they offer it. Nothing about the visitor is stored: the commune and
 * the occupation only shape this answer.
 */
export async function listerVoies(ctx: ServiceContext, query: VoiesQuery): Promise<VoiesReponse> {
  if (query.rayon_km !== undefined && query.commune === undefined) throw voiesErrors.rayonSansCommune();
  const fichier = await chargerVoies();
  const { commune } = query;
  const recherches = commune
    ? await Promise.all(
        fichier.voies.map((voie) =>
          searchServices(ctx, {
            commune,
            rayon_km: query.rayon_km ?? RAYON_DEFAUT_KM,
            thematiques: voie.thematiques,
            tri: 'distance',
            page: 1,
            par_page: SERVICES_PAR_VOIE,
          }),
        ),
      )
    : null;
  const centre = recherches?.[0]?.recherche;
  return {
    version: fichier.version,
    date: fichier.date,
    source: fichier.source,
    avertissement: fichier.avertissement,
    metier: query.metier ?? null,
    recherche: {
      commune: centre?.commune ? { code: centre.commune.code, nom: centre.commune.nom } : null,
      rayon_km: centre?.rayon_km ?? null,
    },
    voies: fichier.voies.map((voie, i) => {
      const trouves = recherches?.[i];
      return {
        ...voie,
        proches: trouves ? { services: trouves.services, total: trouves.pagination.total, total_exact: trouves.pagination.total_exact } : null,
      };
    }),
  };
}
