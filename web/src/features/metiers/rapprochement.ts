import type { Experience, RapprochementReponse } from '../../api/metiers.js';

export const EXPERIENCES_PAGE_MAX = 3;

/** An experience as the page shows it: what the person chose, and the fiche it belongs to. */
export interface ExperienceChoisie {
  experience: Experience;
  libelle: string;
  codeRome: string;
}

export interface EtatRapprochement {
  experiences: ExperienceChoisie[];
  /** Codes of the skills ticked, whatever experience offered them. */
  cochees: string[];
  resultat: RapprochementReponse | null;
}

export const ETAT_VIDE: EtatRapprochement = { experiences: [], cochees: [], resultat: null };

export const cleExperience = (e: Experience) => ('appellation' in e ? `a${e.appellation}` : `m${e.metier}`);

export function estEtatRapprochement(v: unknown): v is EtatRapprochement {
  const e = v as EtatRapprochement | null;
  return (
    !!e &&
    Array.isArray(e.experiences) &&
    e.experiences.every((x) => typeof x?.libelle === 'string' && typeof x.codeRome === 'string' && typeof x.experience === 'object') &&
    Array.isArray(e.cochees) &&
    e.cochees.every((c) => typeof c === 'string') &&
    (e.resultat === null || Array.isArray(e.resultat?.suggestions))
  );
}
