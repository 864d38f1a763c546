import type { Faits } from '../../../../src/modules/aiguillage/aiguillage.contract.js';
import type { Condition, Situation, TypeOperateur } from './api.js';
import { dateEcrite } from '../../components/dates.js';

/** The situations as the person reads them in the form (first person, plain French). */
export const SITUATIONS_SAISIE: { valeur: Situation; libelle: string; precision?: string }[] = [
  { valeur: 'demandeur_emploi', libelle: 'Je cherche un emploi', precision: 'Inscrit ou non à France Travail' },
  { valeur: 'salarie_prive', libelle: 'Je suis salarié d’une entreprise ou d’une association' },
  {
    valeur: 'salarie_public',
    libelle: 'Je travaille dans la fonction publique',
    precision: 'Fonctionnaire ou contractuel de l’État, d’une collectivité ou d’un hôpital',
  },
  { valeur: 'independant', libelle: 'Je travaille à mon compte', precision: 'Indépendant, artisan, commerçant, profession libérale, micro-entrepreneur' },
  { valeur: 'eleve_etudiant', libelle: 'Je suis élève ou étudiant' },
  { valeur: 'autre', libelle: 'Autre situation', precision: 'Par exemple : sans emploi sans en chercher pour l’instant, en congé parental' },
];

/** The national levels of qualification, by the diplomas people know. */
export const NIVEAUX_SAISIE: { valeur: number; libelle: string }[] = [
  { valeur: 2, libelle: 'Aucun diplôme, ou le brevet des collèges' },
  { valeur: 3, libelle: 'CAP ou BEP' },
  { valeur: 4, libelle: 'Baccalauréat (général, technologique ou professionnel)' },
  { valeur: 5, libelle: 'Bac + 2 (BTS, BUT, DUT…)' },
  { valeur: 6, libelle: 'Bac + 3 ou bac + 4 (licence, maîtrise…)' },
  { valeur: 7, libelle: 'Bac + 5 (master, diplôme d’ingénieur…)' },
  { valeur: 8, libelle: 'Doctorat' },
];

export const LIBELLES_OPERATEURS: Record<TypeOperateur, string> = {
  france_travail: 'France Travail',
  apec: 'Apec',
  mission_locale: 'Mission locale',
  cap_emploi: 'Cap emploi',
  operateur_cep_regional: 'Opérateur régional du CEP',
};

export const LIBELLES_SITUATIONS: Record<Situation, string> = {
  demandeur_emploi: 'demandeur d’emploi',
  salarie_prive: 'salarié du privé',
  salarie_public: 'agent public',
  independant: 'indépendant',
  eleve_etudiant: 'élève ou étudiant',
  autre: 'autre situation',
};

const FAITS: Record<string, string> = {
  age: 'âge',
  niveau_diplome: 'niveau de diplôme',
  operateurs_competents: 'nombre d’opérateurs compétents',
  cadre: 'cadre',
  handicap_reconnu: 'handicap reconnu',
  emploi_menace_sante: 'emploi menacé par la santé',
};

/** A rule's condition in words, for coordinators reading a rule set. */
export function texteCondition(c: Condition): string {
  if ('tous' in c) return c.tous.length === 1 ? texteCondition(c.tous[0]!) : `(${c.tous.map(texteCondition).join(' et ')})`;
  if ('un_de' in c) return c.un_de.length === 1 ? texteCondition(c.un_de[0]!) : `(${c.un_de.map(texteCondition).join(' ou ')})`;
  if ('non' in c) return `non ${texteCondition(c.non)}`;
  if ('dans' in c) return `situation : ${c.dans.map((s) => LIBELLES_SITUATIONS[s]).join(' ou ')}`;
  if ('egal' in c) return `${FAITS[c.fait]} : ${c.egal ? 'oui' : 'non'}`;
  const unite = c.fait === 'age' ? ' ans' : '';
  if (c.entre) return `${FAITS[c.fait]} de ${c.entre[0]} à ${c.entre[1]}${unite}`;
  if (c.au_moins !== undefined) return `${FAITS[c.fait]} au moins ${c.au_moins}${unite}`;
  return `${FAITS[c.fait]} au plus ${c.au_plus}${unite}`;
}

export const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' });
export const dateLisible = (iso: string) => dateEcrite(DATE, new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));

/** A test profile's facts in words: "22 ans, demandeur d’emploi, niveau 4, handicap reconnu". */
export function texteFaits(f: Faits): string {
  return [
    `${f.age} ans`,
    LIBELLES_SITUATIONS[f.situation],
    `diplôme de niveau ${f.niveau_diplome}`,
    ...(f.cadre ? ['cadre'] : []),
    ...(f.handicap_reconnu ? ['handicap reconnu'] : []),
    ...(f.emploi_menace_sante ? ['emploi menacé par la santé'] : []),
  ].join(', ');
}
