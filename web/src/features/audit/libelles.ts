import { dateEcrite } from '../../components/dates.js';
const DATE_HEURE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'medium', timeStyle: 'short' });

/** "10 mars 2026, 10:05", in Paris time. */
export const dateHeure = (iso: string) => dateEcrite(DATE_HEURE, new Date(iso));

export const RESULTATS = {
  succes: { libelle: 'Autorisé', severite: 'success' },
  refus: { libelle: 'Refusé', severite: 'error' },
  echec: { libelle: 'Échec', severite: 'warning' },
} as const;

const TYPES_CIBLE: Record<string, string> = {
  dossier: 'Dossier',
  structure: 'Fiche de la structure',
  site: 'Lieu',
  service: 'Service',
  contact: 'Contact',
  utilisateur: 'Compte',
  journal_acces_structure: 'Journal des accès',
  journal_acces_personne: 'Journal des accès',
};

/** The record touched, in words: its kind, then its reference. */
export function libelleCible(cible: { type: string | null; id: string | null }): string {
  const type = cible.type ? (TYPES_CIBLE[cible.type] ?? cible.type) : null;
  return [type, cible.id ? `n° ${cible.id}` : null].filter(Boolean).join(' ') || '—';
}
