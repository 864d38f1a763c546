import { ErreurApi } from '../../api/client.js';
import type { Finalite, Portee } from '../../../../src/modules/consentement/consentement.contract.js';

export { LIBELLES_MODE_RECUEIL } from '../../../../src/modules/consentement/consentement.contract.js';

/** The parts of a file, as the agent reads them in the form. */
export const LIBELLES_PARTIES: Record<Portee, string> = {
  identite: 'Identité (prénom, nom, commune, coordonnées)',
  situation: 'Situation (situation professionnelle, statut de cadre, diplôme)',
  orientation: 'Orientation (réponse donnée et choix de la personne)',
  donnees_sensibles: 'Santé ou handicap',
};

export const LIBELLES_FINALITES: Record<Finalite, string> = {
  accompagnement: 'Accueil, information et orientation (conseil en évolution professionnelle)',
  orientation: 'Transmettre la situation à la structure choisie',
  autre: 'Autre finalité (à préciser)',
};

export const LIBELLES_PHASES = { accueil: 'Accueil, choix à faire', orientation: 'Orientation choisie' } as const;

// Fields of the API named in its errors, in the words of the forms.
export const LIBELLES_CHAMPS: Record<string, string> = {
  'profil.commune': 'Commune',
  'profil.handicap_reconnu': 'Handicap',
  'profil.emploi_menace_sante': 'Santé et emploi',
  'personne.prenom': 'Prénom',
  'personne.nom': 'Nom',
  'personne.telephone': 'Téléphone',
  'personne.courriel': 'Adresse électronique',
  note_sensible: 'Précisions de santé ou de handicap',
  consentements: 'Consentement',
  'choix.operateur': 'Choix de la personne',
  'choix.site_id': 'Lieu choisi',
  'choix.note': 'Note sur le choix',
  version: 'Version du dossier',
  motif: 'Motif du retrait',
  structure_id: 'Structure',
};

/** The error with each field named in the words of the forms, for the notice above them. */
export function avecLibelles(erreur: ErreurApi): ErreurApi {
  const libelle = (chemin: string) => LIBELLES_CHAMPS[chemin] ?? LIBELLES_CHAMPS[chemin.replace(/\.\d+(\..*)?$/, '')] ?? chemin;
  return new ErreurApi(
    erreur.statut,
    erreur.code,
    erreur.message,
    erreur.champs.map((c) => ({ chemin: libelle(c.chemin), message: c.message })),
  );
}
