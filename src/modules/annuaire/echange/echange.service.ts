import type { ServiceContext } from '../../../shared/contexte.js';
import { findCommunes } from '../../territoire/index.js';
import { toOsmOpeningHours } from '../annuaire.horaires.js';
import { insertStructures } from '../annuaire.referentiel.js';
import { refreshLexique } from '../annuaire.repository.js';
import { type NomVocabulaire, type ServiceExporte, type StructureExportee, VOCABULAIRES_DATA_INCLUSION, type Vocabulaires } from './echange.contract.js';
import { echangeErrors } from './echange.errors.js';
import { courrielOuNull, motifOuNull, nomBorne, telephoneE164, texteOuNull, urlComplete } from './echange.format.js';
import {
  type CommuneConnue,
  type LigneInvalide,
  analyserServices,
  analyserStructures,
  codesInseeDe,
  ecarterCommunesInconnues,
  lireFichier,
  sourceEtIdentifiant,
  versStructuresAImporter,
} from './echange.lignes.js';
import * as repository from './echange.repository.js';

const idExporte = (source: string, sourceId: string) => `${source}--${sourceId}`;
const listeOuNull = (l: string[] | null | undefined) => (l && l.length ? [...new Set(l)] : null);
const CODE_INSEE = /^\w{5}$/;
const CODE_POSTAL = /^\d{5}$/;

// An approximate position is the commune's centroid, not the place, and an impossible one is an
// error of the source file: data·inclusion gets none.
function position(row: { latitude: number | null; longitude: number | null; position_approximative: boolean | null }) {
  const { latitude, longitude } = row;
  return row.position_approximative || latitude === null || longitude === null || Math.abs(latitude) > 90 || Math.abs(longitude) > 180
    ? { latitude: null, longitude: null }
    : { latitude, longitude };
}

function lieu(row: repository.StructureExportRow | repository.ServiceExportRow) {
  return {
    adresse: texteOuNull(row.adresse),
    complement_adresse: null,
    code_insee: motifOuNull(row.commune_code, CODE_INSEE),
    code_postal: motifOuNull(row.code_postal, CODE_POSTAL),
    commune: texteOuNull(row.commune_nom),
    ...position(row),
    horaires_accueil: toOsmOpeningHours(row.horaires),
  };
}

/** Real structures of the directory as data·inclusion v1 structures (demonstration ones never). */
export async function exportStructures(ctx: Pick<ServiceContext, 'db'>): Promise<StructureExportee[]> {
  const lignes = await repository.listStructuresExport(ctx.db);
  return lignes.map((s) => ({
    id: idExporte(s.source, s.source_id),
    source: s.source,
    nom: nomBorne(s.nom),
    date_maj: s.date_donnees,
    ...lieu(s),
    telephone: telephoneE164(s.telephone ?? s.site_telephone),
    courriel: courrielOuNull(s.courriel) ?? courrielOuNull(s.site_courriel),
    site_web: urlComplete(s.site_web) ?? urlComplete(s.site_site_web),
    siret: motifOuNull(s.siret, /^\d{14}$/),
    description: texteOuNull(s.description, 5),
    // The directory keeps accessibility as text; only an Accèslibre link has its place here.
    accessibilite_lieu: s.accessibilite && /^https?:\/\//.test(s.accessibilite.trim()) ? urlComplete(s.accessibilite) : null,
    lien_source: null,
    reseaux_porteurs: s.reseau_porteur ? [s.reseau_porteur] : null,
  }));
}

/** Real services as data·inclusion v1 services, located at their place. */
export async function exportServices(ctx: Pick<ServiceContext, 'db'>): Promise<ServiceExporte[]> {
  const lignes = await repository.listServicesExport(ctx.db);
  return lignes.map((v) => ({
    id: idExporte(v.source, v.source_id),
    source: v.source,
    structure_id: idExporte(v.structure_source, v.structure_source_id),
    nom: nomBorne(v.nom),
    description: texteOuNull(v.description, 5) ?? `Service : ${nomBorne(v.nom)}`,
    date_maj: v.date_donnees,
    ...lieu(v),
    telephone: telephoneE164(v.telephone),
    courriel: courrielOuNull(v.courriel),
    type: v.type,
    thematiques: listeOuNull(v.thematiques),
    publics: listeOuNull(v.publics),
    publics_precisions: texteOuNull(v.publics_precisions),
    conditions_acces: texteOuNull(v.conditions_acces),
    frais: v.frais,
    frais_precisions: texteOuNull(v.frais_precisions),
    modes_accueil: listeOuNull(v.modes_accueil),
    modes_mobilisation: listeOuNull(v.modes_mobilisation),
    mobilisable_par: listeOuNull(v.mobilisable_par),
    mobilisation_precisions: texteOuNull(v.mobilisation_precisions),
    lien_mobilisation: urlComplete(v.lien_mobilisation),
    lien_source: null,
    contact_nom_prenom: null,
    nombre_semaines: null,
    volume_horaire_hebdomadaire: null,
    zone_eligibilite: listeOuNull(v.zone_eligibilite),
  }));
}

export interface FichierAImporter {
  /** Name shown in the report (the path given on the command line). */
  nom: string;
  texte: string;
}

export interface DemandeImport {
  structures: FichierAImporter;
  services: FichierAImporter;
  /** Imports every record under this source instead of its own. */
  source: string | null;
  ignorerLignesInvalides: boolean;
  /** Sources fed by the platform's reference data: an import must not replace them. */
  sourcesReservees: string[];
}

export interface BilanFichier {
  fichier: string;
  lues: number;
  valides: number;
  invalides: LigneInvalide[];
}

export interface RapportImport {
  structures: BilanFichier;
  services: BilanFichier;
  /** False when a file had a bad row and bad rows were not to be skipped: nothing was written. */
  importe: boolean;
  sources: { source: string; remplacees: number; structures: number; services: number }[];
  avertissements: string[];
}

const SOURCE = /^[a-z0-9][a-z0-9_-]{0,99}$/;

async function vocabulaires(ctx: Pick<ServiceContext, 'db'>): Promise<Vocabulaires> {
  const lignes = await repository.listVocabulaires(ctx.db);
  const resultat = {} as Record<NomVocabulaire, string[]>;
  for (const nom of VOCABULAIRES_DATA_INCLUSION) resultat[nom] = lignes.filter((l) => l.vocabulaire === nom).map((l) => l.valeur);
  return resultat;
}

async function communesDe(ctx: Pick<ServiceContext, 'db'>, codes: Set<string>): Promise<Map<string, CommuneConnue>> {
  const trouvees = await findCommunes(ctx, [...codes]);
  return new Map(
    trouvees.map((c) => [
      c.code,
      { code: c.code, nom: c.nom, departement: c.departement.code, region: c.region.code, latitude: c.latitude, longitude: c.longitude },
    ]),
  );
}

/**
 * Imports data·inclusion files: every row is checked (schema, vocabularies of v1/extra, links
 * between services and structures) and reported with its line; with any bad row nothing is
 * written unless bad rows are to be skipped. Valid rows replace, in one transaction, what an
 * earlier import of the same sources wrote.
 */
export async function importDataInclusion(ctx: Pick<ServiceContext, 'db'>, demande: DemandeImport): Promise<RapportImport> {
  if (demande.source !== null && !SOURCE.test(demande.source)) throw echangeErrors.sourceInvalide(demande.source);
  const vocab = await vocabulaires(ctx);
  const lignesStructures = lireFichier(demande.structures.texte, demande.structures.nom);
  const lignesServices = lireFichier(demande.services.texte, demande.services.nom);
  // Looked up before the rows are judged: a row naming an unknown commune is a bad row, and a
  // service of a refused structure is refused with it.
  const communes = await communesDe(ctx, new Set([...codesInseeDe(lignesStructures), ...codesInseeDe(lignesServices)]));
  const connues = new Set(communes.keys());
  const structures = ecarterCommunesInconnues(demande.structures.nom, analyserStructures(lignesStructures, vocab, demande.structures.nom), connues);
  const services = ecarterCommunesInconnues(demande.services.nom, analyserServices(lignesServices, vocab, structures, demande.services.nom), connues);
  const bilan = (fichier: string, a: { valides: unknown[]; invalides: LigneInvalide[] }): BilanFichier => ({
    fichier,
    lues: a.valides.length + a.invalides.length,
    valides: a.valides.length,
    invalides: a.invalides,
  });
  const rapport: RapportImport = {
    structures: bilan(demande.structures.nom, structures),
    services: bilan(demande.services.nom, services),
    importe: false,
    sources: [],
    avertissements: [],
  };
  if ((structures.invalides.length || services.invalides.length) && !demande.ignorerLignesInvalides) return rapport;

  const sources = [...new Set(structures.valides.map((s) => sourceEtIdentifiant(s.enregistrement.id, s.enregistrement.source, demande.source).source))];
  const reservees = sources.filter((s) => demande.sourcesReservees.includes(s));
  if (reservees.length) throw echangeErrors.sourceReservee(reservees);

  const reseaux = await repository.listReseauxPorteurs(ctx.db);
  const converti = versStructuresAImporter(
    structures.valides.map((s) => s.enregistrement),
    services.valides.map((s) => s.enregistrement),
    {
      source: demande.source,
      communes,
      // Several networks may share a data·inclusion network: the first one listed is the reference.
      reseauxParPorteur: new Map([...reseaux].reverse().map((r) => [r.reseau_porteur, r.code])),
    },
  );
  rapport.avertissements = converti.avertissements;

  const remplacees = await ctx.db.transaction(async (tx) => {
    const avant = await repository.countStructuresBySource(tx, sources);
    await repository.deleteStructuresOfSources(tx, sources);
    await insertStructures(tx, converti.structures);
    await refreshLexique(tx);
    return avant;
  });
  rapport.importe = true;
  rapport.sources = sources.map((source) => {
    const siennes = converti.structures.filter((s) => s.structure.source === source);
    return { source, remplacees: remplacees.get(source) ?? 0, structures: siennes.length, services: siennes.reduce((n, s) => n + s.services.length, 0) };
  });
  return rapport;
}
