import type { Database } from '../src/db/client.js';
import { loadedFingerprint } from '../src/db/chargements.js';
import { JEU_MARCHE_TRAVAIL } from '../src/modules/marche-travail/index.js';
import { JEU_METIERS } from '../src/modules/metiers/index.js';
import { JEU_TERRITOIRE } from '../src/modules/territoire/index.js';
import { JEU_AIGUILLAGE, chargerReglesNationales, empreinteReglesNationales } from './aiguillage.loader.js';
import { JEU_ANNUAIRE, chargerAnnuaire, empreinteAnnuaire } from './annuaire.loader.js';
import { chargerMarcheTravail, empreinteMarcheTravail } from './marche-travail.loader.js';
import { chargerMetiers, empreinteMetiers } from './metiers.loader.js';
import { ReferenceData } from './reference.js';
import { chargerTerritoire, empreinteTerritoire } from './territoire.loader.js';

export interface OptionsChargement {
  referenceDir: string;
  demo: boolean;
  journal?: (message: string) => void;
}

/**
 * Loads the reference data sets that are missing or whose files changed since they were loaded
 * (geography first: the directory resolves its communes against it). Returns what was loaded.
 */
export async function chargerReferentiels(database: Database, options: OptionsChargement): Promise<string[]> {
  const reference = new ReferenceData(options.referenceDir);
  const journal = options.journal ?? (() => {});
  const charges: string[] = [];
  if ((await loadedFingerprint(database.db, JEU_TERRITOIRE)) !== (await empreinteTerritoire(reference))) {
    const debut = performance.now();
    journal('Chargement du référentiel géographique (régions, départements, communes, contours, zones d’emploi, bassins BMO)…');
    await chargerTerritoire(database, reference);
    journal(`Référentiel géographique chargé en ${((performance.now() - debut) / 1000).toFixed(1)} s.`);
    charges.push(JEU_TERRITOIRE);
  }
  if ((await loadedFingerprint(database.db, JEU_ANNUAIRE)) !== (await empreinteAnnuaire(reference, { demo: options.demo }))) {
    const debut = performance.now();
    journal(`Chargement de l’annuaire (lieux réels${options.demo ? ' et territoire de démonstration Nouvelle-Aquitaine' : ''})…`);
    const n = await chargerAnnuaire(database, reference, { demo: options.demo });
    journal(`Annuaire chargé : ${n} structures en ${((performance.now() - debut) / 1000).toFixed(1)} s.`);
    charges.push(JEU_ANNUAIRE);
  }
  if ((await loadedFingerprint(database.db, JEU_AIGUILLAGE)) !== (await empreinteReglesNationales())) {
    const { version, installee } = await chargerReglesNationales(database);
    journal(`Règles d’aiguillage nationales : version ${version}${installee ? ' enregistrée' : ' déjà enregistrée'}.`);
    charges.push(JEU_AIGUILLAGE);
  }
  if ((await loadedFingerprint(database.db, JEU_METIERS)) !== (await empreinteMetiers(reference))) {
    const debut = performance.now();
    journal('Chargement du ROME 4.0 (fiches métier, appellations, compétences, savoirs, mobilités, arborescences)…');
    const version = await chargerMetiers(database, reference);
    journal(`ROME ${version.numero} (${version.libelle}) chargé en ${((performance.now() - debut) / 1000).toFixed(1)} s.`);
    charges.push(JEU_METIERS);
  }
  if ((await loadedFingerprint(database.db, JEU_MARCHE_TRAVAIL)) !== (await empreinteMarcheTravail(reference))) {
    const debut = performance.now();
    journal('Chargement du marché du travail local (BMO 2024, tension 2020, taux de chômage par zone d’emploi)…');
    const n = await chargerMarcheTravail(database, reference);
    journal(`Marché du travail chargé : ${n} lignes BMO en ${((performance.now() - debut) / 1000).toFixed(1)} s.`);
    charges.push(JEU_MARCHE_TRAVAIL);
  }
  return charges;
}
