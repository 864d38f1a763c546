import { type SQL, and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { dossier, personne } from './dossier.tables.js';

export type NouvellePersonne = Omit<typeof personne.$inferInsert, 'id'>;
export type NouveauDossier = Omit<typeof dossier.$inferInsert, 'id' | 'version' | 'niveauCep'>;

export async function insertPersonne(db: Executor, valeurs: NouvellePersonne): Promise<string> {
  const [ligne] = await db.insert(personne).values(valeurs).returning({ id: personne.id });
  return ligne!.id;
}

export async function insertDossier(db: Executor, valeurs: NouveauDossier): Promise<string> {
  const [ligne] = await db.insert(dossier).values(valeurs).returning({ id: dossier.id });
  return ligne!.id;
}

const jointurePersonne = and(eq(personne.regionCode, dossier.regionCode), eq(personne.id, dossier.personneId));

/** What the policy needs of a file, found by its id alone (the actor carries no region). */
export async function findFaits(db: Executor, id: string) {
  const [ligne] = await db
    .select({
      regionCode: dossier.regionCode,
      id: dossier.id,
      personneId: dossier.personneId,
      detentriceId: dossier.detentriceId,
      personneUtilisateurId: personne.utilisateurId,
    })
    .from(dossier)
    .innerJoin(personne, jointurePersonne)
    .where(eq(dossier.id, id));
  return ligne ?? null;
}
export type FaitsDossierRow = NonNullable<Awaited<ReturnType<typeof findFaits>>>;

const colonnesVue = {
  dossier: {
    id: dossier.id,
    version: dossier.version,
    phase: dossier.phase,
    detentriceId: dossier.detentriceId,
    referentId: dossier.referentId,
    creeLe: dossier.creeLe,
    modifieLe: dossier.modifieLe,
    situation: dossier.situation,
    cadre: dossier.cadre,
    niveauDiplome: dossier.niveauDiplome,
    handicapReconnu: dossier.handicapReconnu,
    emploiMenaceSante: dossier.emploiMenaceSante,
    noteSensible: dossier.noteSensible,
    aiguillage: dossier.aiguillage,
    versionRegles: dossier.versionRegles,
    choixOperateur: dossier.choixOperateur,
    choixSiteId: dossier.choixSiteId,
    choixNote: dossier.choixNote,
  },
  personne: {
    prenom: personne.prenom,
    nom: personne.nom,
    communeCode: personne.communeCode,
    communeNom: personne.communeNom,
    telephone: personne.telephone,
    courriel: personne.courriel,
  },
};

export async function findDossier(db: Executor, regionCode: string, id: string) {
  const [ligne] = await db
    .select(colonnesVue)
    .from(dossier)
    .innerJoin(personne, jointurePersonne)
    .where(and(eq(dossier.regionCode, regionCode), eq(dossier.id, id)));
  return ligne ?? null;
}
export type DossierRow = NonNullable<Awaited<ReturnType<typeof findDossier>>>;

/** The snapshot of the routing answer, to check a new choice against. */
export async function findAiguillage(db: Executor, regionCode: string, id: string) {
  const [ligne] = await db
    .select({ aiguillage: dossier.aiguillage })
    .from(dossier)
    .where(and(eq(dossier.regionCode, regionCode), eq(dossier.id, id)));
  return ligne?.aiguillage ?? null;
}

/**
 * Writes the person's choice if the file is still at the version the agent read; null when it is
 * not (someone changed it meanwhile): the caller answers 412.
 */
export async function updateChoix(
  db: Executor,
  regionCode: string,
  id: string,
  versionLue: number,
  valeurs: Pick<typeof dossier.$inferInsert, 'choixOperateur' | 'choixSiteId' | 'choixNote' | 'phase' | 'modifieLe'>,
): Promise<number | null> {
  const [ligne] = await db
    .update(dossier)
    .set({ ...valeurs, version: sql`${dossier.version} + 1` })
    .where(and(eq(dossier.regionCode, regionCode), eq(dossier.id, id), eq(dossier.version, versionLue)))
    .returning({ version: dossier.version });
  return ligne?.version ?? null;
}

/** A page of the files `scope` lets through (the policy's condition), most recently changed first. */
export async function listDossiers(db: Executor, scope: SQL, limite: number, decalage: number) {
  const lignes = await db
    .select({
      regionCode: dossier.regionCode,
      id: dossier.id,
      personneId: dossier.personneId,
      detentriceId: dossier.detentriceId,
      referentId: dossier.referentId,
      phase: dossier.phase,
      modifieLe: dossier.modifieLe,
      choixOperateur: dossier.choixOperateur,
      // The label the answer gave the chosen operator or orientation, without reading the whole answer.
      choixLibelle: sql<
        string | null
      >`(SELECT o->>'libelle' FROM jsonb_array_elements((${dossier.aiguillage}->'operateurs') || (${dossier.aiguillage}->'autres_orientations')) o
        WHERE coalesce(o->>'type', o->>'code') = ${dossier.choixOperateur} LIMIT 1)`,
      prenom: personne.prenom,
      nom: personne.nom,
      communeNom: personne.communeNom,
      total: sql<number>`count(*) OVER ()`.mapWith(Number),
    })
    .from(dossier)
    .innerJoin(personne, jointurePersonne)
    .where(scope)
    .orderBy(desc(dossier.modifieLe), desc(dossier.id))
    .limit(limite)
    .offset(decalage);
  return { lignes, total: lignes[0]?.total ?? 0 };
}
