import type { RoleEquipe } from './api.js';
import { dateEcrite } from '../../components/dates.js';

/** The roles a manager can give, in the order the lists show them. */
export const ROLES_EQUIPE: { valeur: RoleEquipe; libelle: string }[] = [
  { valeur: 'advisor', libelle: 'Conseiller' },
  { valeur: 'structure_manager', libelle: 'Responsable de structure' },
];

const DATE_HEURE = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

/** "12 mars 2026 à 10:05", in Paris time. */
export const dateHeure = (iso: string) => dateEcrite(DATE_HEURE, new Date(iso));

export const nomComplet = (agent: { prenom: string; nom: string }) => `${agent.prenom} ${agent.nom}`;
