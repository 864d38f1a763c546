import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'csv-parse/sync';

interface EntreeManifeste {
  bytes: number;
  sha256: string;
  rows?: number;
  columns?: string[];
  items?: number;
  features?: number;
}

export class ReferenceDataError extends Error {
  override name = 'ReferenceDataError';
}

/** A reference file read from ../shared/data, checked against MANIFEST.json before use. */
export interface FichierReference<T> {
  fichier: string;
  sha256: string;
  contenu: T;
}

/** Reads the reference data folder; every read checks size, sha256 and row count against the manifest. */
export class ReferenceData {
  private manifeste: Record<string, EntreeManifeste> | undefined;

  constructor(readonly dossier: string) {}

  private async entree(fichier: string): Promise<EntreeManifeste> {
    if (!this.manifeste) {
      const chemin = path.join(this.dossier, 'MANIFEST.json');
      try {
        this.manifeste = JSON.parse(await readFile(chemin, 'utf8')) as Record<string, EntreeManifeste>;
      } catch (error) {
        throw new ReferenceDataError(
          `Données de référence introuvables : ${chemin} (${(error as Error).message}). Indiquez leur dossier par REFERENCE_DATA_DIR.`,
        );
      }
    }
    const entree = this.manifeste[fichier];
    if (!entree) throw new ReferenceDataError(`${fichier} ne figure pas dans MANIFEST.json.`);
    return entree;
  }

  private async lire(fichier: string, encodage: 'utf8' | 'windows-1252' = 'utf8'): Promise<{ texte: string; sha256: string; entree: EntreeManifeste }> {
    const entree = await this.entree(fichier);
    const octets = await readFile(path.join(this.dossier, fichier));
    const sha256 = createHash('sha256').update(octets).digest('hex');
    if (sha256 !== entree.sha256) {
      throw new ReferenceDataError(`${fichier} : empreinte ${sha256} différente de celle du manifeste (${entree.sha256}).`);
    }
    return { texte: new TextDecoder(encodage).decode(octets), sha256, entree };
  }

  private static verifierCompte(fichier: string, attendu: number | undefined, lu: number): void {
    if (attendu !== undefined && attendu !== lu) {
      throw new ReferenceDataError(`${fichier} : ${lu} lignes lues, ${attendu} attendues d’après MANIFEST.json.`);
    }
  }

  /** A CSV file's rows; `encodage` for the few files published in Windows-1252 despite their name. */
  async csv(fichier: string, encodage: 'utf8' | 'windows-1252' = 'utf8'): Promise<FichierReference<Record<string, string>[]>> {
    const { texte, sha256, entree } = await this.lire(fichier, encodage);
    const lignes = parse(texte, { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
    ReferenceData.verifierCompte(fichier, entree.rows, lignes.length);
    const colonnes = lignes[0] ? Object.keys(lignes[0]) : [];
    if (entree.columns && entree.columns.join(',') !== colonnes.join(',')) {
      throw new ReferenceDataError(`${fichier} : colonnes ${colonnes.join(',')} au lieu de ${entree.columns.join(',')}.`);
    }
    return { fichier, sha256, contenu: lignes };
  }

  async json<T>(fichier: string): Promise<FichierReference<T[]>> {
    const { texte, sha256, entree } = await this.lire(fichier);
    const items = JSON.parse(texte) as T[];
    ReferenceData.verifierCompte(fichier, entree.items, items.length);
    return { fichier, sha256, contenu: items };
  }

  async geojson<P>(fichier: string): Promise<FichierReference<{ properties: P; geometry: unknown }[]>> {
    const { texte, sha256, entree } = await this.lire(fichier);
    const collection = JSON.parse(texte) as { features: { properties: P; geometry: unknown }[] };
    ReferenceData.verifierCompte(fichier, entree.features, collection.features.length);
    return { fichier, sha256, contenu: collection.features };
  }

  /** Fingerprint of a set of files from the manifest alone (no read): tells whether a load is current. */
  async empreinteDe(fichiers: string[], textesProjet: string[] = []): Promise<string> {
    const shas = await Promise.all(fichiers.map(async (f) => (await this.entree(f)).sha256));
    const hash = createHash('sha256').update(shas.join(','));
    for (const t of textesProjet) hash.update('\n').update(t);
    return hash.digest('hex');
  }

  /** A plain text file (release notes), checked against the manifest like the others. */
  async texte(fichier: string): Promise<FichierReference<string>> {
    const { texte, sha256 } = await this.lire(fichier);
    return { fichier, sha256, contenu: texte };
  }

  /** The raw schema files (data·inclusion), also checked against the manifest. */
  async schema(fichier: string): Promise<Record<string, unknown>> {
    const { texte } = await this.lire(fichier);
    return JSON.parse(texte) as Record<string, unknown>;
  }
}
