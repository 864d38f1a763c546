import type { AppDeTest } from '../harness/app.js';
import type { CleActeur, MondeDeTest } from '../harness/acteurs.js';

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
  preparer(contexte: { monde: MondeDeTest; t: AppDeTest; structureId: string }): Promise<{ parametres: Record<string, string>; corps?: unknown }>;
  /** The path parameter naming the record: replaced by a random uuid to compare with a missing record. */
  parametreObjet?: string;
  /**
   * Status expected for each actor the gate lets through; `autres` for the actors not named.
   * A record outside the actor's scope answers 404, exactly like a missing one.
   */
  attendu: Partial<Record<CleActeur, number>> & { autres: number };
}

export const SCENARIOS_OBJETS: ScenarioObjet[] = [];

/** Routes with a path parameter that names no record with an owner, and why. */
export const SANS_OBJET: Record<string, string> = {
  'GET /api/v1/services/:id': 'fiche publique de l’annuaire : la même pour tous, connecté ou non',
  'GET /api/v1/structures/:id': 'fiche publique de l’annuaire : la même pour tous, connecté ou non',
  'GET /api/v1/connexion/oidc/:fournisseur': 'le paramètre nomme un fournisseur d’identité configuré, pas un enregistrement',
  'GET /api/v1/connexion/oidc/:fournisseur/retour': 'le paramètre nomme un fournisseur d’identité configuré, pas un enregistrement',
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
