import { normaliserTexte } from '../src/shared/texte.js';
import type { ReferenceData } from './reference.js';

export interface CommuneResolue {
  code: string;
  nom: string;
  departement: string;
  region: string;
  latitude: number | null;
  longitude: number | null;
}

/**
 * Finds the current (COG 2026) commune of a record of an older file: by INSEE code, through the
 * merged communes' former codes, else by postcode and name, else the postcode's main commune.
 */
export class ResolveurCommunes {
  private constructor(
    private readonly parCode: Map<string, CommuneResolue>,
    private readonly parCodePostal: Map<string, CommuneResolue[]>,
    private readonly anciensCodes: Map<string, string>,
    private readonly population: Map<string, number>,
    private readonly anciennesParNom: Map<string, string>,
  ) {}

  static async charger(reference: ReferenceData): Promise<ResolveurCommunes> {
    const [communes, deleguees] = await Promise.all([reference.csv('geo/communes.csv'), reference.csv('geo/communes_deleguees_associees.csv')]);
    const parCode = new Map<string, CommuneResolue>();
    const parCodePostal = new Map<string, CommuneResolue[]>();
    const population = new Map<string, number>();
    for (const c of communes.contenu) {
      const commune: CommuneResolue = {
        code: c.code_insee!,
        nom: c.nom!,
        departement: c.departement!,
        region: c.region!,
        latitude: c.latitude ? Number(c.latitude) : null,
        longitude: c.longitude ? Number(c.longitude) : null,
      };
      parCode.set(commune.code, commune);
      population.set(commune.code, Number(c.population || 0));
      for (const cp of (c.codes_postaux ?? '').split('|').filter(Boolean)) {
        parCodePostal.set(cp, [...(parCodePostal.get(cp) ?? []), commune]);
      }
    }
    for (const liste of parCodePostal.values()) liste.sort((a, b) => population.get(b.code)! - population.get(a.code)!);
    const anciensCodes = new Map(deleguees.contenu.map((d) => [d.code_insee!, d.commune_rattachement!]));
    const anciennesParNom = new Map(deleguees.contenu.map((d) => [`${d.departement!.slice(0, 2)}:${normaliserTexte(d.nom!)}`, d.commune_rattachement!]));
    return new ResolveurCommunes(parCode, parCodePostal, anciensCodes, population, anciennesParNom);
  }

  resoudre(indices: { codeInsee?: string | undefined; codePostal?: string | undefined; nom?: string | undefined }): CommuneResolue | undefined {
    if (indices.codeInsee) {
      const directe = this.parCode.get(indices.codeInsee) ?? this.parCode.get(this.anciensCodes.get(indices.codeInsee) ?? '');
      if (directe) return directe;
    }
    const candidates = indices.codePostal ? (this.parCodePostal.get(indices.codePostal) ?? []) : [];
    if (indices.nom) {
      // "PARIS 20", "MARSEILLE 10" name an arrondissement: the commune is the city.
      const nom = normaliserTexte(indices.nom)
        .replace(/ \d+( e| er)?$/, '')
        .replace(/ cedex.*$/, '');
      const memeNom = candidates.find((c) => normaliserTexte(c.nom) === nom);
      if (memeNom) return memeNom;
    }
    if (candidates[0]) return candidates[0];
    // A CEDEX postcode is not a distribution postcode: try the département's communes by name,
    // then by the start of their name ("ROMANS" is now Romans-sur-Isère, "LAMBALLE" Lamballe-Armor).
    if (indices.codePostal && indices.nom) {
      const nom = normaliserTexte(indices.nom)
        .replace(/ cedex.*$/, '')
        .replace(/ \d+( e| er)?$/, '');
      // Overseas CEDEX postcodes (97713) do not name their département: any overseas one will do.
      const departement = indices.codePostal.slice(0, 2);
      const duDepartement = [...this.parCode.values()].filter((c) =>
        departement === '20' ? c.departement.startsWith('2') : c.departement.slice(0, 2) === departement,
      );
      const exacte = duDepartement.find((c) => normaliserTexte(c.nom) === nom);
      if (exacte) return exacte;
      const prefixe = duDepartement
        .filter((c) => normaliserTexte(c.nom).startsWith(`${nom} `))
        .sort((a, b) => this.population.get(b.code)! - this.population.get(a.code)!)[0];
      if (prefixe) return prefixe;
      // A former commune now delegated ("SEYNOD" is in Annecy).
      const ancienne = this.anciennesParNom.get(`${departement}:${nom}`);
      if (ancienne) return this.parCode.get(ancienne);
    }
    return undefined;
  }
}
