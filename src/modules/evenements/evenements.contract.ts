import { z } from '../../shared/zod.js';
// The closed lists each payload draws from belong to the modules that define them.
import { OPERATEURS, SITUATIONS } from '../aiguillage/aiguillage.contract.js';
import { FONDEMENTS_GESTION } from '../annuaire/gestion/gestion.contract.js';
import { FINALITES, MODES_RECUEIL, PORTEES } from '../consentement/consentement.contract.js';
import { PHASES } from '../dossier/dossier.contract.js';

// Every field of a payload is a code of a closed list or of a strict format, an id, a number, a
// boolean or a date: a name, an address or a sentence typed by someone cannot fit in any of them,
// and `strictObject` refuses a field the catalogue does not name. Events are read by indicators
// and notifications, which must never learn who a person is.

const identifiant = z.uuid();
const codeCommune = z.string().regex(/^(\d{5}|2[AB]\d{3})$/);
const codeDepartement = z.string().regex(/^(\d{2,3}|2[AB])$/);
/** A code of a rule set or of the directory ('employeur_public', 'mission_locale'). */
const code = z.string().regex(/^[a-z0-9_.-]{2,80}$/);
/** The version of the routing rules that answered, as the answer names it ('national/2026-1'). */
const versionRegles = z.string().regex(/^(national|region-\d{2})\/[A-Za-z0-9._-]{1,60}$/);
const instant = z.iso.datetime();
const operateur = z.enum(OPERATEURS);

/** What a routing answer decided, without anything of the profile but the person's situation. */
const reponse = {
  version_regles: versionRegles,
  commune_code: codeCommune,
  /** The public the person belongs to, in the rules' closed list. */
  situation: z.enum(SITUATIONS),
  operateurs: z.array(operateur),
  operateur_recommande: operateur.nullable(),
  autres_orientations: z.array(code),
};

const consentement = {
  portee: z.array(z.enum(PORTEES)).min(1),
  destinataire_type: z.enum(['structure', 'reseau']),
  destinataire_structure_id: identifiant.nullable(),
  finalite: z.enum(FINALITES),
};

/**
 * The domain events, each with the kind of record it happens to and its payload. A new event is
 * a new entry here; a payload changes by adding optional fields, never by changing a field's
 * meaning (consumers read the old rows too).
 */
export const CATALOGUE_EVENEMENTS = {
  /** A CEP level-1 file was opened by the structure that holds it (the event's structure). */
  'dossier.ouvert': {
    agregat: 'dossier',
    donnees: z.strictObject({
      niveau_cep: z.literal(1),
      phase: z.enum(PHASES),
      ...reponse,
      choix_operateur: code.nullable(),
      consentements: z.number().int().min(1),
    }),
  },
  /** A person gave a consent, collected by the structure that holds their file. */
  'consentement.accorde': {
    agregat: 'consentement',
    donnees: z.strictObject({ ...consentement, mode_recueil: z.enum(MODES_RECUEIL) }),
  },
  /** A person withdrew a consent, recorded by the structure that had collected it. */
  'consentement.retire': {
    agregat: 'consentement',
    donnees: z.strictObject({ ...consentement, recueilli_le: instant }),
  },
  /** Someone who manages a structure said its record in the directory is right as it stands. */
  'annuaire.structure_confirmee': {
    agregat: 'structure',
    donnees: z.strictObject({
      reseau_code: code.nullable(),
      demonstration: z.boolean(),
      /** On what ground it was confirmed: by the structure's own manager, its coordination, an administrator. */
      fondement: z.enum(FONDEMENTS_GESTION),
      confirmee_precedemment_le: instant.nullable(),
    }),
  },
  /** The public routing answered someone, anonymous: the event's record is the rule set that answered. */
  'aiguillage.repondu': {
    agregat: 'regles_aiguillage',
    donnees: z.strictObject({ ...reponse, departement_code: codeDepartement }),
  },
} as const;

export type TypeEvenement = keyof typeof CATALOGUE_EVENEMENTS;
export type DonneesEvenement<T extends TypeEvenement> = z.infer<(typeof CATALOGUE_EVENEMENTS)[T]['donnees']>;

/** An event as its module publishes it; the kind of record comes from the catalogue. */
export type EvenementAPublier = {
  [T in TypeEvenement]: {
    type: T;
    /** The Region the change belongs to: it leads the key, as in every table of tenant data. */
    regionCode: string;
    agregatId: string;
    structureId: string | null;
    survenuLe: Date;
    donnees: DonneesEvenement<T>;
  };
}[TypeEvenement];

/** An event as consumers read it, in `numero` order. */
export interface EvenementDomaine {
  numero: number;
  id: string;
  regionCode: string;
  type: TypeEvenement;
  agregatType: string;
  agregatId: string;
  structureId: string | null;
  survenuLe: Date;
  donnees: Record<string, unknown>;
}
