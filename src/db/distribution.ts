import path from 'node:path';
import { projectRoot } from '../shared/config.js';

/**
 * How the schema spreads over a Citus cluster (distributed PostgreSQL) for a national deployment:
 * every table of `public` is either tenant data, sharded by `region_code`, or reference data,
 * copied whole to every node. This list is the one place that says which: the schema test
 * (distribution.db.test.ts) holds the migrated database to it, and docs/distribution-citus.md
 * shows the plan rendered from it (distribution.test.ts checks the page against it).
 */

/** The distribution column of every tenant table: one Region's rows stay together on one node. */
export const COLONNE_DE_DISTRIBUTION = 'region_code';

export type Genre = 'distribuee' | 'reference';

export interface TableDeclaree {
  table: string;
  genre: Genre;
  /** Why this table is tenant data or reference data, in French (shown in the documentation). */
  raison: string;
}

const TERRITOIRE = 'géographie nationale (Insee), rechargée à chaque millésime, lue par toutes les Régions';
const METIERS = 'répertoire ROME national (France Travail), rechargé à chaque version, quelques dizaines de milliers de lignes';
const MARCHE = 'statistiques nationales publiées (BMO, tension, chômage), rechargées une fois l’an';

const reference = (table: string, raison: string): TableDeclaree => ({ table, genre: 'reference', raison });
const distribuee = (table: string, raison: string): TableDeclaree => ({ table, genre: 'distribuee', raison });

/**
 * Every table, in the order the plan creates them: a table comes after the tables its foreign keys
 * point to (Citus distributes a table only once what it references is distributed or replicated).
 * Reference tables must stay small and rarely written: Citus writes each change on every node.
 */
export const DISTRIBUTION: readonly TableDeclaree[] = [
  reference('schema_migrations', 'journal des migrations appliquées, une ligne par migration'),
  reference('reference_chargement', 'journal des chargements de référentiels, une ligne par jeu de données'),
  reference('territoire_region', TERRITOIRE),
  reference('territoire_departement', TERRITOIRE),
  reference('territoire_epci', TERRITOIRE),
  reference('territoire_commune', TERRITOIRE),
  reference('territoire_contour', `${TERRITOIRE} ; contours simplifiés`),
  reference('territoire_zone_emploi', TERRITOIRE),
  reference('territoire_zone_emploi_commune', TERRITOIRE),
  reference('territoire_bassin_bmo', TERRITOIRE),
  reference('territoire_bassin_bmo_commune', TERRITOIRE),
  reference('metiers_version', METIERS),
  reference('metiers_grand_domaine', METIERS),
  reference('metiers_domaine_professionnel', METIERS),
  reference('metiers_fiche', METIERS),
  reference('metiers_appellation', METIERS),
  reference('metiers_code_retire', METIERS),
  reference('metiers_bloc', METIERS),
  reference('metiers_rubrique', METIERS),
  reference('metiers_texte', METIERS),
  reference('metiers_competence', METIERS),
  reference('metiers_savoir', METIERS),
  reference('metiers_contexte', METIERS),
  reference('metiers_item', METIERS),
  reference('metiers_lien', METIERS),
  reference('metiers_mobilite', METIERS),
  reference('metiers_centre_interet', METIERS),
  reference('metiers_fiche_centre_interet', METIERS),
  reference('metiers_secteur', METIERS),
  reference('metiers_sous_secteur', METIERS),
  reference('metiers_fiche_secteur', METIERS),
  reference('metiers_secteur_naf', METIERS),
  reference('metiers_fiche_secteur_naf', METIERS),
  reference('metiers_theme', METIERS),
  reference('metiers_fiche_theme', METIERS),
  reference('metiers_lexique', `${METIERS} ; mots des libellés pour les fautes de frappe`),
  reference('marche_source', MARCHE),
  reference('marche_fap', MARCHE),
  reference('marche_metier_bmo', MARCHE),
  reference('marche_bmo_projet', MARCHE),
  reference('marche_taux_chomage', MARCHE),
  reference('marche_tension', MARCHE),
  reference('annuaire_reseau', 'réseaux nationaux de l’annuaire (une vingtaine), chargés avec le référentiel'),
  reference('annuaire_vocabulaire', 'vocabulaires nationaux de l’annuaire (thématiques, publics, modes), chargés avec le référentiel'),
  reference(
    'annuaire_lexique',
    'mots des noms de l’annuaire pour les fautes de frappe : quelques dizaines de milliers, écrits au chargement et quand un nom gagne un mot nouveau',
  ),
  reference(
    'aiguillage_regles',
    'règles d’aiguillage nationales (region_code vide) et régionales : quelques versions publiées par an, lues par toutes les Régions pour le repli national',
  ),

  distribuee('annuaire_structure', 'structures de l’annuaire, gérées par la Région de leur commune'),
  distribuee('annuaire_site', 'lieux d’une structure, dans la Région de la structure'),
  distribuee('annuaire_service', 'services d’une structure, dans la Région de la structure'),
  distribuee('annuaire_contact', 'contacts d’une structure, dans la Région de la structure'),
  distribuee('annuaire_modification', 'historique des modifications d’une structure'),
  distribuee('annuaire_signalement', 'signalements d’erreur sur une structure'),
  distribuee('annuaire_rappel_confirmation', 'rappels de confirmation envoyés à une structure'),
  distribuee(
    'identite_utilisateur',
    'comptes des agents et des personnes : des centaines de milliers, écrits à chaque connexion ; Région de rattachement du compte',
  ),
  distribuee('identite_adhesion', 'rôles d’un compte, dans la Région du compte'),
  distribuee('identite_compte_externe', 'liens d’un compte avec ProConnect ou FranceConnect'),
  distribuee('identite_invitation', 'invitations d’une structure à rejoindre son équipe'),
  distribuee('identite_session', 'sessions ouvertes, écrites à chaque requête'),
  distribuee('identite_tentative_connexion', 'tentatives de connexion échouées, écrites à chaque échec'),
  distribuee('audit_evenement', 'journal d’audit, la plus grosse table : une chaîne par Région'),
  distribuee('vigilance_alerte', 'alertes sur le volume de lectures d’un agent'),
  distribuee('consentement', 'consentements d’une personne, dans la Région de la structure qui la reçoit'),
  distribuee('dossier_personne', 'personnes reçues, dans la Région de la structure qui les reçoit'),
  distribuee('dossier', 'dossiers CEP, dans la Région de la structure détentrice'),
  distribuee('evenement_domaine', 'événements de domaine (boîte d’envoi), écrits avec chaque changement'),
  distribuee('courriel_envoi', 'courriels en file, écrits avec le changement qui les cause, effacés une fois remis'),
];

/** What the schema test reads from the migrated database's catalogue (schema `public`). */
export interface Catalogue {
  tables: { nom: string; colonnes: { nom: string; nonNulle: boolean }[] }[];
  /** Primary keys, unique constraints and unique indexes; an expression key column is `null`. */
  unicites: { nom: string; table: string; nature: 'cle_primaire' | 'unicite'; colonnes: (string | null)[] }[];
  clesEtrangeres: { nom: string; table: string; colonnes: string[]; cible: string; colonnesCibles: string[] }[];
}

/**
 * What keeps this schema from being distributed as declared, one French sentence per fault; empty
 * when nothing does. Citus enforces a primary key, a unique index or a foreign key between
 * distributed tables only when it includes the distribution column; leading with it also keeps
 * every lookup by key on one node.
 */
export function problemesDeDistribution(catalogue: Catalogue, declaration: readonly TableDeclaree[] = DISTRIBUTION): string[] {
  const problemes: string[] = [];
  const col = COLONNE_DE_DISTRIBUTION;
  const parNom = new Map(declaration.map((d, rang) => [d.table, { ...d, rang: rangDansLePlan(declaration, rang) }]));
  const presentes = new Set(catalogue.tables.map((t) => t.nom));

  for (const table of catalogue.tables) {
    const declaree = parNom.get(table.nom);
    if (!declaree) {
      problemes.push(`${table.nom} : table ni distribuée ni de référence ; déclarez-la dans src/db/distribution.ts`);
      continue;
    }
    if (declaree.genre !== 'distribuee') continue;
    const colonne = table.colonnes.find((c) => c.nom === col);
    if (!colonne) problemes.push(`${table.nom} : table distribuée sans colonne ${col}`);
    else if (!colonne.nonNulle) problemes.push(`${table.nom} : ${col} peut être vide ; Citus refuse une ligne sans valeur de distribution`);
    if (!catalogue.unicites.some((u) => u.table === table.nom && u.nature === 'cle_primaire')) {
      problemes.push(`${table.nom} : table distribuée sans clé primaire`);
    }
  }
  for (const d of declaration) {
    if (!presentes.has(d.table)) problemes.push(`${d.table} : déclarée dans src/db/distribution.ts mais absente du schéma`);
  }

  for (const u of catalogue.unicites) {
    if (parNom.get(u.table)?.genre !== 'distribuee' || u.colonnes[0] === col) continue;
    const quoi = u.nature === 'cle_primaire' ? 'clé primaire' : 'unicité';
    problemes.push(`${u.table} : ${quoi} ${u.nom} (${u.colonnes.map((c) => c ?? '(expression)').join(', ')}) ne commence pas par ${col}`);
  }

  for (const fk of catalogue.clesEtrangeres) {
    const source = parNom.get(fk.table);
    const cible = parNom.get(fk.cible);
    if (!source || !cible) continue;
    if (source.genre === 'reference' && cible.genre === 'distribuee') {
      problemes.push(`${fk.table} : clé étrangère ${fk.nom} d’une table de référence vers la table distribuée ${fk.cible}`);
      continue;
    }
    if (source.genre === 'distribuee' && cible.genre === 'distribuee' && (fk.colonnes[0] !== col || fk.colonnesCibles[0] !== col)) {
      problemes.push(
        `${fk.table} : clé étrangère ${fk.nom} (${fk.colonnes.join(', ')}) vers ${fk.cible} (${fk.colonnesCibles.join(', ')}) ne commence pas par ${col} des deux côtés`,
      );
    }
    if (fk.cible !== fk.table && cible.rang > source.rang) {
      problemes.push(`${fk.table} : clé étrangère ${fk.nom} vers ${fk.cible}, déclarée après elle ; placez ${fk.cible} plus haut dans src/db/distribution.ts`);
    }
  }
  return problemes;
}

// Reference tables come first in the plan, then distributed ones, each kind in declaration order.
function rangDansLePlan(declaration: readonly TableDeclaree[], rang: number): number {
  const d = declaration[rang]!;
  return d.genre === 'reference' ? rang : declaration.length + rang;
}

/** The tables of one kind, in the order the plan creates them. */
export function tablesDuGenre(genre: Genre, declaration: readonly TableDeclaree[] = DISTRIBUTION): TableDeclaree[] {
  return declaration.filter((d) => d.genre === genre);
}

/**
 * The statements that distribute the migrated schema on a Citus coordinator, in order: reference
 * tables, then every tenant table colocated with the first one, so that a Region's rows of all
 * tables share one node and join there.
 */
export function instructionsDeDistribution(declaration: readonly TableDeclaree[] = DISTRIBUTION): string[] {
  const references = tablesDuGenre('reference', declaration).map((d) => `SELECT create_reference_table('${d.table}');`);
  const [premiere, ...suivantes] = tablesDuGenre('distribuee', declaration);
  if (!premiere) return references;
  return [
    ...references,
    `SELECT create_distributed_table('${premiere.table}', '${COLONNE_DE_DISTRIBUTION}');`,
    ...suivantes.map((d) => `SELECT create_distributed_table('${d.table}', '${COLONNE_DE_DISTRIBUTION}', colocate_with => '${premiere.table}');`),
  ];
}

/** The page that shows the plan. */
export const CHEMIN_DU_PLAN = path.join(projectRoot, 'docs', 'distribution-citus.md');

/** Where docs/distribution-citus.md holds the plan rendered from this declaration. */
export const BORNES_DU_PLAN = { debut: '<!-- plan:debut (généré depuis src/db/distribution.ts) -->', fin: '<!-- plan:fin -->' } as const;

/** The plan as the documentation shows it: both lists with their reasons, then the statements. */
export function planEnMarkdown(declaration: readonly TableDeclaree[] = DISTRIBUTION): string {
  const liste = (genre: Genre) => tablesDuGenre(genre, declaration).map((d) => `| \`${d.table}\` | ${d.raison} |`);
  const [premiere] = tablesDuGenre('distribuee', declaration);
  return [
    `### Tables distribuées par \`${COLONNE_DE_DISTRIBUTION}\`${premiere ? `, colocalisées avec \`${premiere.table}\`` : ''}`,
    '',
    '| table | pourquoi |',
    '| --- | --- |',
    ...liste('distribuee'),
    '',
    '### Tables de référence (copiées sur chaque nœud)',
    '',
    '| table | pourquoi |',
    '| --- | --- |',
    ...liste('reference'),
    '',
    '### Instructions, dans l’ordre',
    '',
    '```sql',
    ...instructionsDeDistribution(declaration),
    '```',
  ].join('\n');
}

/** The page with its plan block replaced by `plan`; the page unchanged when it has no such block. */
export function remplacerLePlan(page: string, plan: string = planEnMarkdown()): string {
  const debut = page.indexOf(BORNES_DU_PLAN.debut);
  const fin = page.indexOf(BORNES_DU_PLAN.fin);
  if (debut < 0 || fin < debut) return page;
  return `${page.slice(0, debut + BORNES_DU_PLAN.debut.length)}\n${plan}\n${page.slice(fin)}`;
}
