import { sql } from 'drizzle-orm';
import { rows } from '../../src/db/client.js';
import type { Role } from '../../src/modules/identite/index.js';
import { ouvrirSession } from '../../src/modules/identite/identite.session.js';
import { nomsCookies, reglagesSession } from '../../src/modules/identite/index.js';
import { type AdhesionDeTest, creerCompte } from '../factories/identite.js';
import type { AppDeTest } from './app.js';
import { ClientHttp } from './client-http.js';

/**
 * The actors of the security sweeps: one per kind of caller the platform knows, so that a route
 * is tried by every one of them. Structures A and B are two demonstration structures of region
 * 75; region 11 is another region.
 */
export const CLES_ACTEURS = [
  'anonyme',
  'personne',
  'autrePersonne',
  'conseillerA',
  'conseillerB',
  'responsableA',
  'responsableB',
  'coordinateur75',
  'coordinateur11',
  'analyste75',
  'admin',
  'conseillerSansSecondFacteur',
] as const;
export type CleActeur = (typeof CLES_ACTEURS)[number];

export const REGION_DES_STRUCTURES = '75';
export const AUTRE_REGION = '11';

/** What an actor is, without any database: the security model and the generated documentation read it. */
export interface ProfilActeur {
  cle: CleActeur;
  libelle: string;
  /** Column heading of the generated matrix. */
  abrege: string;
  type: 'anonyme' | 'personne' | 'agent';
  adhesions: { role: Role; structure?: 'A' | 'B'; territoireCode?: string }[];
  /** Whether the session has passed the second factor. */
  secondFacteur: boolean;
}

export const PROFILS: Record<CleActeur, ProfilActeur> = {
  anonyme: { cle: 'anonyme', libelle: 'visiteur non connecté', abrege: 'anon.', type: 'anonyme', adhesions: [], secondFacteur: false },
  personne: { cle: 'personne', libelle: 'personne accompagnée (elle-même)', abrege: 'pers.', type: 'personne', adhesions: [], secondFacteur: true },
  autrePersonne: { cle: 'autrePersonne', libelle: 'une autre personne', abrege: 'autre pers.', type: 'personne', adhesions: [], secondFacteur: true },
  conseillerA: {
    cle: 'conseillerA',
    libelle: 'conseiller de la structure A',
    abrege: 'cons. A',
    type: 'agent',
    adhesions: [{ role: 'advisor', structure: 'A' }],
    secondFacteur: true,
  },
  conseillerB: {
    cle: 'conseillerB',
    libelle: 'conseiller de la structure B',
    abrege: 'cons. B',
    type: 'agent',
    adhesions: [{ role: 'advisor', structure: 'B' }],
    secondFacteur: true,
  },
  responsableA: {
    cle: 'responsableA',
    libelle: 'responsable de la structure A',
    abrege: 'resp. A',
    type: 'agent',
    adhesions: [{ role: 'structure_manager', structure: 'A' }],
    secondFacteur: true,
  },
  responsableB: {
    cle: 'responsableB',
    libelle: 'responsable de la structure B',
    abrege: 'resp. B',
    type: 'agent',
    adhesions: [{ role: 'structure_manager', structure: 'B' }],
    secondFacteur: true,
  },
  coordinateur75: {
    cle: 'coordinateur75',
    libelle: 'coordinateur de la région 75 (celle de A et B)',
    abrege: 'coord. 75',
    type: 'agent',
    adhesions: [{ role: 'coordinator', territoireCode: REGION_DES_STRUCTURES }],
    secondFacteur: true,
  },
  coordinateur11: {
    cle: 'coordinateur11',
    libelle: 'coordinateur d’une autre région (11)',
    abrege: 'coord. 11',
    type: 'agent',
    adhesions: [{ role: 'coordinator', territoireCode: AUTRE_REGION }],
    secondFacteur: true,
  },
  analyste75: {
    cle: 'analyste75',
    libelle: 'analyste de la région 75',
    abrege: 'anal. 75',
    type: 'agent',
    adhesions: [{ role: 'analyst', territoireCode: REGION_DES_STRUCTURES }],
    secondFacteur: true,
  },
  admin: { cle: 'admin', libelle: 'administrateur', abrege: 'admin', type: 'agent', adhesions: [{ role: 'admin' }], secondFacteur: true },
  conseillerSansSecondFacteur: {
    cle: 'conseillerSansSecondFacteur',
    libelle: 'conseiller de la structure A, second facteur non validé',
    abrege: 'cons. A sans 2FA',
    type: 'agent',
    adhesions: [{ role: 'advisor', structure: 'A' }],
    secondFacteur: false,
  },
};

export interface ActeurDeTest extends ProfilActeur {
  /** null for the signed-out visitor. */
  utilisateurId: string | null;
  email: string | null;
  /** Cookies and CSRF token of this actor; each actor calls from its own address (rate limits are per address). */
  client: ClientHttp;
  /**
   * Gives the actor a fresh session: a route of the sweep may have closed the previous one
   * (sign-out, sign-out everywhere). The CSRF token stays valid: it is not tied to the session.
   */
  rouvrirSession(): Promise<void>;
}

export interface MondeDeTest {
  structureA: string;
  structureB: string;
  acteurs: Record<CleActeur, ActeurDeTest>;
}

/** Two demonstration structures of region 75 (the test database is loaded with the demonstration territory). */
export async function structuresDeDemonstration(t: AppDeTest): Promise<[string, string]> {
  const lignes = await rows<{ id: string }>(
    t.database.db,
    sql`SELECT id FROM annuaire_structure WHERE demonstration AND region_code = ${REGION_DES_STRUCTURES} ORDER BY source, source_id LIMIT 2`,
  );
  const [a, b] = lignes;
  if (!a || !b) throw new Error(`La base de test doit contenir deux structures de démonstration de la région ${REGION_DES_STRUCTURES}.`);
  return [a.id, b.id];
}

/** Creates the accounts of every actor, signs each in (second factor done unless its profile says otherwise). */
export async function creerActeurs(t: AppDeTest): Promise<MondeDeTest> {
  const [structureA, structureB] = await structuresDeDemonstration(t);
  const structures = { A: structureA, B: structureB };
  const cookieSession = nomsCookies(t.config).session;
  const acteurs = {} as Record<CleActeur, ActeurDeTest>;

  for (const [rang, cle] of CLES_ACTEURS.entries()) {
    const profil = PROFILS[cle];
    // Documentation range (RFC 5737): one address per actor.
    const ip = `198.51.100.${rang + 10}`;
    const client = new ClientHttp(t.app, ip);
    const adhesions: AdhesionDeTest[] = profil.adhesions.map((a) => ({
      role: a.role,
      ...(a.structure ? { structureId: structures[a.structure] } : {}),
      ...(a.territoireCode ? { territoireCode: a.territoireCode } : {}),
    }));
    const compte = profil.type === 'anonyme' ? null : await creerCompte(t.database.db, { type: profil.type, adhesions });
    const rouvrirSession = async () => {
      if (!compte) return;
      const jeton = await ouvrirSession(
        t.database.db,
        { utilisateurId: compte.id, methode: 'mot_de_passe', secondFacteur: profil.secondFacteur, ip, agentUtilisateur: null },
        new Date(),
        reglagesSession(t.config),
      );
      client.cookies.set(cookieSession, jeton);
    };
    await rouvrirSession();
    await client.rafraichirCsrf();
    acteurs[cle] = { ...profil, utilisateurId: compte?.id ?? null, email: compte?.email ?? null, client, rouvrirSession };
  }
  return { structureA, structureB, acteurs };
}
