import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PERMISSIONS, type Permission, ROLES_PERMISSIONS, type RoleActeur } from '../../src/modules/identite/index.js';
import type { Access, RouteDeclaree } from '../../src/server/access.js';
import { projectRoot } from '../../src/shared/config.js';
import { CLES_ACTEURS, PROFILS } from '../harness/acteurs.js';
import { cleRoute, type DecisionPorte, decisionPorte, routesBalayees } from './balayage.js';
import { SANS_OBJET, SCENARIOS_OBJETS, statutAttendu } from './objets.js';

/**
 * The generated parts of docs/securite.md: roles and permissions, the route × actor matrix and
 * the privileged accesses. Built from the code; a test fails when the document lags behind, so
 * that a change of rights is read in review as one.
 */

export const CHEMIN_DOC = path.join(projectRoot, 'docs', 'securite.md');
export const COMMANDE_REGENERATION = 'npm run securite:matrice';

export const SECTIONS = ['roles', 'matrice', 'acces-privilegies'] as const;
export type Section = (typeof SECTIONS)[number];

const TITRES: Record<Section, string> = {
  roles: 'Rôles et permissions',
  matrice: 'Matrice des routes',
  'acces-privilegies': 'Accès privilégiés',
};

// What a reader needs around each generated table; written once, kept when the table is regenerated.
const INTRODUCTIONS: Record<Section, string> = {
  roles: [
    'Chaque route déclare la permission qu’elle exige (`config.access`, `src/server/access.ts`) ; un rôle',
    'la donne ou non, partout où il est tenu : la politique du module (`<module>.policy.ts`) décide ensuite',
    'pour l’enregistrement lui-même (quelle structure, quel territoire). Le tableau vient de',
    '`src/modules/identite/identite.permissions.ts`.',
  ].join('\n'),
  matrice: [
    'Ce que la porte d’entrée de l’API répond à chaque acteur, route par route, calculé depuis les',
    'déclarations des routes et le tableau des rôles. `test/security/matrice.db.test.ts` appelle chaque',
    'route avec chaque acteur (sur PGlite et sur PostgreSQL) et vérifie la réponse : une route ajoutée est',
    'couverte sans que personne n’ait à y penser, et apparaît ici à la revue.',
    '',
    'Ne modifiez pas ces tableaux à la main : lancez `npm run securite:matrice`',
    '(`npx tsx scripts/securite/matrice.ts`), puis relisez la différence comme un changement de droits.',
  ].join('\n'),
  'acces-privilegies': [
    'Ce qui contourne le contrôle ordinaire, et pourquoi. L’acteur système (`asSystem(motif)`,',
    '`src/shared/acteur.ts`) passe toutes les permissions : il sert aux chargements de',
    'référentiels, aux tâches planifiées et aux fabriques de tests, jamais à une requête HTTP. Chaque usage',
    'porte son motif en clair ; le test de la matrice échoue si un usage apparaît, disparaît ou change de',
    'motif sans que ce document suive, et si un motif n’est pas une chaîne littérale. Les routes ouvertes',
    'sans permission et celles dispensées du jeton CSRF sont listées de même, avec la raison que donne',
    'leur déclaration.',
  ].join('\n'),
};

const debut = (s: Section) => `<!-- début du contenu généré (${COMMANDE_REGENERATION}) : ${s} -->`;
const fin = (s: Section) => `<!-- fin du contenu généré : ${s} -->`;

function tableau(entetes: string[], lignes: string[][]): string {
  const ligne = (cellules: string[]) => `| ${cellules.join(' | ')} |`;
  return [ligne(entetes), ligne(entetes.map(() => '---')), ...lignes.map(ligne)].join('\n');
}

const ROLES_AFFICHES = Object.keys(ROLES_PERMISSIONS) as RoleActeur[];

function sectionRoles(): string {
  const lignes = (Object.keys(PERMISSIONS) as Permission[]).map((p) => [
    `\`${p}\``,
    PERMISSIONS[p],
    ...ROLES_AFFICHES.map((r) => ((ROLES_PERMISSIONS[r].permissions as readonly string[]).includes(p) ? '✓' : '')),
  ]);
  lignes.push([
    '*second facteur exigé*',
    'Aucune permission n’est utilisable avant la validation du second facteur (connexion locale).',
    ...ROLES_AFFICHES.map((r) => (ROLES_PERMISSIONS[r].secondFacteurRequis ? 'oui' : 'non')),
  ]);
  const entetes = ['permission', 'ce qu’elle permet', ...ROLES_AFFICHES.map((r) => `${ROLES_PERMISSIONS[r].libelle} (\`${r}\`)`)];
  return tableau(entetes, lignes);
}

function libelleAcces(access: Access): string {
  if ('public' in access) return 'public';
  if ('connecte' in access) return 'connecté';
  return `\`${access.permission}\``;
}

function celluleGate(decision: DecisionPorte): string {
  if (decision.franchie) return '✓';
  return decision.code === 'identite.second_facteur_requis' ? '403 2FA' : String(decision.statut);
}

function sectionMatrice(routes: readonly RouteDeclaree[]): string {
  const balayees = routesBalayees(routes);
  const acteurs = CLES_ACTEURS.map((c) => PROFILS[c]);
  const legende = acteurs.map((p) => `- **${p.abrege}** : ${p.libelle}`).join('\n');
  const porte = tableau(
    ['route', 'accès', ...acteurs.map((p) => p.abrege)],
    balayees.map((r) => [`\`${cleRoute(r)}\``, libelleAcces(r.access), ...acteurs.map((p) => celluleGate(decisionPorte(r.access, p)))]),
  );
  const parCle = new Map(balayees.map((r) => [cleRoute(r), r]));
  const objets = SCENARIOS_OBJETS.length
    ? tableau(
        ['route', 'règle', ...acteurs.map((p) => p.abrege)],
        SCENARIOS_OBJETS.map((s) => {
          const route = parCle.get(s.route);
          return [
            `\`${s.route}\``,
            s.regle,
            ...acteurs.map((p) => {
              const decision = route ? decisionPorte(route.access, p) : null;
              return decision && !decision.franchie ? celluleGate(decision) : String(statutAttendu(s, p.cle));
            }),
          ];
        }),
      )
    : 'Aucune route ne désigne encore un enregistrement rattaché à une structure.';
  const sansObjet = Object.entries(SANS_OBJET)
    .map(([route, raison]) => `- \`${route}\` : ${raison}`)
    .join('\n');
  return [
    'Acteurs :',
    '',
    legende,
    '',
    '### À la porte d’entrée',
    '',
    '✓ : la porte laisse passer (la route répond ensuite selon la requête) ; 401 : non connecté ;',
    '403 : aucun rôle de l’acteur ne donne la permission ; 403 2FA : second facteur à valider d’abord.',
    '',
    porte,
    '',
    '### Sur un enregistrement de la structure A',
    '',
    'Statut attendu quand l’enregistrement appartient à la structure A (`test/security/objets.ts`). Un',
    'enregistrement hors du périmètre de l’acteur répond 404, exactement comme un enregistrement absent.',
    '',
    objets,
    '',
    'Routes à paramètre sans enregistrement rattaché :',
    '',
    sansObjet,
  ].join('\n');
}

export interface UsageSysteme {
  fichier: string;
  ligne: number;
  /** null when the reason is not a string literal: the sweep refuses it. */
  motif: string | null;
}

const DOSSIERS_DU_CODE = ['src', 'data', 'scripts'];

function fichiersTs(dossier: string): string[] {
  return readdirSync(path.join(projectRoot, dossier), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.tsx?$/.test(f.name) && !/\.test\.tsx?$/.test(f.name))
    .map((f) => path.relative(projectRoot, path.join(f.parentPath, f.name)));
}

/** Every call of `asSystem(…)` in the code that runs (tests and test factories aside). */
export function usagesSysteme(): UsageSysteme[] {
  return DOSSIERS_DU_CODE.flatMap(fichiersTs)
    .toSorted()
    .flatMap((fichier) => {
      const texte = readFileSync(path.join(projectRoot, fichier), 'utf8');
      return [...texte.matchAll(/(?<!function )\basSystem\(/g)].flatMap((m) => {
        const lignes = texte.slice(0, m.index).split('\n');
        // Mentions in comments are not calls.
        if (/^\s*(\/\/|\/?\*)/.test(lignes.at(-1)!)) return [];
        const litteral = /^\s*(['"`])((?:(?!\1)[^\\])*)\1\s*\)/.exec(texte.slice(m.index + m[0].length));
        const motif = litteral && !(litteral[1] === '`' && litteral[2]!.includes('${')) ? litteral[2]! : null;
        return [{ fichier, ligne: lignes.length, motif }];
      });
    });
}

function sectionAccesPrivilegies(routes: readonly RouteDeclaree[]): string {
  const usages = usagesSysteme();
  const systeme = usages.length
    ? tableau(
        ['fichier', 'motif'],
        usages.map((u) => [`\`${u.fichier}\``, u.motif ?? '**motif non littéral**']),
      )
    : 'Aucun usage de `asSystem` pour l’instant.';
  const balayees = routesBalayees(routes);
  const ouvertes = balayees.flatMap((r) => {
    const a = r.access;
    if ('public' in a) return [[`\`${cleRoute(r)}\``, 'sans session', a.public]];
    if ('connecte' in a) return [[`\`${cleRoute(r)}\``, 'tout compte connecté, même avant son second facteur', a.connecte]];
    return [];
  });
  const sansCsrf = balayees.filter((r) => r.access.sansJetonCsrf).map((r) => [`\`${cleRoute(r)}\``, r.access.sansJetonCsrf!]);
  return [
    '### Acteur système',
    '',
    systeme,
    '',
    '### Routes sans permission',
    '',
    'Chacune dit dans sa déclaration pourquoi aucune permission n’est exigée.',
    '',
    tableau(['route', 'ouverte à', 'raison'], ouvertes),
    '',
    '### Routes dispensées du jeton CSRF',
    '',
    sansCsrf.length ? tableau(['route', 'raison'], sansCsrf) : 'Aucune : toute requête qui modifie exige le jeton et une origine du même site.',
  ].join('\n');
}

export function sectionsGenerees(routes: readonly RouteDeclaree[]): Record<Section, string> {
  return { roles: sectionRoles(), matrice: sectionMatrice(routes), 'acces-privilegies': sectionAccesPrivilegies(routes) };
}

/** The generated block of a section as the document holds it; null when absent. */
export function blocDuDocument(document: string, section: Section): string | null {
  const i = document.indexOf(debut(section));
  const j = document.indexOf(fin(section));
  if (i < 0 || j < i) return null;
  return document.slice(i + debut(section).length, j).trim();
}

/** The document with each generated block replaced; a missing section is added at the end with its introduction. */
export function documentAJour(document: string, sections: Record<Section, string>): string {
  let resultat = document;
  for (const section of SECTIONS) {
    const bloc = `${debut(section)}\n\n${sections[section]}\n\n${fin(section)}`;
    const i = resultat.indexOf(debut(section));
    const j = resultat.indexOf(fin(section));
    resultat =
      i >= 0 && j > i
        ? resultat.slice(0, i) + bloc + resultat.slice(j + fin(section).length)
        : `${resultat.trimEnd()}\n\n## ${TITRES[section]}\n\n${INTRODUCTIONS[section]}\n\n${bloc}\n`;
  }
  return resultat;
}
