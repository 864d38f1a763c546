import type { CANAUX as CANAUX_DU_CONTRAT } from '../../../../src/modules/annuaire/gestion/gestion.contract.js';
import type { Referentiels } from '../../api/types.js';
import { dateEcrite } from '../../components/dates.js';

/** Families of the data·inclusion themes ("se-former--trouver-sa-formation" belongs to "se-former"). */
const FAMILLES: Record<string, string> = {
  'choisir-un-metier': 'Choisir un métier',
  'creer-une-entreprise': 'Créer une entreprise',
  'difficultes-administratives-ou-juridiques': 'Difficultés administratives ou juridiques',
  'difficultes-financieres': 'Difficultés financières',
  'equipement-et-alimentation': 'Équipement et alimentation',
  famille: 'Famille',
  'lecture-ecriture-calcul': 'Lecture, écriture, calcul',
  'logement-hebergement': 'Logement et hébergement',
  mobilite: 'Mobilité',
  numerique: 'Numérique',
  'preparer-sa-candidature': 'Préparer sa candidature',
  remobilisation: 'Remobilisation',
  sante: 'Santé',
  'se-former': 'Se former',
  'souvrir-a-linternational': 'S’ouvrir à l’international',
  'trouver-un-emploi': 'Trouver un emploi',
};

export function familleDe(code: string): string {
  return code.split('--')[0] ?? code;
}

export function libelleFamille(famille: string): string {
  const connu = FAMILLES[famille];
  if (connu) return connu;
  const texte = famille.replace(/-/g, ' ');
  return texte.charAt(0).toUpperCase() + texte.slice(1);
}

export interface GroupeThematiques {
  famille: string;
  libelle: string;
  thematiques: { valeur: string; libelle: string }[];
}

export function grouperThematiques(referentiels: Referentiels): GroupeThematiques[] {
  const groupes = new Map<string, GroupeThematiques>();
  for (const t of referentiels.thematiques) {
    const famille = familleDe(t.valeur);
    let groupe = groupes.get(famille);
    if (!groupe) {
      groupe = { famille, libelle: libelleFamille(famille), thematiques: [] };
      groupes.set(famille, groupe);
    }
    groupe.thematiques.push({ valeur: t.valeur, libelle: t.libelle });
  }
  return [...groupes.values()].sort((a, b) => a.libelle.localeCompare(b.libelle, 'fr'));
}

/** Label of a vocabulary value, or of a theme family; the raw code when unknown. */
export function libelleDe(liste: readonly { valeur: string; libelle: string }[] | undefined, valeur: string): string {
  const entree = liste?.find((e) => e.valeur === valeur);
  if (entree) return entree.libelle;
  if (!valeur.includes('--') && FAMILLES[valeur]) return FAMILLES[valeur];
  return valeur;
}

export type Canal = (typeof CANAUX_DU_CONTRAT)[number];

/** Every channel of the contract, in the order forms offer them. */
export const CANAUX = {
  sur_place: 'Accueil sur place',
  telephone: 'Par téléphone',
  visio: 'En visioconférence',
  courriel: 'Par courriel',
  en_ligne: 'En ligne',
} satisfies Record<Canal, string>;

export const libelleCanal = (canal: string): string => (CANAUX as Record<string, string>)[canal] ?? canal;

export const FRAIS: Record<string, string> = {
  gratuit: 'Gratuit',
  'gratuit-sous-conditions': 'Gratuit sous conditions',
  payant: 'Payant',
  adhesion: 'Adhésion',
  'pass-numerique': 'Pass numérique',
};

export function libelleSource(source: string): string {
  if (source === 'demonstration') return 'Données de démonstration (fictives)';
  if (source.startsWith('dila-annuaire-administration')) return 'Annuaire de l’administration (DILA)';
  if (source.startsWith('anct-france-services')) return 'Réseau France services (ANCT)';
  if (source === 'dora') return 'DORA';
  if (source === 'trajectoires') return 'Saisi par la structure dans Trajectoires';
  if (source.startsWith('data-inclusion')) return 'data·inclusion';
  return source;
}

const formatDate = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "2026-11-01" → "1er novembre 2026". */
export function dateFrancaise(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : dateEcrite(formatDate, d);
}

const formatDistance = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
export function distanceFrancaise(km: number): string {
  return km < 0.1 ? 'moins de 100 m' : `${formatDistance.format(km)} km`;
}

export function formatCodeDepartement(codeCommune: string): string {
  return codeCommune.startsWith('97') ? codeCommune.slice(0, 3) : codeCommune.slice(0, 2);
}

const MENTION_DEMONSTRATION = /\s*\(démonstration\)/g;

/**
 * "Bilan de compétences – CIBC Limousin (démonstration)": parts joined by a dash, a part already
 * said inside another one dropped ("Mission locale" beside "Mission locale Bordeaux-Avenir-Jeunes"),
 * and the demonstration mention said once even when a name carries it already.
 */
export function nomCompose(parties: string[], demonstration: boolean): string {
  const nettes = parties.map((p) => p.replace(MENTION_DEMONSTRATION, '').trim()).filter(Boolean);
  const gardees = nettes.filter(
    (p, i) => !nettes.some((autre, j) => j !== i && autre.toLowerCase().includes(p.toLowerCase()) && (autre.length > p.length || j < i)),
  );
  return `${gardees.join(' – ')}${demonstration ? ' (démonstration)' : ''}`;
}
