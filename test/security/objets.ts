import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/client.js';
import type { AppDeTest } from '../harness/app.js';
import { type CleActeur, type MondeDeTest, REGION_DES_STRUCTURES } from '../harness/acteurs.js';
import { creerCompte } from '../factories/identite.js';

/**
 * Routes that name a record in their path (`:id`…). The gate only knows roles; whether this
 * actor may see this record is the module's policy, so each such route is either tried here on a
 * record of structure A by every actor, or listed in SANS_OBJET with the reason it has no owner.
 * A new route with a path parameter makes the sweep fail until it is added to one of the two.
 */
export interface ScenarioObjet {
  /** `METHODE /url`, as declared. */
  route: string;
  /** The rule the statuses follow, in French (shown in docs/securite.md). */
  regle: string;
  /**
   * Creates (or finds) a record held by the given structure (A, or B for the property test) and
   * returns the path parameters and body of a call on it. Called before each call: a call may
   * change or remove the record.
   */
  preparer(contexte: ContextePreparation): Promise<Preparation>;
  /** The path parameter naming the record: replaced by a random uuid to compare with a missing record. */
  parametreObjet?: string;
  /**
   * Status expected for each actor the gate lets through; `autres` for the actors not named.
   * A record outside the actor's scope answers 404, exactly like a missing one.
   */
  attendu: Partial<Record<CleActeur, number>> & { autres: number };
  /**
   * Status on a missing record for the actors named, when it is not 404, with the reason in
   * `regle`. The model of S3 reads it; S2 only compares actors who get 404 on A's record.
   */
  absent?: Partial<Record<CleActeur, number>>;
}

export interface ContextePreparation {
  monde: MondeDeTest;
  t: AppDeTest;
  structureId: string;
}

export interface Preparation {
  parametres: Record<string, string>;
  corps?: unknown;
  /** Query string of the call. */
  requete?: Record<string, string>;
}

// Records are made with SQL, not through the API: a preparation must not depend on the routes
// under test, nor write to the audit trail that S25 makes fail.

async function premiereValeur<T>(t: AppDeTest, requete: ReturnType<typeof sql>): Promise<T> {
  const [ligne] = await rows<{ valeur: T }>(t.database.db, requete);
  if (ligne === undefined) throw new Error(`Préparation impossible : aucune ligne pour ${JSON.stringify(requete)}`);
  return ligne.valeur;
}

const versionStructure = (t: AppDeTest, structureId: string) =>
  premiereValeur<number>(t, sql`SELECT version AS valeur FROM annuaire_structure WHERE id = ${structureId}`);

const nouveauContact = (t: AppDeTest, structureId: string) =>
  premiereValeur<string>(
    t,
    sql`INSERT INTO annuaire_contact (region_code, structure_id, nom)
        SELECT region_code, id, 'Contact du balayage' FROM annuaire_structure WHERE id = ${structureId} RETURNING id AS valeur`,
  );

const unLieu = (t: AppDeTest, structureId: string) =>
  premiereValeur<string>(t, sql`SELECT id AS valeur FROM annuaire_site WHERE structure_id = ${structureId} ORDER BY id LIMIT 1`);

const unService = (t: AppDeTest, structureId: string) =>
  premiereValeur<string>(t, sql`SELECT id AS valeur FROM annuaire_service WHERE structure_id = ${structureId} ORDER BY id LIMIT 1`);

const unCode = (t: AppDeTest, vocabulaire: string) =>
  premiereValeur<string>(t, sql`SELECT valeur FROM annuaire_vocabulaire WHERE vocabulaire = ${vocabulaire} ORDER BY ordre LIMIT 1`);

const nouvelleInvitation = (t: AppDeTest, structureId: string) =>
  premiereValeur<string>(
    t,
    sql`INSERT INTO identite_invitation (empreinte_jeton, email, role, structure_id, cree_le, expire_le)
        VALUES (${randomBytes(32).toString('hex')}, ${`invitation-${randomUUID()}@exemple.invalid`}, 'advisor', ${structureId}, now(), now() + interval '7 days')
        RETURNING id AS valeur`,
  );

/** A new advisor of the structure; its membership suspended when asked. */
async function nouvelleAdhesion(t: AppDeTest, structureId: string, statut: 'active' | 'suspendue' = 'active'): Promise<string> {
  const compte = await creerCompte(t.database.db, { adhesions: [{ role: 'advisor', structureId }] });
  return premiereValeur<string>(t, sql`UPDATE identite_adhesion SET statut = ${statut} WHERE utilisateur_id = ${compte.id} RETURNING id AS valeur`);
}

/** A draft of region 75's rules, a copy of the national default (regions, not structures, own rules). */
const nouveauBrouillonDeRegles = (t: AppDeTest) =>
  premiereValeur<string>(
    t,
    sql`INSERT INTO aiguillage_regles (region_code, version, date_effet, auteur, contenu, empreinte, statut, cree_le)
        SELECT ${REGION_DES_STRUCTURES}, ${`balayage-${randomUUID()}`}, current_date, 'Balayage de sécurité', contenu, empreinte, 'brouillon', now()
        FROM aiguillage_regles WHERE region_code IS NULL ORDER BY cree_le LIMIT 1
        RETURNING id AS valeur`,
  );

const nouveauSignalement = (t: AppDeTest, structureId: string) =>
  premiereValeur<string>(
    t,
    sql`INSERT INTO annuaire_signalement (region_code, structure_id, objet_type, objet_id, message, cree_le)
        SELECT region_code, id, 'structure', id, 'Horaires faux (signalement du balayage)', now() FROM annuaire_structure WHERE id = ${structureId}
        RETURNING id AS valeur`,
  );

/** A minimal routing answer, as a file keeps it (no operator: the sweep only tries who may see it). */
const REPONSE_VIDE = JSON.stringify({
  operateurs: [],
  autres_orientations: [],
  version_regles: 'national/balayage',
  regles: { id: randomUUID(), region_code: null, date_effet: '2026-01-01' },
  commune: { code: '33063', nom: 'Bordeaux' },
});

/** A CEP level-1 file held by the structure, with its person. */
const nouveauDossier = (t: AppDeTest, structureId: string) =>
  premiereValeur<string>(
    t,
    sql`WITH p AS (
          INSERT INTO dossier_personne (region_code, prenom, nom, commune_code, commune_nom, cree_le)
          VALUES (${REGION_DES_STRUCTURES}, 'Léa', 'Balayage', '33063', 'Bordeaux', now()) RETURNING region_code, id
        )
        INSERT INTO dossier (region_code, personne_id, detentrice_id, referent_id, phase, situation, cadre, niveau_diplome, aiguillage, version_regles, cree_le, modifie_le)
        SELECT region_code, id, ${structureId}, ${randomUUID()}, 'accueil', 'demandeur_emploi', false, 4, ${REPONSE_VIDE}::jsonb, 'national/balayage', now(), now() FROM p
        RETURNING id AS valeur`,
  );

/** The person's consent to the holding structure keeping their file. */
const nouveauConsentement = async (t: AppDeTest, structureId: string) => {
  const dossierId = await nouveauDossier(t, structureId);
  return premiereValeur<string>(
    t,
    sql`INSERT INTO consentement (region_code, personne_id, portee, destinataire_type, destinataire_structure_id, finalite, mode_recueil, texte,
          recueilli_le, recueilli_par_utilisateur_id, recueilli_par_structure_id)
        SELECT region_code, personne_id, ARRAY['identite', 'situation', 'orientation'], 'structure', detentrice_id, 'accompagnement', 'oral_au_guichet',
          'Consentement du balayage', now(), referent_id, detentrice_id
        FROM dossier WHERE id = ${dossierId}
        RETURNING id AS valeur`,
  );
};

// A version no record has yet: the edit is refused as stale (412) once the policy has let it
// through, so the record stays as it is whoever calls.
const VERSION_PERIMEE = 999_999;

const EQUIPE_LUE =
  'Responsables de la structure, ses conseillers, la coordination de sa région et l’administration voient l’équipe ; les autres reçoivent 404.';
const EQUIPE_GEREE = 'Seuls les responsables de la structure et l’administration gèrent son équipe ; pour les autres, elle n’existe pas (404).';
const FICHE_GEREE = 'Les responsables de la structure, la coordination de sa région et l’administration tiennent la fiche ; les autres reçoivent 404.';
// The annuaire module records no read of a structure's management view, allowed or refused: the
// view holds directory data, no person followed by the structure.
const FICHE_PERIMEE = `${FICHE_GEREE} Version périmée envoyée : 412 pour qui tient la fiche, qui reste inchangée.`;

const REGLES =
  'Les règles d’une région (ici un brouillon de la région 75) se lisent, s’essaient et se publient par sa coordination et l’administration ; ' +
  '404 pour la coordination d’une autre région.';

const DOSSIER_LU =
  'Les conseillers et responsables de la structure qui détient le dossier le lisent ; les autres structures (sans consentement de la personne) ' +
  'reçoivent 404, comme pour un dossier inexistant ; la coordination, l’analyse et l’administration ne passent pas la porte (aucune personne nommée).';
const DOSSIER_TENU = 'Seule la structure qui détient le dossier le modifie et en recueille ou retire les consentements ; les autres structures reçoivent 404.';

const lireEquipe = { responsableA: 200, conseillerA: 200, coordinateur75: 200, admin: 200, autres: 404 };
const gererEquipe = (succes: number) => ({ responsableA: succes, admin: succes, autres: 404 });
const gererFiche = (succes: number) => ({ responsableA: succes, coordinateur75: succes, admin: succes, autres: 404 });
const gererRegles = { coordinateur75: 200, admin: 200, autres: 404 };
const detentrice = (succes: number) => ({ conseillerA: succes, responsableA: succes, autres: 404 });

export const SCENARIOS_OBJETS: ScenarioObjet[] = [
  {
    route: 'GET /api/v1/structures/:id/equipe',
    regle: EQUIPE_LUE,
    preparer: async ({ structureId }) => ({ parametres: { id: structureId } }),
    attendu: lireEquipe,
  },
  {
    route: 'POST /api/v1/structures/:id/equipe/invitations',
    regle: EQUIPE_GEREE,
    preparer: async ({ structureId }) => ({
      parametres: { id: structureId },
      corps: { email: `invitee-${randomUUID()}@exemple.invalid`, role: 'advisor' },
    }),
    attendu: gererEquipe(201),
  },
  {
    route: 'DELETE /api/v1/structures/:id/equipe/invitations/:invitationId',
    regle: EQUIPE_GEREE,
    preparer: async ({ t, structureId }) => ({ parametres: { id: structureId, invitationId: await nouvelleInvitation(t, structureId) } }),
    attendu: gererEquipe(204),
  },
  {
    route: 'PATCH /api/v1/structures/:id/equipe/adhesions/:adhesionId',
    regle: EQUIPE_GEREE,
    preparer: async ({ t, structureId }) => ({
      parametres: { id: structureId, adhesionId: await nouvelleAdhesion(t, structureId) },
      corps: { role: 'structure_manager' },
    }),
    attendu: gererEquipe(200),
  },
  {
    route: 'POST /api/v1/structures/:id/equipe/adhesions/:adhesionId/suspendre',
    regle: EQUIPE_GEREE,
    preparer: async ({ t, structureId }) => ({ parametres: { id: structureId, adhesionId: await nouvelleAdhesion(t, structureId) } }),
    attendu: gererEquipe(200),
  },
  {
    route: 'POST /api/v1/structures/:id/equipe/adhesions/:adhesionId/reactiver',
    regle: EQUIPE_GEREE,
    preparer: async ({ t, structureId }) => ({ parametres: { id: structureId, adhesionId: await nouvelleAdhesion(t, structureId, 'suspendue') } }),
    attendu: gererEquipe(200),
  },
  {
    route: 'GET /api/v1/structures/:id/acces',
    regle:
      'Seuls les responsables de la structure et l’administration voient les accès à ses enregistrements ; les autres reçoivent 404. ' +
      'L’administration lit aussi les accès d’un identifiant qui n’est plus une structure : le journal survit aux fiches retirées de l’annuaire.',
    preparer: async ({ structureId }) => ({ parametres: { id: structureId } }),
    attendu: gererEquipe(200),
    absent: { admin: 200 },
  },
  {
    route: 'GET /api/v1/gestion/structures/:id',
    regle: FICHE_GEREE,
    preparer: async ({ structureId }) => ({ parametres: { id: structureId } }),
    attendu: gererFiche(200),
  },
  {
    route: 'PATCH /api/v1/gestion/structures/:id',
    regle: FICHE_GEREE,
    preparer: async ({ t, structureId }) => ({
      parametres: { id: structureId },
      corps: { version: await versionStructure(t, structureId), description: `Présentation revue (${randomUUID()})` },
    }),
    attendu: gererFiche(200),
  },
  {
    route: 'POST /api/v1/gestion/structures/:id/confirmation',
    regle: FICHE_GEREE,
    preparer: async ({ structureId }) => ({ parametres: { id: structureId } }),
    attendu: gererFiche(200),
  },
  {
    route: 'GET /api/v1/gestion/structures/:id/historique',
    regle: FICHE_GEREE,
    preparer: async ({ structureId }) => ({ parametres: { id: structureId } }),
    attendu: gererFiche(200),
  },
  {
    route: 'POST /api/v1/gestion/structures/:id/contacts',
    regle: FICHE_GEREE,
    preparer: async ({ structureId }) => ({ parametres: { id: structureId }, corps: { nom: 'Camille Essai', fonction: 'Accueil' } }),
    attendu: gererFiche(201),
  },
  {
    route: 'PATCH /api/v1/gestion/structures/:id/contacts/:objetId',
    regle: FICHE_GEREE,
    preparer: async ({ t, structureId }) => ({
      parametres: { id: structureId, objetId: await nouveauContact(t, structureId) },
      corps: { version: 1, fonction: 'Direction' },
    }),
    attendu: gererFiche(200),
  },
  {
    route: 'DELETE /api/v1/gestion/structures/:id/contacts/:objetId',
    regle: FICHE_GEREE,
    preparer: async ({ t, structureId }) => ({
      parametres: { id: structureId, objetId: await nouveauContact(t, structureId) },
      requete: { version: '1' },
    }),
    attendu: gererFiche(200),
  },
  {
    route: 'POST /api/v1/gestion/structures/:id/sites',
    regle: FICHE_GEREE,
    preparer: async ({ structureId }) => ({ parametres: { id: structureId }, corps: { nom: 'Lieu du balayage', commune_code: '33063' } }),
    attendu: gererFiche(201),
  },
  {
    route: 'PATCH /api/v1/gestion/structures/:id/sites/:objetId',
    regle: FICHE_PERIMEE,
    preparer: async ({ t, structureId }) => ({
      parametres: { id: structureId, objetId: await unLieu(t, structureId) },
      corps: { version: VERSION_PERIMEE, accessibilite: 'Rampe d’accès' },
    }),
    attendu: gererFiche(412),
  },
  {
    route: 'DELETE /api/v1/gestion/structures/:id/sites/:objetId',
    regle: FICHE_PERIMEE,
    preparer: async ({ t, structureId }) => ({
      parametres: { id: structureId, objetId: await unLieu(t, structureId) },
      requete: { version: String(VERSION_PERIMEE) },
    }),
    attendu: gererFiche(412),
  },
  {
    route: 'POST /api/v1/gestion/structures/:id/services',
    regle: FICHE_GEREE,
    preparer: async ({ t, structureId }) => ({
      parametres: { id: structureId },
      corps: {
        nom: 'Service du balayage',
        description: 'Un service ajouté par le balayage de sécurité.',
        thematiques: [await unCode(t, 'thematiques')],
        publics: [await unCode(t, 'publics')],
      },
    }),
    attendu: gererFiche(201),
  },
  {
    route: 'PATCH /api/v1/gestion/structures/:id/services/:objetId',
    regle: FICHE_PERIMEE,
    preparer: async ({ t, structureId }) => ({
      parametres: { id: structureId, objetId: await unService(t, structureId) },
      corps: { version: VERSION_PERIMEE, conditions_acces: 'Sur rendez-vous' },
    }),
    attendu: gererFiche(412),
  },
  {
    route: 'DELETE /api/v1/gestion/structures/:id/services/:objetId',
    regle: FICHE_PERIMEE,
    preparer: async ({ t, structureId }) => ({
      parametres: { id: structureId, objetId: await unService(t, structureId) },
      requete: { version: String(VERSION_PERIMEE) },
    }),
    attendu: gererFiche(412),
  },
  {
    route: 'GET /api/v1/aiguillage/regles/:id',
    regle: REGLES,
    preparer: async ({ t }) => ({ parametres: { id: await nouveauBrouillonDeRegles(t) } }),
    attendu: gererRegles,
  },
  {
    route: 'POST /api/v1/aiguillage/regles/:id/essai',
    regle: REGLES,
    preparer: async ({ t }) => ({ parametres: { id: await nouveauBrouillonDeRegles(t) } }),
    attendu: gererRegles,
  },
  {
    route: 'POST /api/v1/aiguillage/regles/:id/publication',
    regle: REGLES,
    preparer: async ({ t }) => ({ parametres: { id: await nouveauBrouillonDeRegles(t) } }),
    attendu: gererRegles,
  },
  {
    route: 'POST /api/v1/gestion/signalements/:id/traitement',
    regle: 'Un signalement se traite par qui tient la fiche signalée (responsables, coordination de la région, administration) ; 404 pour les autres.',
    preparer: async ({ t, structureId }) => ({ parametres: { id: await nouveauSignalement(t, structureId) } }),
    attendu: gererFiche(200),
  },
  {
    route: 'GET /api/v1/dossiers/:id',
    regle: DOSSIER_LU,
    preparer: async ({ t, structureId }) => ({ parametres: { id: await nouveauDossier(t, structureId) } }),
    attendu: detentrice(200),
  },
  {
    route: 'PATCH /api/v1/dossiers/:id',
    regle: DOSSIER_TENU,
    preparer: async ({ t, structureId }) => ({ parametres: { id: await nouveauDossier(t, structureId) }, corps: { version: 1, choix: null } }),
    attendu: detentrice(200),
  },
  {
    route: 'POST /api/v1/dossiers/:id/consentements',
    regle: DOSSIER_TENU,
    preparer: async ({ t, structureId }) => ({
      parametres: { id: await nouveauDossier(t, structureId) },
      corps: { portee: ['identite'], destinataire: { type: 'reseau' }, finalite: 'orientation', mode_recueil: 'telephone' },
    }),
    attendu: detentrice(201),
  },
  {
    route: 'POST /api/v1/consentements/:id/revocation',
    regle: DOSSIER_TENU,
    preparer: async ({ t, structureId }) => ({ parametres: { id: await nouveauConsentement(t, structureId) }, corps: { motif: 'retrait demandé (balayage)' } }),
    attendu: detentrice(200),
  },
];

/** Routes with a path parameter that names no record with an owner, and why. */
export const SANS_OBJET: Record<string, string> = {
  'GET /api/v1/services/:id': 'fiche publique de l’annuaire : la même pour tous, connecté ou non',
  'GET /api/v1/structures/:id': 'fiche publique de l’annuaire : la même pour tous, connecté ou non',
  'GET /api/v1/connexion/oidc/:fournisseur': 'le paramètre nomme un fournisseur d’identité configuré, pas un enregistrement',
  'GET /api/v1/connexion/oidc/:fournisseur/retour': 'le paramètre nomme un fournisseur d’identité configuré, pas un enregistrement',
  'GET /api/v1/invitations/:jeton': 'le jeton secret du lien (256 bits) est lui-même le droit de lire l’invitation : rien à deviner',
  'POST /api/v1/invitations/:jeton/acceptation': 'le jeton secret du lien (256 bits) est lui-même le droit d’accepter l’invitation : rien à deviner',
  'GET /api/v1/marche-travail/bassins/:code': 'statistiques publiques d’un bassin d’emploi (BMO, INSEE) : les mêmes pour tous, connecté ou non',
  'GET /api/v1/metiers/:code': 'fiche du répertoire public des métiers (ROME) : la même pour tous, connecté ou non',
  'GET /api/v1/metiers/:code/competences': 'compétences d’une fiche du répertoire public des métiers (ROME) : les mêmes pour tous',
};

/**
 * The same actor seen from the other side: structure B's record is to B's agents what A's is to
 * A's. null when the set has no such twin (the advisor of A without second factor).
 */
export function miroir(cle: CleActeur): CleActeur | null {
  const echanges: Partial<Record<CleActeur, CleActeur | null>> = {
    conseillerA: 'conseillerB',
    conseillerB: 'conseillerA',
    responsableA: 'responsableB',
    responsableB: 'responsableA',
    conseillerSansSecondFacteur: null,
  };
  return cle in echanges ? (echanges[cle] ?? null) : cle;
}

export function statutAttendu(scenario: ScenarioObjet, cle: CleActeur): number {
  return scenario.attendu[cle] ?? scenario.attendu.autres;
}
