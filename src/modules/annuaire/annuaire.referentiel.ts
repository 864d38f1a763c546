import { sql } from 'drizzle-orm';
import { type Db, type Executor, rows } from '../../db/client.js';
import { insertBatched } from '../../db/bulk.js';
import { recordLoad } from '../../db/chargements.js';
import { uuidNomme } from '../../shared/identifiants.js';
import { normaliserTexte } from '../../shared/texte.js';
import { memoireReseauxCep } from './annuaire.proximite.js';
import { refreshLexique } from './annuaire.repository.js';
import * as t from './annuaire.tables.js';
import { REGION_NON_RATTACHEE } from './annuaire.tables.js';

type SiteInsert = typeof t.site.$inferInsert;
type ServiceInsert = typeof t.service.$inferInsert;
type ContactInsert = typeof t.contact.$inferInsert;

/** A structure with its places, services and contacts, as a loader or an import hands it over. */
export interface StructureAImporter {
  /** regionCode: the Region of the structure's commune, null when no known commune places it in one. */
  structure: Omit<typeof t.structure.$inferInsert, 'id' | 'regionCode'> & { regionCode: string | null };
  // Children are in their structure's Region: they carry no region_code of their own.
  sites: (Omit<SiteInsert, 'id' | 'structureId' | 'nomRecherche' | 'regionCode'> & { cle: string })[];
  services: (Omit<ServiceInsert, 'id' | 'structureId' | 'siteId' | 'regionCode'> & { siteCle: string | null })[];
  contacts: (Omit<ContactInsert, 'id' | 'structureId' | 'siteId' | 'regionCode'> & { siteCle: string | null })[];
}

export interface ReferentielAnnuaire {
  vocabulaires: (typeof t.vocabulaire.$inferInsert)[];
  reseaux: (typeof t.reseau.$inferInsert)[];
}

// One namespace per table: a structure and its main place often share their source id.
const ESPACES = {
  structure: 'b6529bd7-3af0-4447-818b-5cf622ae4dbf',
  site: '9290b037-ea7a-48b8-bc49-58262f5b4e23',
  service: 'b5a6ec53-a131-4dc4-84b0-fb0945744f92',
  contact: '9a54d3d8-8fc1-43d0-abc9-dac82fe078b3',
} as const;

/**
 * The id of a record loaded or imported from a source, derived from its (source, source_id): a
 * reload gives it back the same id, so memberships, history and public links keep pointing to it.
 */
export function idDeSource(table: keyof typeof ESPACES, source: string, sourceId: string): string {
  return uuidNomme(ESPACES[table], `${source}:${sourceId}`);
}

/** (source, source_id) of the given sources' structures still in the directory. */
async function structuresPresentes(db: Executor, sources: string[]): Promise<Set<string>> {
  const presentes = await rows<{ source: string; source_id: string }>(
    db,
    sql`SELECT source, source_id FROM annuaire_structure WHERE source = ANY (${sql.param(sources)}::text[])`,
  );
  return new Set(presentes.map((p) => `${p.source}:${p.source_id}`));
}

/**
 * Writes structures with their children; ids are made here so that children can point to them.
 * A structure already in the directory is left as it is: it is one its managers have edited,
 * which a reload keeps (docs/adr/0004-fiches-gerees-et-rechargement.md).
 */
export async function insertStructures(db: Executor, structures: StructureAImporter[]): Promise<void> {
  const lignesStructures: (typeof t.structure.$inferInsert)[] = [];
  const lignesSites: SiteInsert[] = [];
  const lignesServices: ServiceInsert[] = [];
  const lignesContacts: ContactInsert[] = [];
  const presentes = await structuresPresentes(db, [...new Set(structures.map((s) => s.structure.source))]);
  for (const { structure, sites, services, contacts } of structures) {
    if (presentes.has(`${structure.source}:${structure.sourceId}`)) continue;
    const structureId = idDeSource('structure', structure.source, structure.sourceId);
    const regionCode = structure.regionCode ?? REGION_NON_RATTACHEE;
    lignesStructures.push({ ...structure, id: structureId, regionCode });
    const idsSites = new Map<string, string>();
    for (const { cle, ...site } of sites) {
      const id = idDeSource('site', site.source, site.sourceId);
      idsSites.set(cle, id);
      lignesSites.push({ ...site, id, structureId, regionCode, nomRecherche: normaliserTexte(site.nom) });
    }
    const siteId = (cle: string | null) => {
      if (cle === null) return null;
      const id = idsSites.get(cle);
      if (!id) throw new Error(`${structure.nom} : lieu « ${cle} » inconnu`);
      return id;
    };
    for (const { siteCle, ...service } of services) {
      lignesServices.push({ ...service, id: idDeSource('service', service.source, service.sourceId), structureId, regionCode, siteId: siteId(siteCle) });
    }
    // Contacts have no id at their source: their rank within the structure stands for one.
    contacts.forEach(({ siteCle, ...contact }, rang) => {
      const id = idDeSource('contact', structure.source, `${structure.sourceId}#${rang}`);
      lignesContacts.push({ ...contact, id, structureId, regionCode, siteId: siteId(siteCle) });
    });
  }
  await insertBatched(db, t.structure, lignesStructures);
  await insertBatched(db, t.site, lignesSites);
  await insertBatched(db, t.service, lignesServices);
  await insertBatched(db, t.contact, lignesContacts);
  await db.execute(sql`UPDATE annuaire_service s SET structure_texte = concat_ws(' ', st.nom, r.libelle)
    FROM annuaire_structure st LEFT JOIN annuaire_reseau r ON r.code = st.reseau_code
    WHERE st.region_code = s.region_code AND st.id = s.structure_id AND s.structure_id = ANY (${sql.param(lignesStructures.map((l) => l.id))}::uuid[])`);
}

/** Vocabularies and networks: upserted, since imported structures may point to a network. */
export async function upsertReferentiel(db: Executor, referentiel: ReferentielAnnuaire): Promise<void> {
  await db.execute(sql`DELETE FROM annuaire_vocabulaire`);
  await insertBatched(db, t.vocabulaire, referentiel.vocabulaires);
  for (const r of referentiel.reseaux) {
    await db
      .insert(t.reseau)
      .values(r)
      .onConflictDoUpdate({
        target: t.reseau.code,
        set: {
          libelle: r.libelle,
          description: r.description,
          reseauPorteur: r.reseauPorteur,
          typologie: r.typologie,
          operateurCep: r.operateurCep,
          ordre: r.ordre,
        },
      });
  }
}

/**
 * Replaces everything that came from the given sources (real files, demonstration) in one
 * transaction, leaving structures of other sources (imports) alone. Structures their managers
 * have edited or confirmed (they have a history) are kept as edited, with their places, services
 * and contacts: the structure knows better than a file about itself.
 */
export async function replaceSources(
  db: Db,
  chargement: { jeu: string; empreinte: string; sources: string[]; referentiel: ReferentielAnnuaire; structures: StructureAImporter[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    await upsertReferentiel(tx, chargement.referentiel);
    await tx.execute(sql`DELETE FROM annuaire_structure st WHERE st.source = ANY (${sql.param(chargement.sources)}::text[])
      AND NOT EXISTS (SELECT 1 FROM annuaire_modification m WHERE m.structure_id = st.id)`);
    // By id alone: a history kept under another region_code (its structure reloaded elsewhere,
    // or gone before migration 0017) still marks the structure as edited.
    await insertStructures(tx, chargement.structures);
    await refreshLexique(tx);
    await recordLoad(tx, chargement.jeu, chargement.empreinte, chargement.structures.length);
  });
  // After the commit: a routing during the load would otherwise keep the old networks.
  memoireReseauxCep.oublier();
}
