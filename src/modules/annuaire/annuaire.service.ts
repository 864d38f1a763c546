import { findCommune, requireCommune } from '../territoire/index.js';
import type { ServiceContext } from '../../shared/contexte.js';
import { pagination } from '../../shared/pagination.js';
import { motsDe, normaliserTexte } from '../../shared/texte.js';
import { PLAFOND_RESULTATS, RAYON_DEFAUT_KM, type ServicesQuery, type SitesQuery } from './annuaire.contract.js';
import { annuaireErrors } from './annuaire.errors.js';
import * as repository from './annuaire.repository.js';
import type { Centre, ServiceRow, SiteRow } from './annuaire.repository.js';

// Beyond this many words a query is a paste, not a search: the first ones carry the meaning.
const MOTS_MAX = 12;

async function centreDeRecherche(ctx: ServiceContext, commune: string | undefined, rayonKm: number | undefined) {
  if (!commune) {
    if (rayonKm !== undefined) throw annuaireErrors.rayonSansCommune();
    return { centre: null, commune: null, rayonKm: null };
  }
  const trouvee = await requireCommune(ctx, commune);
  if (trouvee.latitude === null || trouvee.longitude === null) throw annuaireErrors.communeSansPosition(trouvee.nom);
  const rayon = rayonKm ?? RAYON_DEFAUT_KM;
  const centre: Centre = { latitude: trouvee.latitude, longitude: trouvee.longitude, rayonMetres: rayon * 1000 };
  return {
    centre,
    commune: { code: trouvee.code, nom: trouvee.nom, latitude: trouvee.latitude, longitude: trouvee.longitude },
    rayonKm: rayon,
  };
}

type Vocabulaires = Awaited<ReturnType<typeof repository.listVocabulaires>>;

function verifierVocabulaire(vocabulaires: Vocabulaires, chemin: string, vocabulaire: string, valeurs: string[] | undefined, familles = false) {
  if (!valeurs?.length) return;
  const connues = new Set(vocabulaires.filter((v) => v.vocabulaire === vocabulaire).map((v) => v.valeur));
  const connuesOuFamilles = familles ? new Set([...connues, ...[...connues].map((v) => v.split('--')[0]!)]) : connues;
  const inconnues = valeurs.filter((v) => !connuesOuFamilles.has(v));
  if (inconnues.length) throw annuaireErrors.valeurInconnue(chemin, inconnues);
}

/** A family ("se-former") stands for itself and all its themes ("se-former--trouver-sa-formation"). */
function developperFamilles(vocabulaires: Vocabulaires, thematiques: string[]): string[] {
  const codes = vocabulaires.filter((v) => v.vocabulaire === 'thematiques').map((v) => v.valeur);
  return [...new Set(thematiques.flatMap((t) => (t.includes('--') ? [t] : [t, ...codes.filter((c) => c.startsWith(`${t}--`))])))];
}

/** The total is counted up to the ceiling; beyond, it says "more than" (total_exact false). */
function paginationBornee(page: number, parPage: number, candidats: number) {
  return { ...pagination(page, parPage, Math.min(candidats, PLAFOND_RESULTATS)), total_exact: candidats <= PLAFOND_RESULTATS };
}

async function verifierReseaux(ctx: ServiceContext, reseaux: string[] | undefined) {
  if (!reseaux?.length) return;
  const connus = new Set((await repository.listReseaux(ctx.db)).map((r) => r.code));
  const inconnus = reseaux.filter((r) => !connus.has(r));
  if (inconnus.length) throw annuaireErrors.valeurInconnue('reseaux', inconnus);
}

/**
 * Turns what the person typed into a French full-text query: each word is replaced by its
 * closest word of the directory when it is not one ("competance" → "competence"), the last word
 * is a prefix (typing in progress). 'tous' requires every word, 'un' any of them.
 */
async function construireRequete(ctx: ServiceContext, q: string | undefined) {
  const mots = motsDe(q ?? '')
    .filter((m) => m.length >= 2)
    .slice(0, MOTS_MAX);
  if (mots.length === 0) return null;
  const corrections = await repository.correctWords(ctx.db, mots);
  const termes = corrections.map((c) => c.corrige ?? c.saisi);
  const dernier = termes.length - 1;
  const expressions = termes.map((t, i) => (i === dernier && t.length >= 3 ? `${t}:*` : t));
  return {
    tous: expressions.join(' & '),
    un: expressions.join(' | '),
    plusieursMots: termes.length > 1,
    corrections: corrections.filter((c) => c.corrige !== null && c.corrige !== c.saisi).map((c) => ({ saisi: c.saisi, corrige: c.corrige! })),
  };
}

function toServiceResume(row: ServiceRow) {
  return {
    id: row.id,
    nom: row.nom,
    resume: row.resume,
    type: row.type,
    thematiques: row.thematiques,
    publics: row.publics,
    modes_accueil: row.modes_accueil,
    frais: row.frais,
    origine: row.origine,
    demonstration: row.demonstration,
    date_donnees: row.date_donnees,
    structure: {
      id: row.structure_id,
      nom: row.structure_nom,
      reseau: row.reseau_code ? { code: row.reseau_code, libelle: row.reseau_libelle ?? row.reseau_code } : null,
    },
    site: row.site_id
      ? {
          id: row.site_id,
          nom: row.site_nom ?? '',
          adresse: row.adresse,
          code_postal: row.code_postal,
          commune: row.commune_code ? { code: row.commune_code, nom: row.commune_nom ?? '' } : null,
          latitude: row.latitude,
          longitude: row.longitude,
          position_approximative: row.position_approximative ?? false,
        }
      : null,
    distance_km: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
  };
}

function toSite(row: SiteRow) {
  return {
    id: row.id,
    nom: row.nom,
    adresse: row.adresse,
    code_postal: row.code_postal,
    commune: row.commune_code ? { code: row.commune_code, nom: row.commune_nom ?? '' } : null,
    latitude: row.latitude,
    longitude: row.longitude,
    position_approximative: row.position_approximative,
    structure: {
      id: row.structure_id,
      nom: row.structure_nom,
      reseau: row.reseau_code ? { code: row.reseau_code, libelle: row.reseau_libelle ?? row.reseau_code } : null,
    },
    canaux: row.canaux,
    telephone: row.telephone,
    courriel: row.courriel,
    site_web: row.site_web,
    prise_rdv: row.prise_rdv,
    horaires: row.horaires,
    horaires_texte: row.horaires_texte,
    accessibilite: row.accessibilite,
    accueil_public: row.accueil_public,
    demonstration: row.demonstration,
    source: row.source,
    date_donnees: row.date_donnees,
    distance_km: row.distance_km === null ? null : Math.round(row.distance_km * 10) / 10,
  };
}

/** Services ranked by relevance (stemmed, accent-blind, typo-tolerant) and distance from a commune. */
export async function searchServices(ctx: ServiceContext, query: ServicesQuery) {
  // One read of the vocabularies serves both checks and the families, and only when a filter needs it.
  let thematiques: string[] = [];
  if (query.publics?.length || query.thematiques?.length) {
    const vocabulaires = await repository.listVocabulaires(ctx.db);
    verifierVocabulaire(vocabulaires, 'publics', 'publics', query.publics);
    verifierVocabulaire(vocabulaires, 'thematiques', 'thematiques', query.thematiques, true);
    thematiques = developperFamilles(vocabulaires, query.thematiques ?? []);
  }
  await verifierReseaux(ctx, query.reseaux);
  const lieu = await centreDeRecherche(ctx, query.commune, query.rayon_km);
  const requete = await construireRequete(ctx, query.q);
  const filtres = {
    centre: lieu.centre,
    publics: query.publics ?? [],
    thematiques,
    reseaux: query.reseaux ?? [],
    tri: query.tri,
    limite: query.par_page,
    decalage: (query.page - 1) * query.par_page,
  };
  let found = await repository.searchServices(ctx.db, { ...filtres, tsquery: requete?.tous ?? null });
  // Nothing has every word: show what has some of them rather than an empty page.
  if (found.length === 0 && query.page === 1 && requete?.plusieursMots) {
    found = await repository.searchServices(ctx.db, { ...filtres, tsquery: requete.un });
  }
  return {
    services: found.map(toServiceResume),
    pagination: paginationBornee(query.page, query.par_page, found[0]?.total ?? 0),
    recherche: { q: query.q?.trim() || null, termes_corriges: requete?.corrections ?? [], commune: lieu.commune, rayon_km: lieu.rayonKm },
  };
}

/**
 * Places (sites) by name, network and distance; management-only sites on request. The name is
 * first looked for as typed, in the site's name or its network's; when nothing contains it, each
 * of its words is looked for in the name, as typed or corrected like the words of a service
 * search ("mision locale bayone"). Both are served by the trigram index; comparing every name to
 * what was typed (similarity) cost a scan of all the sites.
 */
export async function searchSites(ctx: ServiceContext, query: SitesQuery) {
  await verifierReseaux(ctx, query.reseaux);
  const lieu = await centreDeRecherche(ctx, query.commune, query.rayon_km);
  const nom = query.q ? normaliserTexte(query.q) : '';
  const filtres = {
    centre: lieu.centre,
    reseaux: query.reseaux ?? [],
    accueilPublicSeulement: query.accueil === 'public',
    limite: query.par_page,
    decalage: (query.page - 1) * query.par_page,
  };
  let found = await repository.searchSites(ctx.db, { ...filtres, nom: nom === '' ? null : { texte: nom, approche: 'contient' } });
  const mots = motsDe(nom)
    .filter((m) => m.length >= 3)
    .slice(0, MOTS_MAX);
  if (found.length === 0 && query.page === 1 && mots.length > 0) {
    const corrections = await repository.correctWords(ctx.db, mots);
    const formes = corrections.map((c) => [...new Set([c.saisi, c.corrige ?? c.saisi])]);
    found = await repository.searchSites(ctx.db, { ...filtres, nom: { texte: nom, approche: 'mots', mots: formes } });
  }
  return {
    sites: found.map(toSite),
    pagination: paginationBornee(query.page, query.par_page, found[0]?.total ?? 0),
    recherche: { q: query.q?.trim() || null, termes_corriges: [], commune: lieu.commune, rayon_km: lieu.rayonKm },
  };
}

export async function getService(ctx: ServiceContext, id: string) {
  const row = await repository.findService(ctx.db, id);
  if (!row) throw annuaireErrors.serviceIntrouvable();
  const site = row.site_id ? await repository.findSite(ctx.db, row.site_id) : undefined;
  const { distance_km: _distance, ...siteDetail } = site ? toSite(site) : { distance_km: null };
  return {
    ...toServiceResume(row),
    description: row.description,
    publics_precisions: row.publics_precisions,
    conditions_acces: row.conditions_acces,
    frais_precisions: row.frais_precisions,
    modes_mobilisation: row.modes_mobilisation,
    mobilisable_par: row.mobilisable_par,
    mobilisation_precisions: row.mobilisation_precisions,
    lien_mobilisation: row.lien_mobilisation,
    zone_eligibilite: row.zone_eligibilite,
    telephone: row.telephone,
    courriel: row.courriel,
    source: row.source,
    site: site ? (siteDetail as Omit<ReturnType<typeof toSite>, 'distance_km'>) : null,
  };
}

export async function getStructure(ctx: ServiceContext, id: string) {
  const row = await repository.findStructure(ctx.db, id);
  if (!row) throw annuaireErrors.structureIntrouvable();
  const [sites, services, contacts, commune] = await Promise.all([
    repository.findSitesOfStructure(ctx.db, id),
    repository.findServicesOfStructure(ctx.db, id),
    repository.findContactsOfStructure(ctx.db, id),
    row.commune_code ? findCommune(ctx, row.commune_code) : undefined,
  ]);
  return {
    id: row.id,
    nom: row.nom,
    reseau: row.reseau_code ? { code: row.reseau_code, libelle: row.reseau_libelle ?? row.reseau_code, description: row.reseau_description ?? '' } : null,
    siret: row.siret,
    description: row.description,
    telephone: row.telephone,
    courriel: row.courriel,
    site_web: row.site_web,
    commune: commune ? { code: commune.code, nom: commune.nom } : null,
    demonstration: row.demonstration,
    source: row.source,
    date_donnees: row.date_donnees,
    confirme_le: row.confirme_le,
    sites: sites.map((s) => {
      const { distance_km: _d, ...rest } = toSite(s);
      return rest;
    }),
    services: services.map((s) => {
      const { distance_km: _d, ...rest } = toServiceResume(s);
      return rest;
    }),
    contacts,
  };
}

export async function getReferentiels(ctx: ServiceContext) {
  const [vocabulaires, reseaux] = await Promise.all([repository.listVocabulaires(ctx.db), repository.listReseaux(ctx.db)]);
  const de = (nom: string) => vocabulaires.filter((v) => v.vocabulaire === nom).map(({ valeur, libelle, description }) => ({ valeur, libelle, description }));
  return {
    thematiques: de('thematiques'),
    publics: de('publics'),
    types_services: de('types-de-services'),
    modes_accueil: de('modes-accueil'),
    reseaux,
  };
}
