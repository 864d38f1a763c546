import type { CriteresRecherche } from '../../api/annuaire.js';

export const RAYONS_KM = [5, 10, 20, 30, 50, 100, 200] as const;
export const TAILLE_PAGE = 10;

/** The directory search as kept in the page address (so that back, reload and shared links work). */
export interface Criteres {
  q: string;
  commune: string;
  rayon_km: string;
  thematique: string;
  public: string;
  reseau: string;
  tri: '' | 'pertinence' | 'distance';
  page: number;
}

export const criteresVides: Criteres = { q: '', commune: '', rayon_km: '', thematique: '', public: '', reseau: '', tri: '', page: 1 };

export function lireCriteres(recherche: string): Criteres {
  const p = new URLSearchParams(recherche);
  const page = Number.parseInt(p.get('page') ?? '1', 10);
  const tri = p.get('tri');
  return {
    q: p.get('q') ?? '',
    commune: p.get('commune') ?? '',
    rayon_km: p.get('rayon_km') ?? '',
    thematique: p.get('thematiques') ?? '',
    public: p.get('publics') ?? '',
    reseau: p.get('reseaux') ?? '',
    tri: tri === 'pertinence' || tri === 'distance' ? tri : '',
    page: Number.isFinite(page) && page >= 1 ? page : 1,
  };
}

export function urlAnnuaire(c: Partial<Criteres>): string {
  const p = new URLSearchParams();
  if (c.q) p.set('q', c.q);
  if (c.commune) p.set('commune', c.commune);
  if (c.rayon_km) p.set('rayon_km', c.rayon_km);
  if (c.thematique) p.set('thematiques', c.thematique);
  if (c.public) p.set('publics', c.public);
  if (c.reseau) p.set('reseaux', c.reseau);
  if (c.tri) p.set('tri', c.tri);
  if (c.page && c.page > 1) p.set('page', String(c.page));
  const texte = p.toString();
  return texte ? `/annuaire?${texte}` : '/annuaire';
}

export function versRequete(c: Criteres): CriteresRecherche {
  const rayon = Number(c.rayon_km);
  return {
    q: c.q || undefined,
    commune: c.commune || undefined,
    rayon_km: c.rayon_km && Number.isFinite(rayon) ? rayon : undefined,
    thematiques: c.thematique ? [c.thematique] : undefined,
    publics: c.public ? [c.public] : undefined,
    reseaux: c.reseau ? [c.reseau] : undefined,
    tri: c.tri || undefined,
    page: c.page,
    par_page: TAILLE_PAGE,
  };
}
