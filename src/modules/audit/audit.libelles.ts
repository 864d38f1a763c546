// The access lists say in French what was done. Actions listed here have their own words; any
// other '<module>.<objet>.<verbe>' is read from its verb and object, so a new action is never
// shown as a bare code.
const ACTIONS: Record<string, string> = {
  'audit.acces.lire': 'Consultation du journal des accès',
  'acces.route': 'Tentative d’accès à une page réservée',
  'identite.connexion': 'Connexion',
  'identite.connexion.second_facteur': 'Connexion : second facteur',
  'identite.compte.verrouiller': 'Verrouillage du compte après des échecs de connexion',
  'identite.compte.suspendre': 'Suspension du compte',
  'identite.second_facteur.initialiser': 'Second facteur : début de la configuration',
  'identite.second_facteur.activer': 'Second facteur : activation',
  'identite.second_facteur.desactiver': 'Second facteur : désactivation',
  'identite.code_recuperation.utiliser': 'Connexion avec un code de récupération',
  'annuaire.structure.modifier': 'Modification de la fiche de la structure',
  'annuaire.structure.confirmer': 'Confirmation de la fiche de la structure',
};

const VERBES: Record<string, string> = {
  lire: 'Consultation',
  creer: 'Création',
  modifier: 'Modification',
  supprimer: 'Suppression',
  exporter: 'Export',
  partager: 'Partage',
  suspendre: 'Suspension',
  inviter: 'Invitation',
  confirmer: 'Confirmation',
};

const RAISONS: Record<string, string> = {
  hors_perimetre: 'Hors de son périmètre',
  sans_consentement: 'Sans le consentement de la personne',
  consentement: 'Avec le consentement de la personne',
  compte_suspendu: 'Compte suspendu',
  compte_verrouille: 'Compte verrouillé',
  mot_de_passe_invalide: 'Mot de passe incorrect',
  'vigilance.plafond_lectures': 'Plafond de consultations dépassé',
  'identite.acces_refuse': 'Rôle sans cette permission',
  'identite.second_facteur_requis': 'Second facteur non validé',
};

const enMots = (code: string) => code.replace(/[._]+/g, ' ').trim();

export function libelleAction(action: string): string {
  const connue = ACTIONS[action];
  if (connue) return connue;
  const segments = action.split('.');
  const verbe = VERBES[segments.at(-1) ?? ''];
  // 'dossier.lire' names its object; 'annuaire.site.creer' names its module first.
  const objet = segments.length > 2 ? segments.slice(1, -1) : segments.slice(0, -1);
  return verbe && objet.length > 0 ? `${verbe} : ${enMots(objet.join(' '))}` : `Action « ${action} »`;
}

export function libelleRaison(raison: string | null): string | null {
  if (raison === null) return null;
  return RAISONS[raison] ?? enMots(raison);
}
