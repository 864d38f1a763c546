import { dateEcrite } from '../../components/dates.js';
/** French words of the management views: fields of the history, kinds of record, operations. */

export const OBJETS: Record<string, string> = { structure: 'Structure', site: 'Lieu', service: 'Service', contact: 'Contact' };

export const OPERATIONS: Record<string, string> = {
  creation: 'Ajout',
  modification: 'Modification',
  suppression: 'Suppression',
  confirmation: 'Confirmation de la fiche',
};

export const ROLES: Record<string, string> = {
  structure_manager: 'responsable de la structure',
  coordinator: 'coordination territoriale',
  admin: 'administration',
};

const CHAMPS: Record<string, string> = {
  nom: 'nom',
  siret: 'SIRET',
  description: 'description',
  telephone: 'téléphone',
  courriel: 'adresse électronique',
  site_web: 'site internet',
  adresse: 'adresse',
  code_postal: 'code postal',
  commune_code: 'commune',
  horaires: 'horaires',
  accessibilite: 'accessibilité',
  canaux: 'canaux d’accueil',
  prise_rdv: 'prise de rendez-vous',
  accueil_public: 'accueil du public',
  type: 'type',
  thematiques: 'thématiques',
  publics: 'publics',
  publics_precisions: 'précisions sur les publics',
  conditions_acces: 'conditions d’accès',
  frais: 'frais',
  frais_precisions: 'précisions sur les frais',
  modes_accueil: 'modes d’accueil',
  modes_mobilisation: 'modes de mobilisation',
  mobilisable_par: 'mobilisable par',
  mobilisation_precisions: 'précisions sur la mobilisation',
  lien_mobilisation: 'lien de mobilisation',
  site_id: 'lieu',
  fonction: 'fonction',
  origine: 'origine',
  confirme_le: 'confirmée le',
};

export const libelleChamp = (champ: string) => CHAMPS[champ] ?? champ;

const JOURS = ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'];

/** A value of the history as a short French text. */
export function valeurLisible(valeur: unknown): string {
  if (valeur === null || valeur === undefined || valeur === '') return '(vide)';
  if (typeof valeur === 'boolean') return valeur ? 'oui' : 'non';
  if (Array.isArray(valeur)) {
    if (valeur.length === 0) return '(vide)';
    if (typeof valeur[0] === 'object' && valeur[0] !== null && 'jours' in valeur[0]) {
      return (valeur as { jours: number[]; plages: { debut: string; fin: string }[] }[])
        .map((h) => `${h.jours.map((j) => JOURS[j - 1]).join('-')} ${h.plages.map((p) => `${p.debut}–${p.fin}`).join(', ')}`)
        .join(' ; ');
    }
    return valeur.join(', ');
  }
  if (typeof valeur === 'object') return JSON.stringify(valeur);
  return String(valeur);
}

const formatDateHeure = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
export const dateHeure = (iso: string) => dateEcrite(formatDateHeure, new Date(iso));
