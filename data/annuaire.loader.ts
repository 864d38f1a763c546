import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../src/db/client.js';
import { type ReferentielAnnuaire, type StructureAImporter, parseHoraires, replaceSources } from '../src/modules/annuaire/index.js';
import { normaliserTexte } from '../src/shared/texte.js';
import { adresseLisible } from './annuaire/adresse.js';
import { demoFichier, type Offre, offresReseauxFichier, reseauxFichier } from './annuaire/fichiers.schema.js';
import { type CommuneResolue, ResolveurCommunes } from './communes.resolveur.js';
import type { ReferenceData } from './reference.js';

const ici = path.dirname(fileURLToPath(import.meta.url));

export const JEU_ANNUAIRE = 'annuaire';
export const SOURCE_DEMO = 'demonstration';
// Raised when the loader writes something else from the same files (addresses made readable: 2),
// so that an existing database reloads the directory at its next start.
const VERSION_CHARGEUR = 2;

const VOCABULAIRES = [
  'thematiques',
  'publics',
  'types-de-services',
  'modes-accueil',
  'modes-mobilisation',
  'personnes-mobilisatrices',
  'frais',
  'reseaux-porteurs',
] as const;

interface TypeSource {
  reseau: string | null;
  accueil_public: boolean;
  prefixe_nom: string | null;
}
interface SourceActeurs {
  fichier: string;
  source: string;
  format: 'commun' | 'pole_emploi_2019' | 'prescripteurs_2019';
  date_donnees: string;
  types: Record<string, TypeSource>;
}

async function lireProjet(fichier: string): Promise<{ texte: string; json: unknown }> {
  const texte = await readFile(path.join(ici, fichier), 'utf8');
  return { texte, json: JSON.parse(texte) };
}

const vide = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v.trim());

/** "OYONNAX ANATOLE FRANCE" → "Oyonnax Anatole France", with the commune's own spelling when it leads. */
function nomLisible(brut: string, commune: CommuneResolue | undefined): string {
  if (brut !== brut.toUpperCase()) return brut;
  const minuscules = brut.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, l: string) => sep + l.toUpperCase());
  if (commune && normaliserTexte(brut).startsWith(normaliserTexte(commune.nom))) {
    const mots = normaliserTexte(commune.nom).split(' ').length;
    return [commune.nom, ...minuscules.split(/[\s-]+/).slice(mots)].join(' ').trim();
  }
  return minuscules;
}

interface LigneActeur {
  type: string;
  sourceId: string;
  nom: string;
  adresse: string | null;
  codePostal: string | null;
  communeNom: string | null;
  codeInsee: string | null;
  latitude: number | null;
  longitude: number | null;
  telephone: string | null;
  siteWeb: string | null;
  horaires: string | null;
  siret: string | null;
  date: string | null;
  priseRdv: string | null;
}

function lignesDe(format: SourceActeurs['format'], lignes: Record<string, string>[]): LigneActeur[] {
  return lignes.map((l, i) => {
    const nombre = (v: string | undefined) => (vide(v) === null ? null : Number(v));
    if (format === 'pole_emploi_2019') {
      return {
        type: l.type_site!,
        sourceId: l.reference_pe!,
        nom: l.nom!,
        adresse: adresseLisible([l.adresse, l.complement_adresse, l.complement_adresse_site].map(vide).filter(Boolean).join(', ') || null),
        codePostal: vide(l.code_postal),
        communeNom: vide(l.commune),
        codeInsee: null,
        latitude: nombre(l.latitude),
        longitude: nombre(l.longitude),
        telephone: null,
        siteWeb: null,
        horaires: null,
        siret: null,
        date: null,
        priseRdv: null,
      };
    }
    if (format === 'prescripteurs_2019') {
      return {
        type: l.nom!,
        sourceId: `${l.departement}-${String(i + 1).padStart(3, '0')}`,
        nom: l.nom!,
        adresse: adresseLisible([l.rue, l.complement, l.complement_2, l.bp_cs].map(vide).filter(Boolean).join(', ') || null),
        codePostal: vide(l.code_postal),
        communeNom: vide(l.commune),
        codeInsee: null,
        latitude: null,
        longitude: null,
        telephone: null,
        siteWeb: vide(l.site_web),
        horaires: null,
        siret: null,
        date: null,
        priseRdv: null,
      };
    }
    return {
      type: l.type!,
      sourceId: l.source_id || `${l.type}-${i + 1}`,
      nom: l.nom!,
      adresse: adresseLisible(vide(l.adresse)),
      codePostal: vide(l.code_postal),
      communeNom: vide(l.commune),
      codeInsee: vide(l.code_insee),
      latitude: nombre(l.latitude),
      longitude: nombre(l.longitude),
      telephone: vide(l.telephone),
      siteWeb: vide(l.site_web)?.split(' / ')[0] ?? null,
      horaires: vide(l.horaires),
      siret: vide(l.siret),
      date: vide(l.date_mise_a_jour),
      priseRdv: l.prise_rdv === 'Oui' ? 'sur rendez-vous' : null,
    };
  });
}

function servicesDeLOffre(
  offres: Offre[],
  source: string,
  sourceId: string,
  siteCle: string,
  dateDonnees: string,
  origine: 'offre_reseau' | 'demonstration',
  demonstration: boolean,
): StructureAImporter['services'] {
  return offres.map((o) => ({
    source,
    sourceId: `${sourceId}--${o.cle}`,
    origine,
    nom: o.nom,
    description: o.description,
    type: o.type,
    thematiques: o.thematiques,
    publics: o.publics,
    publicsPrecisions: o.publics_precisions,
    conditionsAcces: o.conditions_acces,
    frais: o.frais,
    fraisPrecisions: o.frais_precisions,
    modesAccueil: o.modes_accueil,
    modesMobilisation: o.modes_mobilisation,
    mobilisablePar: o.mobilisable_par,
    mobilisationPrecisions: o.mobilisation_precisions,
    lienMobilisation: o.lien_mobilisation,
    zoneEligibilite: null,
    telephone: null,
    courriel: null,
    demonstration,
    dateDonnees,
    siteCle,
  }));
}

/** Reads the vocabularies, networks, real actor files and (optionally) the demonstration territory. */
export async function lireAnnuaire(reference: ReferenceData, options: { demo: boolean }) {
  const vocabulairesLus = await Promise.all(
    VOCABULAIRES.map(async (v) => ({
      v,
      f: await reference.json<{ value: string; label: string; description: string | null }>(`schemas/data-inclusion/v1/extra/${v}.json`),
    })),
  );
  const connus = new Map(vocabulairesLus.map(({ v, f }) => [v, new Set(f.contenu.map((e) => e.value))]));
  const reseauxTexte = await lireProjet('annuaire/reseaux.json');
  const reseaux = reseauxFichier.parse(reseauxTexte.json);
  const offresTexte = await lireProjet('annuaire/offres-reseaux.json');
  const offres = offresReseauxFichier.parse(offresTexte.json);
  const sourcesTexte = await lireProjet('annuaire/sources-acteurs.json');
  const sources = (sourcesTexte.json as { sources: SourceActeurs[] }).sources;

  const verifier = (vocabulaire: (typeof VOCABULAIRES)[number], valeurs: (string | null)[], ou: string) => {
    for (const v of valeurs)
      if (v !== null && !connus.get(vocabulaire)!.has(v)) throw new Error(`${ou} : « ${v} » n’est pas dans le vocabulaire ${vocabulaire} de data·inclusion`);
  };
  const codesReseaux = new Set(reseaux.map((r) => r.code));
  for (const [code, liste] of Object.entries(offres.offres)) {
    if (!codesReseaux.has(code)) throw new Error(`offres-reseaux.json : réseau ${code} inconnu`);
    for (const o of liste) {
      verifier('thematiques', o.thematiques, `offre ${code}/${o.cle}`);
      verifier('publics', o.publics, `offre ${code}/${o.cle}`);
    }
  }
  for (const r of reseaux) verifier('reseaux-porteurs', [r.reseau_porteur], `réseau ${r.code}`);

  const referentiel: ReferentielAnnuaire = {
    vocabulaires: vocabulairesLus.flatMap(({ v, f }) =>
      f.contenu.map((e, ordre) => ({ vocabulaire: v, valeur: e.value, libelle: e.label, description: e.description, ordre })),
    ),
    reseaux: reseaux.map((r, ordre) => ({
      code: r.code,
      libelle: r.libelle,
      description: r.description,
      reseauPorteur: r.reseau_porteur,
      typologie: r.typologie,
      operateurCep: r.operateur_cep,
      ordre,
    })),
  };

  const resolveur = await ResolveurCommunes.charger(reference);
  const structures: StructureAImporter[] = [];
  const sansCommune: string[] = [];
  for (const source of sources) {
    const fichier = await reference.csv(source.fichier);
    for (const ligne of lignesDe(source.format, fichier.contenu)) {
      const type = source.types[ligne.type];
      if (!type) throw new Error(`${source.fichier} : type « ${ligne.type} » sans correspondance dans sources-acteurs.json`);
      const commune = resolveur.resoudre({
        codeInsee: ligne.codeInsee ?? undefined,
        codePostal: ligne.codePostal ?? undefined,
        nom: ligne.communeNom ?? undefined,
      });
      if (!commune) sansCommune.push(`${source.fichier} ${ligne.sourceId}`);
      const nomSource = nomLisible(ligne.nom, commune);
      const nom = type.prefixe_nom
        ? source.format === 'prescripteurs_2019'
          ? `${type.prefixe_nom} – ${commune?.nom ?? nomLisible(ligne.communeNom ?? '', undefined)}`
          : `${type.prefixe_nom} ${nomSource}`
        : nomSource;
      const aPosition = ligne.latitude !== null && ligne.longitude !== null;
      const dateDonnees = ligne.date ?? source.date_donnees;
      const offresReseau = type.reseau && type.accueil_public ? (offres.offres[type.reseau] ?? []) : [];
      structures.push({
        structure: {
          source: source.source,
          sourceId: ligne.sourceId,
          reseauCode: type.reseau,
          nom,
          siret: ligne.siret,
          description: null,
          telephone: ligne.telephone,
          courriel: null,
          siteWeb: ligne.siteWeb,
          communeCode: commune?.code ?? null,
          departementCode: commune?.departement ?? null,
          regionCode: commune?.region ?? null,
          demonstration: false,
          dateDonnees,
        },
        sites: [
          {
            cle: 'principal',
            source: source.source,
            sourceId: ligne.sourceId,
            nom,
            adresse: ligne.adresse,
            codePostal: ligne.codePostal,
            communeCode: commune?.code ?? null,
            communeNom: commune?.nom ?? ligne.communeNom,
            departementCode: commune?.departement ?? null,
            latitude: aPosition ? ligne.latitude : (commune?.latitude ?? null),
            longitude: aPosition ? ligne.longitude : (commune?.longitude ?? null),
            positionApproximative: !aPosition,
            horaires: parseHoraires(ligne.horaires),
            horairesTexte: ligne.horaires,
            accessibilite: null,
            canaux: [...(type.accueil_public ? ['sur_place'] : []), ...(ligne.telephone ? ['telephone'] : [])],
            telephone: ligne.telephone,
            courriel: null,
            siteWeb: ligne.siteWeb,
            priseRdv: ligne.priseRdv,
            accueilPublic: type.accueil_public,
            demonstration: false,
            dateDonnees,
          },
        ],
        services: servicesDeLOffre(offresReseau, source.source, ligne.sourceId, 'principal', offres.version, 'offre_reseau', false),
        contacts: [],
      });
    }
  }

  if (options.demo) {
    const lu = await lireProjet('demo/nouvelle-aquitaine.json');
    const demo = demoFichier.parse(lu.json);
    for (const s of demo.structures) {
      if (!codesReseaux.has(s.reseau)) throw new Error(`démonstration ${s.cle} : réseau ${s.reseau} inconnu`);
      const communes = new Map(s.sites.map((site) => [site.cle, resolveur.resoudre({ codeInsee: site.commune })]));
      const premiere = communes.get(s.sites[0]!.cle);
      for (const service of s.services) {
        verifier('thematiques', service.thematiques, `démonstration ${s.cle}/${service.cle}`);
        verifier('publics', service.publics, `démonstration ${s.cle}/${service.cle}`);
      }
      structures.push({
        structure: {
          source: SOURCE_DEMO,
          sourceId: s.cle,
          reseauCode: s.reseau,
          nom: s.nom,
          siret: null,
          description: s.description,
          telephone: s.telephone,
          courriel: s.courriel,
          siteWeb: s.site_web,
          communeCode: premiere?.code ?? null,
          departementCode: premiere?.departement ?? null,
          regionCode: premiere?.region ?? demo.region,
          demonstration: true,
          dateDonnees: demo.date_donnees,
        },
        sites: s.sites.map((site) => {
          const commune = communes.get(site.cle);
          if (!commune) throw new Error(`démonstration ${s.cle} : commune ${site.commune} inconnue`);
          return {
            cle: site.cle,
            source: SOURCE_DEMO,
            sourceId: `${s.cle}--${site.cle}`,
            nom: site.nom,
            adresse: site.adresse,
            codePostal: null,
            communeCode: commune.code,
            communeNom: commune.nom,
            departementCode: commune.departement,
            latitude: commune.latitude,
            longitude: commune.longitude,
            positionApproximative: true,
            horaires: parseHoraires(site.horaires),
            horairesTexte: site.horaires,
            accessibilite: site.accessibilite,
            canaux: site.canaux,
            telephone: site.telephone,
            courriel: site.courriel,
            siteWeb: null,
            priseRdv: site.prise_rdv,
            accueilPublic: true,
            demonstration: true,
            dateDonnees: demo.date_donnees,
          };
        }),
        services: [
          ...(s.offres_reseau
            ? s.sites.flatMap((site) =>
                servicesDeLOffre(offres.offres[s.reseau] ?? [], SOURCE_DEMO, `${s.cle}--${site.cle}`, site.cle, demo.date_donnees, 'demonstration', true),
              )
            : []),
          ...s.services.map(({ site, ...o }) => ({
            ...servicesDeLOffre([o], SOURCE_DEMO, `${s.cle}--${site ?? 'distance'}`, site ?? '', demo.date_donnees, 'demonstration', true)[0]!,
            siteCle: site,
          })),
        ],
        contacts: s.contacts.map((c) => ({
          nom: c.nom,
          fonction: c.fonction,
          telephone: c.telephone,
          courriel: c.courriel,
          demonstration: true,
          siteCle: c.site,
        })),
      });
    }
  }

  if (sansCommune.length > 0) {
    throw new Error(`Commune introuvable pour ${sansCommune.length} enregistrement(s) : ${sansCommune.slice(0, 10).join(', ')}`);
  }
  return {
    referentiel,
    structures,
    sources: [...sources.map((s) => s.source), SOURCE_DEMO],
  };
}

/** Fingerprint of everything the directory load reads, the demonstration switch included. */
export async function empreinteAnnuaire(reference: ReferenceData, options: { demo: boolean }): Promise<string> {
  const projet = await Promise.all(
    ['annuaire/reseaux.json', 'annuaire/offres-reseaux.json', 'annuaire/sources-acteurs.json', ...(options.demo ? ['demo/nouvelle-aquitaine.json'] : [])].map(
      async (f) => (await lireProjet(f)).texte,
    ),
  );
  const sources = (JSON.parse(projet[2]!) as { sources: SourceActeurs[] }).sources;
  return reference.empreinteDe(
    [
      ...VOCABULAIRES.map((v) => `schemas/data-inclusion/v1/extra/${v}.json`),
      'geo/communes.csv',
      'geo/communes_deleguees_associees.csv',
      ...sources.map((s) => s.fichier),
    ],
    [...projet, `demo=${options.demo}`, `chargeur=${VERSION_CHARGEUR}`],
  );
}

export async function chargerAnnuaire(database: Database, reference: ReferenceData, options: { demo: boolean }): Promise<number> {
  const [lu, sha] = await Promise.all([lireAnnuaire(reference, options), empreinteAnnuaire(reference, options)]);
  await replaceSources(database.db, { jeu: JEU_ANNUAIRE, empreinte: sha, sources: lu.sources, referentiel: lu.referentiel, structures: lu.structures });
  return lu.structures.length;
}
