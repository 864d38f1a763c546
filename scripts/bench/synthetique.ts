import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { insertBatched } from '../../src/db/bulk.js';
import { type Db, rows } from '../../src/db/client.js';
import { refreshLexique } from '../../src/modules/annuaire/annuaire.repository.js';
import * as t from '../../src/modules/annuaire/annuaire.tables.js';
import { projectRoot } from '../../src/shared/config.js';
import { normaliserTexte } from '../../src/shared/texte.js';
import { Aleatoire, TirageProportionnel } from './aleatoire.js';

/**
 * A national-size synthetic directory laid over the real one: sites in real communes drawn in
 * proportion to their population, themes and publics from the data·inclusion vocabularies loaded
 * in the database, names and descriptions from a small generator. Every row carries the source
 * SOURCE_BENCH and is written only to the benchmark's own databases.
 */
export const SOURCE_BENCH = 'bench-synthetique';
const DATE_DONNEES = '2026-01-15';

export interface CommuneBench {
  code: string;
  nom: string;
  departement_code: string;
  region_code: string;
  population: number;
  latitude: number;
  longitude: number;
  code_postal: string | null;
}

export interface ReferentielBench {
  communes: CommuneBench[];
  vocabulaires: Map<string, { valeur: string; libelle: string }[]>;
  reseaux: { code: string; libelle: string }[];
  offres: { nom: string; description: string; type: string | null; thematiques: string[]; publics: string[] }[];
}

/** Reads what the generator draws from: the real communes, vocabularies and networks already loaded. */
export async function lireReferentielBench(db: Db): Promise<ReferentielBench> {
  const communes = await rows<CommuneBench>(
    db,
    sql`SELECT code, nom, departement_code, region_code, coalesce(population, 0) AS population, latitude, longitude,
        codes_postaux[1] AS code_postal
      FROM territoire_commune WHERE latitude IS NOT NULL AND longitude IS NOT NULL AND coalesce(population, 0) > 0 ORDER BY code`,
  );
  const vocabulaires = new Map<string, { valeur: string; libelle: string }[]>();
  for (const v of await rows<{ vocabulaire: string; valeur: string; libelle: string }>(
    db,
    sql`SELECT vocabulaire, valeur, libelle FROM annuaire_vocabulaire ORDER BY vocabulaire, ordre`,
  )) {
    vocabulaires.set(v.vocabulaire, [...(vocabulaires.get(v.vocabulaire) ?? []), { valeur: v.valeur, libelle: v.libelle }]);
  }
  const reseaux = await rows<{ code: string; libelle: string }>(db, sql`SELECT code, libelle FROM annuaire_reseau ORDER BY ordre`);
  const fichier = JSON.parse(await readFile(path.join(projectRoot, 'data', 'annuaire', 'offres-reseaux.json'), 'utf8')) as {
    offres: Record<string, ReferentielBench['offres']>;
  };
  const offres = Object.values(fichier.offres).flat();
  if (communes.length === 0 || !vocabulaires.get('thematiques')?.length || offres.length === 0) {
    throw new Error('référentiels absents : chargez les données de référence avant de générer l’annuaire synthétique');
  }
  return { communes, vocabulaires, reseaux, offres };
}

export interface AnnuaireSynthetique {
  structures: (typeof t.structure.$inferInsert)[];
  sites: (typeof t.site.$inferInsert)[];
  services: (typeof t.service.$inferInsert)[];
}

const NOMS_ASSOCIATIONS = ['Association', 'Espace', 'Maison', 'Point', 'Relais', 'Atelier', 'Collectif', 'Centre', 'Plateforme', 'Réseau'];
const COMPLEMENTS = [
  'Tremplin',
  'Passerelle',
  'Horizon',
  'Avenir',
  'Envol',
  'Cap Emploi Solidaire',
  'Insertion',
  'Trait d’union',
  'Boussole',
  'Emploi et Territoires',
  'Initiatives',
  'Parcours',
  'Solidarités',
  'Compétences',
  'Projets',
  'Orientation',
  'Accueil',
];
const PREFIXES_SERVICES = ['Atelier', 'Accompagnement', 'Permanence', 'Information', 'Conseil', 'Session collective', 'Rendez-vous individuel'];
const RUES = [
  'rue de la République',
  'avenue Jean Jaurès',
  'place de la Mairie',
  'rue Victor Hugo',
  'boulevard Gambetta',
  'rue du Général de Gaulle',
  'rue Pasteur',
  'allée des Tilleuls',
];
const MODALITES = [
  'Sur rendez-vous, du lundi au vendredi.',
  'Entretiens individuels et ateliers collectifs en petits groupes.',
  'Un conseiller vous reçoit et construit avec vous un plan d’action.',
  'Accueil sans rendez-vous le mardi matin, permanence téléphonique le jeudi.',
  'Accompagnement de trois à six mois avec un référent unique.',
  'Possibilité de suivi à distance par visioconférence.',
  'Orientation vers les partenaires du territoire si besoin.',
  'Aide à la préparation du dossier et suivi jusqu’à la décision.',
];
const HORAIRES = ['Lu-Ve 09:00-12:00,14:00-17:00', 'Lu-Je 08:30-12:30', 'Ma,Je 09:00-12:00', null];

const minuscule = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Generates the synthetic directory; the same seed and sizes give the same rows (identifiers included). */
export function genererAnnuaire(ref: ReferentielBench, taille: { sites: number; services: number }, graine: number): AnnuaireSynthetique {
  const alea = new Aleatoire(graine);
  const parPopulation = new TirageProportionnel(ref.communes, (c) => c.population);
  const parDepartement = new Map<string, TirageProportionnel<CommuneBench>>();
  const communesDuDepartement = (departement: string) => {
    let tirage = parDepartement.get(departement);
    if (!tirage) {
      tirage = new TirageProportionnel(
        ref.communes.filter((c) => c.departement_code === departement),
        (c) => c.population,
      );
      parDepartement.set(departement, tirage);
    }
    return tirage;
  };
  const vocabulaire = (nom: string) => {
    const valeurs = ref.vocabulaires.get(nom);
    if (!valeurs?.length) throw new Error(`vocabulaire ${nom} absent`);
    return valeurs;
  };
  const thematiques = vocabulaire('thematiques');
  const publics = vocabulaire('publics');
  const types = vocabulaire('types-de-services').map((v) => v.valeur);
  const modesAccueil = vocabulaire('modes-accueil').map((v) => v.valeur);
  const frais = vocabulaire('frais').map((v) => v.valeur);
  const libellePublic = new Map(publics.map((p) => [p.valeur, p.libelle]));
  const libelleTheme = new Map(thematiques.map((p) => [p.valeur, p.libelle]));

  const structures: AnnuaireSynthetique['structures'] = [];
  const sites: AnnuaireSynthetique['sites'] = [];
  const sitesInfos: { id: string; structureId: string; regionCode: string; structureNom: string; structureTexte: string; commune: CommuneBench }[] = [];

  while (sites.length < taille.sites) {
    const structureId = alea.uuid();
    const siege = parPopulation.tirer(alea);
    const reseau = alea.nombre() < 0.35 ? alea.choisir(ref.reseaux) : null;
    const nom = reseau
      ? `${reseau.libelle} ${siege.nom}`
      : `${alea.choisir(NOMS_ASSOCIATIONS)} ${alea.choisir(COMPLEMENTS)} ${alea.nombre() < 0.5 ? siege.nom : `du ${siege.departement_code}`}`;
    const n = Math.min(taille.sites - sites.length, alea.nombre() < 0.6 ? 1 : alea.entier(2, 6));
    const i = structures.length;
    structures.push({
      id: structureId,
      source: SOURCE_BENCH,
      sourceId: `structure-${i}`,
      reseauCode: reseau?.code ?? null,
      nom,
      siret: null,
      description: `Structure d’accompagnement implantée à ${siege.nom}.`,
      telephone: null,
      courriel: null,
      siteWeb: null,
      communeCode: siege.code,
      departementCode: siege.departement_code,
      regionCode: siege.region_code,
      demonstration: false,
      dateDonnees: DATE_DONNEES,
    });
    for (let k = 0; k < n; k++) {
      const commune = k === 0 ? siege : communesDuDepartement(siege.departement_code).tirer(alea);
      const id = alea.uuid();
      const nomSite = n > 1 ? `${nom} – ${commune.nom}` : nom;
      const horaires = alea.choisir(HORAIRES);
      sites.push({
        id,
        structureId,
        source: SOURCE_BENCH,
        sourceId: `site-${sites.length}`,
        nom: nomSite,
        nomRecherche: normaliserTexte(nomSite),
        adresse: `${alea.entier(1, 120)} ${alea.choisir(RUES)}`,
        codePostal: commune.code_postal,
        communeCode: commune.code,
        communeNom: commune.nom,
        departementCode: commune.departement_code,
        // the structure's Region, where its places live (migration 0017)
        regionCode: siege.region_code,
        // within about a kilometre of the commune's centre
        latitude: commune.latitude + (alea.nombre() - 0.5) * 0.02,
        longitude: commune.longitude + (alea.nombre() - 0.5) * 0.03,
        positionApproximative: false,
        horaires: null,
        horairesTexte: horaires,
        accessibilite: null,
        canaux: alea.nombre() < 0.7 ? ['sur_place', 'telephone'] : ['sur_place'],
        telephone: `0${alea.entier(100000000, 599999999)}`,
        courriel: null,
        siteWeb: null,
        priseRdv: alea.nombre() < 0.4 ? 'sur rendez-vous' : null,
        accueilPublic: alea.nombre() < 0.97,
        demonstration: false,
        dateDonnees: DATE_DONNEES,
      });
      // what insertStructures writes: the structure's name and its network's label, searched with the service
      sitesInfos.push({
        id,
        structureId,
        regionCode: siege.region_code,
        structureNom: nom,
        structureTexte: [nom, reseau?.libelle].filter(Boolean).join(' '),
        commune,
      });
    }
  }

  const services: AnnuaireSynthetique['services'] = [];
  for (let i = 0; i < taille.services; i++) {
    // every site has a service, the rest go to random sites (a few sites carry many)
    const site = i < sitesInfos.length ? sitesInfos[i]! : alea.choisir(sitesInfos);
    let nom: string;
    let description: string;
    let themes: string[];
    let pubs: string[];
    let type: string | null;
    if (alea.nombre() < 0.45) {
      // the real networks' offers: the services people search for most
      const offre = alea.choisir(ref.offres);
      nom = offre.nom;
      description = offre.description;
      themes = offre.thematiques;
      pubs = offre.publics;
      type = offre.type;
    } else {
      const theme = alea.choisir(thematiques);
      const famille = theme.valeur.split('--')[0]!;
      const voisins = thematiques.filter((v) => v.valeur.startsWith(`${famille}--`) && v.valeur !== theme.valeur);
      themes = [theme.valeur, ...alea.plusieurs(voisins, alea.entier(0, 2)).map((v) => v.valeur)];
      pubs = alea.plusieurs(publics, alea.entier(1, 3)).map((p) => p.valeur);
      type = alea.choisir(types);
      nom = `${alea.choisir(PREFIXES_SERVICES)} : ${minuscule(theme.libelle)}`;
      description = `Aide pour ${minuscule(theme.libelle)}.`;
    }
    description += ` Proposé par ${site.structureNom} à ${site.commune.nom}. Pour : ${pubs.map((p) => minuscule(libellePublic.get(p) ?? p)).join(', ')}.`;
    description += ` ${themes.map((th) => libelleTheme.get(th) ?? th).join('. ')}. ${alea.choisir(MODALITES)}`;
    services.push({
      id: alea.uuid(),
      structureId: site.structureId,
      regionCode: site.regionCode,
      siteId: site.id,
      source: SOURCE_BENCH,
      sourceId: `service-${i}`,
      origine: 'producteur',
      structureTexte: site.structureTexte,
      nom,
      description,
      type,
      thematiques: themes,
      publics: pubs,
      publicsPrecisions: null,
      conditionsAcces: null,
      frais: alea.choisir(frais),
      fraisPrecisions: null,
      modesAccueil: alea.nombre() < 0.3 ? [...modesAccueil] : [alea.choisir(modesAccueil)],
      modesMobilisation: [],
      mobilisablePar: [],
      mobilisationPrecisions: null,
      lienMobilisation: null,
      zoneEligibilite: null,
      telephone: null,
      courriel: null,
      demonstration: false,
      dateDonnees: DATE_DONNEES,
    });
  }
  return { structures, sites, services };
}

/**
 * Replaces the synthetic rows (batched multi-row INSERTs, one transaction), then rebuilds the
 * typo lexicon and refreshes the planner's statistics. Returns the time of each step in ms.
 */
export async function insererAnnuaire(db: Db, annuaire: AnnuaireSynthetique): Promise<Record<string, number>> {
  const temps: Record<string, number> = {};
  let debut = performance.now();
  await db.transaction(async (tx) => {
    await tx.execute(sql`DELETE FROM annuaire_structure WHERE source = ${SOURCE_BENCH}`);
    await insertBatched(tx, t.structure, annuaire.structures);
    await insertBatched(tx, t.site, annuaire.sites);
    await insertBatched(tx, t.service, annuaire.services);
  });
  temps.insertion = performance.now() - debut;
  debut = performance.now();
  await refreshLexique(db);
  temps.lexique = performance.now() - debut;
  debut = performance.now();
  await db.execute(sql`ANALYZE`);
  temps.analyze = performance.now() - debut;
  return temps;
}
