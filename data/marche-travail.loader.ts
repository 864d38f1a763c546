import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../src/db/client.js';
import { type DonneesMarcheTravail, replaceReferentielMarcheTravail } from '../src/modules/marche-travail/index.js';
import { normaliserTexte } from '../src/shared/texte.js';
import { z } from '../src/shared/zod.js';
import { type ReferenceData, ReferenceDataError } from './reference.js';

const fichierSources = path.join(path.dirname(fileURLToPath(import.meta.url)), 'marche-travail', 'sources.json');

const sourcesFichier = z.strictObject({
  description: z.string(),
  sources: z.array(
    z.strictObject({
      code: z.enum(['bmo_2024', 'fap_2021', 'tension_2020', 'chomage_ze_2020']),
      libelle: z.string().min(5),
      producteur: z.string().min(2),
      licence: z.string().min(2),
      periode: z.string().min(4),
      date_fichier: z.iso.date(),
      avertissement: z.string().nullable(),
    }),
  ),
});

export const FICHIERS_MARCHE_TRAVAIL = [
  'marche-travail/bmo_2024.csv',
  'marche-travail/bmo_2024_metiers.csv',
  'marche-travail/fap2021_nomenclature.csv',
  'marche-travail/tension_2020_rome_v3_bassin_bmo.csv',
  'marche-travail/zones_emploi_2020_taux_chomage.csv',
];

export const empreinteMarcheTravail = async (reference: ReferenceData) =>
  reference.empreinteDe(FICHIERS_MARCHE_TRAVAIL, [await readFile(fichierSources, 'utf8')]);

/** A BMO count as published: "*" is France Travail's statistical secrecy, kept apart from 0. */
export function lireEffectif(brut: string, ou: string): { valeur: number | null; secret: boolean } {
  const texte = brut.trim();
  if (texte === '*') return { valeur: null, secret: true };
  if (!/^\d+$/.test(texte)) throw new ReferenceDataError(`${ou} : effectif « ${brut} » illisible (entier ou * attendu).`);
  return { valeur: Number(texte), secret: false };
}

function entier(brut: string | undefined, ou: string): number {
  if (brut === undefined || !/^\d+$/.test(brut.trim())) throw new ReferenceDataError(`${ou} : entier attendu, « ${brut ?? ''} » lu.`);
  return Number(brut);
}

/** Reads and checks the labour-market files of ../shared/data and the project's description of their sources. */
export async function lireMarcheTravail(reference: ReferenceData): Promise<DonneesMarcheTravail> {
  const [bmo, metiers, nomenclature, tension, chomage, sourcesTexte] = await Promise.all([
    reference.csv('marche-travail/bmo_2024.csv'),
    reference.csv('marche-travail/bmo_2024_metiers.csv'),
    reference.csv('marche-travail/fap2021_nomenclature.csv'),
    reference.csv('marche-travail/tension_2020_rome_v3_bassin_bmo.csv'),
    reference.csv('marche-travail/zones_emploi_2020_taux_chomage.csv'),
    readFile(fichierSources, 'utf8'),
  ]);
  const { sources } = sourcesFichier.parse(JSON.parse(sourcesTexte));
  const codesSources = new Set(sources.map((s) => s.code));
  for (const code of ['bmo_2024', 'fap_2021', 'tension_2020', 'chomage_ze_2020'] as const) {
    if (!codesSources.has(code)) throw new ReferenceDataError(`${fichierSources} : source ${code} absente.`);
  }

  // The FAP 341 labels of a FAP 228 family are searched with it ("bovins" finds "Eleveurs").
  const libellesFap341 = new Map<string, string[]>();
  for (const f of nomenclature.contenu) {
    const liste = libellesFap341.get(f.Code_FAP228!) ?? [];
    liste.push(f['Intitulé_FAP341']!);
    libellesFap341.set(f.Code_FAP228!, liste);
  }

  return {
    sources: sources.map((s) => ({
      code: s.code,
      libelle: s.libelle,
      producteur: s.producteur,
      licence: s.licence,
      periode: s.periode,
      dateFichier: s.date_fichier,
      avertissement: s.avertissement,
    })),
    fap: nomenclature.contenu.map((f) => ({
      codeFap341: f.Code_FAP341!,
      libelleFap341: f['Intitulé_FAP341']!.trim(),
      codeFap228: f.Code_FAP228!,
      libelleFap228: f['Intitulé_FAP228']!.trim(),
      codeFap86: f.Code_FAP86!,
      libelleFap86: f['Intitulé_FAP86']!.trim(),
      codeFap22: f.Code_FAP22!,
      libelleFap22: f['Intitulé_FAP22']!.trim(),
      source: 'fap_2021',
    })),
    metiersBmo: metiers.contenu.map((m) => {
      const libelle = m.nom_metier_bmo!.trim();
      return {
        code: m.code_metier_bmo!,
        libelle,
        familleCode: m.famille_met!,
        familleLibelle: m.lbl_fam_met!.trim(),
        recherche: normaliserTexte([libelle, ...(libellesFap341.get(m.code_metier_bmo!) ?? [])].join(' ')),
        source: 'bmo_2024',
      };
    }),
    projetsBmo: bmo.contenu.map((l, i) => {
      const ou = `bmo_2024.csv ligne ${i + 2}`;
      const projets = lireEffectif(l.met!, ou);
      const difficiles = lireEffectif(l.xmet!, ou);
      const saisonniers = lireEffectif(l.smet!, ou);
      return {
        annee: entier(l.annee, ou),
        metierCode: l.code_metier_bmo!,
        bassinCode: l.be24!,
        departementCode: l.dept!,
        projets: projets.valeur,
        projetsSecret: projets.secret,
        difficiles: difficiles.valeur,
        difficilesSecret: difficiles.secret,
        saisonniers: saisonniers.valeur,
        saisonniersSecret: saisonniers.secret,
        source: 'bmo_2024',
      };
    }),
    tensions: tension.contenu.map((l, i) => {
      const ou = `tension_2020_rome_v3_bassin_bmo.csv ligne ${i + 2}`;
      return {
        annee: entier(l.annee, ou),
        romeCode: l.ROME!,
        romeLibelle: l.rome_label!.trim(),
        bassinCode: l.cbassin!,
        offres: entier(l.oee, ou),
        demandeurs: entier(l.defm_abc, ou),
        indiceTension: entier(l.ind_tension_d, ou),
        source: 'tension_2020',
      };
    }),
    tauxChomage: chomage.contenu.map((l) => ({
      zoneEmploiCode: l.code_ze2020!,
      trimestre: l.trimestre!,
      taux: l.taux_chomage!,
      source: 'chomage_ze_2020',
    })),
  };
}

export async function chargerMarcheTravail(database: Database, reference: ReferenceData): Promise<number> {
  const [donnees, sha] = await Promise.all([lireMarcheTravail(reference), empreinteMarcheTravail(reference)]);
  await replaceReferentielMarcheTravail(database.db, donnees, sha);
  return donnees.projetsBmo.length;
}
