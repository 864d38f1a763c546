import type { z } from '../../../shared/zod.js';
import type { StructureAImporter } from '../annuaire.referentiel.js';
import {
  type ServiceDataInclusion,
  type StructureDataInclusion,
  type Vocabulaires,
  serviceDataInclusionSchema,
  structureDataInclusionSchema,
} from './echange.contract.js';
import { echangeErrors } from './echange.errors.js';
import { parseOsmOpeningHours } from './echange.format.js';

/**
 * Where an element of a JSON array stands: on a file of one line (the way data·inclusion exports),
 * only its index tells the rows apart.
 */
export type PlaceDansTableau = 'une-ligne' | 'plusieurs-lignes';

/** One record of a file with where it stands: index in the array (from 0) and line (from 1). */
export interface LigneLue {
  index: number;
  ligne: number;
  valeur: unknown;
  /** Set for an element of a JSON array; absent for a line of a JSON Lines file. */
  tableau?: PlaceDansTableau;
  /** Set when the line itself is not JSON (JSON Lines files). */
  erreurJson?: string;
}

export interface LigneInvalide {
  fichier: string;
  index: number;
  ligne: number;
  tableau?: PlaceDansTableau;
  id: string | null;
  raisons: string[];
}

/** How a reason names another row: by its index in a one-line array, otherwise by its line. */
export const positionCourte = (l: Pick<LigneLue, 'index' | 'ligne' | 'tableau'>) =>
  l.tableau === 'une-ligne' ? `élément d’indice ${l.index}` : `ligne ${l.ligne}`;

export interface Analyse<T> {
  valides: (LigneLue & { enregistrement: T })[];
  invalides: LigneInvalide[];
}

/** Line (from 1) where each element of the top-level JSON array starts. */
export function lignesDesElements(texte: string): number[] {
  const lignes: number[] = [];
  let ligne = 1;
  let profondeur = 0;
  let dansChaine = false;
  let echappe = false;
  let attendElement = false;
  for (let i = 0; i < texte.length; i++) {
    const c = texte[i]!;
    if (c === '\n') ligne++;
    if (dansChaine) {
      if (echappe) echappe = false;
      else if (c === '\\') echappe = true;
      else if (c === '"') dansChaine = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (profondeur === 1 && c === ',') {
      attendElement = true;
      continue;
    }
    if (profondeur === 1 && attendElement && c !== ']') {
      lignes.push(ligne);
      attendElement = false;
    }
    if (c === '"') dansChaine = true;
    else if (c === '[' || c === '{') {
      profondeur++;
      if (profondeur === 1) attendElement = true;
    } else if (c === ']' || c === '}') profondeur--;
  }
  return lignes;
}

/**
 * Where a file stops being JSON, without the parser's message: it may quote the text around the
 * fault, that is the values of a row.
 */
function jsonInvalide(texte: string, error: unknown): string {
  const position = /at position (\d+)/.exec(error instanceof Error ? error.message : '')?.[1];
  if (position === undefined) return 'JSON invalide';
  const ligne = texte.slice(0, Number(position)).split('\n').length;
  return `JSON invalide au caractère ${Number(position) + 1} (ligne ${ligne})`;
}

/**
 * Reads a file of records: a JSON array (data·inclusion's export format) or JSON Lines. A file
 * that is not JSON at all is refused whole; in JSON Lines a bad line is a bad row.
 */
export function lireFichier(texte: string, fichier: string): LigneLue[] {
  const debut = texte.replace(/^\uFEFF/, '').trimStart();
  if (debut === '') throw echangeErrors.fichierIllisible(fichier, 'il est vide');
  if (debut.startsWith('[')) {
    let valeurs: unknown;
    try {
      valeurs = JSON.parse(texte.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw echangeErrors.fichierIllisible(fichier, jsonInvalide(texte, error));
    }
    if (!Array.isArray(valeurs)) throw echangeErrors.fichierIllisible(fichier, 'un tableau JSON est attendu');
    const lignes = lignesDesElements(texte.replace(/^\uFEFF/, ''));
    const tableau: PlaceDansTableau = new Set(lignes).size > 1 ? 'plusieurs-lignes' : 'une-ligne';
    return valeurs.map((valeur, index) => ({ index, ligne: lignes[index] ?? 1, tableau, valeur }));
  }
  const lues: LigneLue[] = [];
  texte.split('\n').forEach((brute, i) => {
    if (brute.trim() === '') return;
    const index = lues.length;
    try {
      lues.push({ index, ligne: i + 1, valeur: JSON.parse(brute) });
    } catch {
      lues.push({ index, ligne: i + 1, valeur: null, erreurJson: 'cette ligne n’est pas un JSON valide' });
    }
  });
  return lues;
}

function raisonsZod(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const chemin = issue.path.map(String).join('.');
    return chemin ? `${chemin} : ${issue.message}` : issue.message;
  });
}

function idDe(valeur: unknown): string | null {
  if (typeof valeur !== 'object' || valeur === null) return null;
  const id = (valeur as { id?: unknown }).id;
  return typeof id === 'string' ? id : null;
}

function analyser<T extends { id: string }>(fichier: string, lignes: LigneLue[], schema: z.ZodType<T>, controle?: (enregistrement: T) => string[]): Analyse<T> {
  const resultat: Analyse<T> = { valides: [], invalides: [] };
  const premiere = new Map<string, string>();
  for (const lue of lignes) {
    const id = idDe(lue.valeur);
    const invalide = (raisons: string[]) =>
      resultat.invalides.push({ fichier, index: lue.index, ligne: lue.ligne, ...(lue.tableau ? { tableau: lue.tableau } : {}), id, raisons });
    if (lue.erreurJson) {
      invalide([lue.erreurJson]);
      continue;
    }
    if (typeof lue.valeur !== 'object' || lue.valeur === null || Array.isArray(lue.valeur)) {
      invalide(['un objet JSON est attendu']);
      continue;
    }
    const lu = schema.safeParse(lue.valeur);
    const raisons = lu.success ? (controle?.(lu.data) ?? []) : raisonsZod(lu.error);
    if (id !== null) {
      const deja = premiere.get(id);
      if (deja !== undefined) raisons.push(`id : l’identifiant « ${id} » est déjà utilisé ${deja}`);
      else premiere.set(id, positionCourte(lue));
    }
    if (!lu.success || raisons.length) invalide(raisons);
    else resultat.valides.push({ ...lue, enregistrement: lu.data });
  }
  return resultat;
}

export function analyserStructures(lignes: LigneLue[], vocabulaires: Vocabulaires, fichier = 'structures'): Analyse<StructureDataInclusion> {
  return analyser(fichier, lignes, structureDataInclusionSchema(vocabulaires));
}

/**
 * Services must point to a structure of the structures file; one that points to a refused
 * structure is refused as well, with the line of that structure.
 */
export function analyserServices(
  lignes: LigneLue[],
  vocabulaires: Vocabulaires,
  structures: Analyse<StructureDataInclusion>,
  fichier = 'services',
): Analyse<ServiceDataInclusion> {
  const valides = new Set(structures.valides.map((s) => s.enregistrement.id));
  const refusees = new Map(structures.invalides.filter((s) => s.id !== null).map((s) => [s.id!, positionCourte(s)]));
  return analyser(fichier, lignes, serviceDataInclusionSchema(vocabulaires), (service) => {
    if (valides.has(service.structure_id)) return [];
    const ligne = refusees.get(service.structure_id);
    return [
      ligne === undefined
        ? `structure_id : aucune structure du fichier des structures ne porte l’identifiant « ${service.structure_id} »`
        : `structure_id : la structure « ${service.structure_id} » (${ligne} du fichier des structures) est invalide`,
    ];
  });
}

/** Every commune code the rows of a file name, to look them up once before checking the rows. */
export function codesInseeDe(lignes: LigneLue[]): string[] {
  return lignes.flatMap((l) => {
    const code = typeof l.valeur === 'object' && l.valeur !== null ? (l.valeur as { code_insee?: unknown }).code_insee : undefined;
    return typeof code === 'string' ? [code] : [];
  });
}

/**
 * A well-formed commune code that names no commune of the reference is a bad row: imported, the
 * place would have no commune and fall out of every search by territory.
 */
export function ecarterCommunesInconnues<T extends { id: string; code_insee?: string | null }>(
  fichier: string,
  analyse: Analyse<T>,
  connues: ReadonlySet<string>,
): Analyse<T> {
  const inconnue = (l: { enregistrement: T }) => Boolean(l.enregistrement.code_insee) && !connues.has(l.enregistrement.code_insee!);
  const ecartees: LigneInvalide[] = analyse.valides.filter(inconnue).map((l) => ({
    fichier,
    index: l.index,
    ligne: l.ligne,
    ...(l.tableau ? { tableau: l.tableau } : {}),
    id: l.enregistrement.id,
    raisons: ['code_insee : aucune commune du Code officiel géographique ne porte ce code ; corrigez-le, ou laissez-le vide'],
  }));
  return {
    valides: analyse.valides.filter((l) => !inconnue(l)),
    invalides: [...analyse.invalides, ...ecartees].sort((a, b) => a.index - b.index),
  };
}

/** What the import needs to know of the territory and of the networks, looked up beforehand. */
export interface CommuneConnue {
  code: string;
  nom: string;
  departement: string;
  region: string;
  latitude: number | null;
  longitude: number | null;
}

export interface ContexteConversion {
  /** Imports everything under this source; otherwise each record keeps its own. */
  source: string | null;
  communes: Map<string, CommuneConnue>;
  /** data·inclusion reseau_porteur → code of the directory's network. */
  reseauxParPorteur: Map<string, string>;
}

/** "france-travail--123" imported as france-travail keeps "123" as its id at the source. */
export function sourceEtIdentifiant(id: string, sourceLigne: string, cible: string | null): { source: string; sourceId: string } {
  const source = cible ?? sourceLigne;
  const prefixe = `${source}--`;
  return { source, sourceId: id.startsWith(prefixe) && id.length > prefixe.length ? id.slice(prefixe.length) : id };
}

type Lieu = Pick<
  StructureDataInclusion,
  'adresse' | 'complement_adresse' | 'code_insee' | 'code_postal' | 'commune' | 'latitude' | 'longitude' | 'horaires_accueil'
>;

function aUnLieu(l: Lieu): boolean {
  return Boolean(l.adresse || l.code_insee || l.code_postal || l.commune || (l.latitude != null && l.longitude != null));
}

function memeLieu(a: Lieu, b: Lieu): boolean {
  return (
    (a.adresse ?? null) === (b.adresse ?? null) && (a.code_insee ?? null) === (b.code_insee ?? null) && (a.code_postal ?? null) === (b.code_postal ?? null)
  );
}

/**
 * data·inclusion records into the directory's shape: a structure with one place (its address,
 * hours), and its services at that place, or at a place of their own when their address differs,
 * or at none when they are delivered only remotely. Contact names are personal data: not kept.
 */
export function versStructuresAImporter(
  structures: StructureDataInclusion[],
  services: ServiceDataInclusion[],
  contexte: ContexteConversion,
): { structures: StructureAImporter[]; avertissements: string[] } {
  const avertissements: string[] = [];
  const servicesPar = new Map<string, ServiceDataInclusion[]>();
  for (const s of services) servicesPar.set(s.structure_id, [...(servicesPar.get(s.structure_id) ?? []), s]);

  const site = (
    cle: string,
    source: string,
    sourceId: string,
    nom: string,
    lieu: Lieu,
    extra: { telephone: string | null; courriel: string | null; siteWeb: string | null; accessibilite: string | null; enPresentiel: boolean; date: string },
  ) => {
    const commune = lieu.code_insee ? contexte.communes.get(lieu.code_insee) : undefined;
    if (lieu.code_insee && !commune)
      avertissements.push(`${sourceId} : code Insee ${lieu.code_insee} inconnu du référentiel géographique, lieu sans commune rattachée`);
    const aPosition = lieu.latitude != null && lieu.longitude != null;
    return {
      cle,
      source,
      sourceId,
      nom,
      adresse:
        [lieu.adresse, lieu.complement_adresse]
          .map((v) => v?.trim())
          .filter(Boolean)
          .join(', ') || null,
      codePostal: lieu.code_postal ?? null,
      communeCode: commune?.code ?? null,
      communeNom: commune?.nom ?? lieu.commune ?? null,
      departementCode: commune?.departement ?? null,
      latitude: aPosition ? lieu.latitude! : (commune?.latitude ?? null),
      longitude: aPosition ? lieu.longitude! : (commune?.longitude ?? null),
      positionApproximative: !aPosition,
      horaires: parseOsmOpeningHours(lieu.horaires_accueil),
      horairesTexte: lieu.horaires_accueil ?? null,
      accessibilite: extra.accessibilite,
      canaux: [...(extra.enPresentiel ? ['sur_place'] : []), ...(extra.telephone ? ['telephone'] : [])],
      telephone: extra.telephone,
      courriel: extra.courriel,
      siteWeb: extra.siteWeb,
      priseRdv: null,
      accueilPublic: true,
      demonstration: false,
      dateDonnees: extra.date,
    };
  };

  const resultat: StructureAImporter[] = structures.map((s) => {
    const { source, sourceId } = sourceEtIdentifiant(s.id, s.source, contexte.source);
    const reseauCode = (s.reseaux_porteurs ?? []).map((r) => contexte.reseauxParPorteur.get(r)).find((c) => c !== undefined) ?? null;
    const sesServices = servicesPar.get(s.id) ?? [];
    const aDistanceSeulement = (m: string[] | null | undefined) => m != null && m.length > 0 && !m.includes('en-presentiel');
    const sites: StructureAImporter['sites'] = [];
    const principal = aUnLieu(s) || s.horaires_accueil ? 'principal' : null;
    if (principal) {
      sites.push(
        site(principal, source, sourceId, s.nom, s, {
          telephone: s.telephone ?? null,
          courriel: s.courriel ?? null,
          siteWeb: s.site_web ?? null,
          accessibilite: s.accessibilite_lieu ?? null,
          enPresentiel: !sesServices.length || sesServices.some((v) => !aDistanceSeulement(v.modes_accueil)),
          date: s.date_maj,
        }),
      );
    }
    const premier = sites[0];
    const commune = premier?.communeCode ? contexte.communes.get(premier.communeCode) : undefined;
    return {
      structure: {
        source,
        sourceId,
        reseauCode,
        nom: s.nom,
        siret: s.siret ?? null,
        description: s.description ?? null,
        telephone: s.telephone ?? null,
        courriel: s.courriel ?? null,
        siteWeb: s.site_web ?? null,
        communeCode: commune?.code ?? null,
        departementCode: commune?.departement ?? null,
        regionCode: commune?.region ?? null,
        demonstration: false,
        dateDonnees: s.date_maj,
      },
      sites,
      services: sesServices.map((v) => {
        const ids = sourceEtIdentifiant(v.id, v.source, contexte.source);
        let siteCle: string | null = null;
        if (aUnLieu(v) && !(principal && memeLieu(v, s))) {
          siteCle = `service:${ids.sourceId}`;
          sites.push(
            site(siteCle, ids.source, ids.sourceId, v.nom, v, {
              telephone: v.telephone ?? null,
              courriel: v.courriel ?? null,
              siteWeb: null,
              accessibilite: null,
              enPresentiel: !aDistanceSeulement(v.modes_accueil),
              date: v.date_maj,
            }),
          );
        } else if (principal && !aDistanceSeulement(v.modes_accueil)) siteCle = principal;
        return {
          ...ids,
          origine: 'producteur' as const,
          nom: v.nom,
          description: v.description,
          type: v.type ?? null,
          thematiques: v.thematiques ?? [],
          publics: v.publics ?? [],
          publicsPrecisions: v.publics_precisions ?? null,
          conditionsAcces: v.conditions_acces ?? null,
          frais: v.frais ?? null,
          fraisPrecisions: v.frais_precisions ?? null,
          modesAccueil: v.modes_accueil ?? [],
          modesMobilisation: v.modes_mobilisation ?? [],
          mobilisablePar: v.mobilisable_par ?? [],
          mobilisationPrecisions: v.mobilisation_precisions ?? null,
          lienMobilisation: v.lien_mobilisation ?? null,
          zoneEligibilite: v.zone_eligibilite ?? null,
          telephone: v.telephone ?? null,
          courriel: v.courriel ?? null,
          demonstration: false,
          dateDonnees: v.date_maj,
          siteCle,
        };
      }),
      contacts: [],
    };
  });
  return { structures: resultat, avertissements };
}
