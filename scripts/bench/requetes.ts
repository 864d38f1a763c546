import { Aleatoire, TirageProportionnel } from './aleatoire.js';
import type { CommuneBench } from './synthetique.js';

/** One search of the mix: a route and its query string, with the kind of search it stands for. */
export interface RequeteBench {
  categorie: string;
  route: 'services' | 'sites';
  params: Record<string, string>;
}

export const urlDe = (r: RequeteBench) => `/api/v1/${r.route}?${new URLSearchParams(r.params).toString()}`;

// What people type: needs, sometimes misspelt, accents often missing.
const BESOINS = [
  'bilan de competance',
  'bilan de compétences',
  'formation',
  'cv',
  'lettre de motivation',
  'vae',
  'reconversion',
  'reconversion profesionnelle',
  'creation entreprise',
  'créer mon entreprise',
  'handicap emploi',
  'apprentisage',
  'orientation',
  'aide numerique',
  'demarches administratives',
  'conseil en evolution professionnelle',
  'recherche d emploi',
  'entretien d embauche',
  'formation cariste',
  'jeunes',
  'acces aux droits',
  'valoriser ses competences',
];
const NOMS_LIEUX = ['france travail', 'mission locale', 'cio', 'maison de l emploi', 'france services', 'espace tremplin', 'cap emploi'];
const RAYONS = ['10', '20', '30', '50'];

/**
 * The fixed mix of searches (same seed, same mix): need words alone, around a commune drawn in
 * proportion to its population, with filters, page 2, sorted by distance, and places by name.
 */
export function genererRequetes(communes: CommuneBench[], graine: number): RequeteBench[] {
  const alea = new Aleatoire(graine);
  const parPopulation = new TirageProportionnel(communes, (c) => c.population);
  const commune = () => parPopulation.tirer(alea).code;
  const besoin = () => alea.choisir(BESOINS);
  const requetes: RequeteBench[] = [];
  const ajouter = (n: number, categorie: string, route: RequeteBench['route'], params: () => Record<string, string>) => {
    for (let i = 0; i < n; i++) requetes.push({ categorie, route, params: params() });
  };
  ajouter(10, 'mots seuls', 'services', () => ({ q: besoin() }));
  ajouter(14, 'mots + commune', 'services', () => ({ q: besoin(), commune: commune(), rayon_km: alea.choisir(RAYONS) }));
  ajouter(8, 'commune seule', 'services', () => ({ commune: commune(), rayon_km: alea.choisir(RAYONS) }));
  ajouter(8, 'filtres + commune', 'services', () => ({
    commune: commune(),
    rayon_km: alea.choisir(RAYONS),
    ...(alea.nombre() < 0.6 ? { thematiques: alea.choisir(['se-former', 'choisir-un-metier', 'trouver-un-emploi', 'creer-une-entreprise']) } : {}),
    publics: alea.choisir(['jeunes', 'demandeurs-emploi', 'actifs', 'personnes-en-situation-de-handicap']),
  }));
  ajouter(6, 'mots + filtres', 'services', () => ({
    q: besoin(),
    thematiques: alea.choisir(['se-former--trouver-sa-formation', 'choisir-un-metier', 'preparer-sa-candidature']),
    publics: alea.choisir(['jeunes', 'actifs']),
  }));
  ajouter(6, 'page 2', 'services', () => ({ q: besoin(), commune: commune(), rayon_km: '30', page: '2' }));
  ajouter(4, 'tri distance', 'services', () => ({ q: besoin(), commune: commune(), tri: 'distance' }));
  ajouter(4, 'lieux par nom', 'sites', () => ({ q: alea.choisir(NOMS_LIEUX) }));
  ajouter(4, 'lieux autour', 'sites', () => ({
    commune: commune(),
    rayon_km: alea.choisir(RAYONS),
    ...(alea.nombre() < 0.5 ? { q: alea.choisir(NOMS_LIEUX) } : {}),
  }));
  return requetes;
}
