import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/db/client.js';
import { ouvrirDossier } from '../../src/modules/dossier/index.js';
import { ouvertureDossier } from '../../src/modules/dossier/dossier.contract.js';
import type { Acteur } from '../../src/modules/identite/index.js';
import type { ServiceContext } from '../../src/shared/contexte.js';
import { creerCompte } from './identite.js';

/** A commune of Nouvelle-Aquitaine (region 75, that of the demonstration structures): Bordeaux. */
export const COMMUNE_DE_TEST = '33063';

/** The consent every file opens with: the holding structure keeps identity, situation and orientation. */
export function consentementDetentrice(structureId: string, sensibles = false) {
  return {
    portee: ['identite', 'situation', 'orientation', ...(sensibles ? ['donnees_sensibles' as const] : [])] as (
      'identite' | 'situation' | 'orientation' | 'donnees_sensibles'
    )[],
    destinataire: { type: 'structure' as const, structure_id: structureId },
    finalite: 'accompagnement' as const,
    mode_recueil: 'oral_au_guichet' as const,
  };
}

export interface OptionsDossier {
  /** The holding structure (required: a file is always held by someone). */
  structureId: string;
  /** The referent agent; an advisor of the structure is created when absent. */
  referentId?: string;
  /** A structure the person agrees to share identity, situation and orientation with. */
  partagerAvec?: string;
  /** Declares a recognised disability, with this note, under the person's consent to sensitive data. */
  sensible?: { note: string };
  prenom?: string;
  nom?: string;
}

/** The advisor of a structure as the services see it, without any session. */
export function conseillerDe(utilisateurId: string, structureId: string): Acteur {
  return {
    type: 'agent',
    utilisateurId,
    session: { empreinte: `fabrique-${randomUUID()}`, methode: 'mot_de_passe', secondFacteur: true },
    adhesions: [{ id: randomUUID(), role: 'advisor', structureId, territoireCode: null }],
  };
}

/** The body of POST /api/v1/dossiers for a job seeker of Bordeaux (overridable). */
export function corpsOuverture(options: OptionsDossier) {
  return {
    personne: { prenom: options.prenom ?? 'Léa', nom: options.nom ?? 'Martin', telephone: '05 56 00 00 00', courriel: null },
    profil: {
      age: 30,
      situation: 'demandeur_emploi',
      cadre: false,
      niveau_diplome: 4,
      handicap_reconnu: options.sensible !== undefined,
      emploi_menace_sante: false,
      commune: COMMUNE_DE_TEST,
    },
    note_sensible: options.sensible?.note ?? null,
    consentements: [
      consentementDetentrice(options.structureId, options.sensible !== undefined),
      ...(options.partagerAvec
        ? [
            {
              portee: ['identite', 'situation', 'orientation'] as const,
              destinataire: { type: 'structure' as const, structure_id: options.partagerAvec },
              finalite: 'orientation' as const,
              mode_recueil: 'oral_au_guichet' as const,
            },
          ]
        : []),
    ],
    choix: { operateur: 'france_travail', site_id: null, note: null },
  };
}

/** Opens a file through the dossier service, as an advisor of the holding structure would. */
export async function creerDossier(db: Db, options: OptionsDossier) {
  const referentId = options.referentId ?? (await creerCompte(db, { adhesions: [{ role: 'advisor', structureId: options.structureId }] })).id;
  const ctx: ServiceContext = {
    db,
    now: () => new Date(),
    acteur: conseillerDe(referentId, options.structureId),
    ip: null,
    agentUtilisateur: null,
    messagerie: {
      envoyer: async () => {
        throw new Error('Ouvrir un dossier n’envoie aucun courriel.');
      },
    },
  };
  const vue = await ouvrirDossier(ctx, ouvertureDossier.parse(corpsOuverture(options)));
  return { ...vue, referentId };
}
