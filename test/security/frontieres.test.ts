import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Table, getTableName, is } from 'drizzle-orm';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/shared/config.js';

// STYLE.md, convention 2: a module is reached through its index.ts only, the web through the
// contracts only. Each exception below says why it exists; anything else fails here.

interface Import {
  /** Importing file, relative to the project root. */
  de: string;
  /** Imported file, relative to the project root. */
  vers: string;
  /** Every imported name is a type: erased at build time, no dependency at run time. */
  typeSeulement: boolean;
}

const racine = (chemin: string) => path.join(projectRoot, chemin);

function fichiers(dossier: string): string[] {
  if (!existsSync(racine(dossier))) return [];
  return readdirSync(racine(dossier), { recursive: true, withFileTypes: true })
    .filter((f) => f.isFile() && /\.tsx?$/.test(f.name) && !f.name.endsWith('.d.ts'))
    .map((f) => path.relative(projectRoot, path.join(f.parentPath, f.name)))
    .filter((f) => !f.split(path.sep).includes('node_modules'));
}

// Tests reach into modules on purpose (factories build rows directly); the rules are about the code that ships.
const estTest = (fichier: string) => /\.test\.tsx?$/.test(fichier);

function resoudre(de: string, specificateur: string): string | null {
  if (!specificateur.startsWith('.')) return null;
  const base = path.join(path.dirname(de), specificateur).replace(/\.js$/, '');
  const candidats = [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')];
  return candidats.find((c) => existsSync(racine(c))) ?? `${base}.ts`;
}

function importsDe(fichier: string): Import[] {
  const source = ts.createSourceFile(fichier, readFileSync(racine(fichier), 'utf8'), ts.ScriptTarget.Latest, false);
  const trouves: Import[] = [];
  const ajouter = (specificateur: ts.Expression | undefined, typeSeulement: boolean) => {
    if (!specificateur || !ts.isStringLiteral(specificateur)) return;
    const vers = resoudre(fichier, specificateur.text);
    if (vers) trouves.push({ de: fichier, vers: vers.split(path.sep).join('/'), typeSeulement });
  };
  const visiter = (noeud: ts.Node) => {
    if (ts.isImportDeclaration(noeud)) {
      const clause = noeud.importClause;
      const nommes = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeSeulement = !!clause && (clause.isTypeOnly || (!clause.name && !!nommes && nommes.length > 0 && nommes.every((e) => e.isTypeOnly)));
      ajouter(noeud.moduleSpecifier, typeSeulement);
    } else if (ts.isExportDeclaration(noeud)) {
      const nommes = noeud.exportClause && ts.isNamedExports(noeud.exportClause) ? noeud.exportClause.elements : undefined;
      ajouter(noeud.moduleSpecifier, noeud.isTypeOnly || (!!nommes && nommes.length > 0 && nommes.every((e) => e.isTypeOnly)));
    } else if (ts.isCallExpression(noeud) && noeud.expression.kind === ts.SyntaxKind.ImportKeyword) {
      ajouter(noeud.arguments[0], false);
    }
    ts.forEachChild(noeud, visiter);
  };
  visiter(source);
  return trouves;
}

const normaliser = (f: string) => f.split(path.sep).join('/');
const code = (dossiers: string[]) =>
  dossiers
    .flatMap(fichiers)
    .filter((f) => !estTest(f))
    .map(normaliser);
const imports = (dossiers: string[]) => code(dossiers).flatMap(importsDe);

/** The module a file belongs to: `src/modules/<module>/…`. */
const moduleDe = (f: string) => /^src\/modules\/([^/]+)\//.exec(f)?.[1] ?? null;
/** A module's public surface: its index.ts, or a sub-capability's. */
const estIndex = (f: string) => /^src\/modules\/.+\/index\.ts$/.test(f);
const estContrat = (f: string) => f.endsWith('.contract.ts');
const decrire = (i: Import) => `${i.de} → ${i.vers}${i.typeSeulement ? ' (types)' : ''}`;

/** Each table of the database and the module that owns it, read from the modules' *.tables.ts. */
async function proprietairesDesTables(): Promise<Map<string, string>> {
  const proprietaires = new Map<string, string>();
  for (const fichier of code(['src/modules']).filter((f) => f.endsWith('.tables.ts'))) {
    for (const valeur of Object.values((await import(racine(fichier))) as Record<string, unknown>)) {
      if (is(valeur, Table)) proprietaires.set(getTableName(valeur), moduleDe(fichier)!);
    }
  }
  return proprietaires;
}

/**
 * The tables of other modules that a module's file names in its SQL (drizzle's `sql` template and
 * `sql.raw`); comments and the other strings (messages, codes) do not count. Drizzle table objects of
 * another module cannot be reached at all: its tables.ts is behind its index.ts, which may not
 * expose them (tests above).
 */
function tablesEtrangeres(fichier: string, source: string, proprietaires: Map<string, string>): string[] {
  const module = moduleDe(fichier);
  const textes: string[] = [];
  const litteraux = (noeud: ts.Node) => {
    if (ts.isStringLiteralLike(noeud) || ts.isTemplateHead(noeud) || ts.isTemplateMiddle(noeud) || ts.isTemplateTail(noeud)) textes.push(noeud.text);
    ts.forEachChild(noeud, litteraux);
  };
  const visiter = (noeud: ts.Node) => {
    // SQL is what goes through drizzle's sql tag or sql.raw(); other strings are messages and names.
    if (ts.isTaggedTemplateExpression(noeud) && noeud.tag.getText() === 'sql') litteraux(noeud.template);
    else if (ts.isCallExpression(noeud) && /^sql\.raw$/.test(noeud.expression.getText())) noeud.arguments.forEach(litteraux);
    ts.forEachChild(noeud, visiter);
  };
  visiter(ts.createSourceFile(fichier, source, ts.ScriptTarget.Latest, true));
  const noms = new Set(textes.flatMap((t) => t.toLowerCase().match(/[a-z_][a-z0-9_]*/g) ?? []));
  return [...noms].filter((nom) => proprietaires.has(nom) && proprietaires.get(nom) !== module).map((nom) => `${fichier} : ${nom} (${proprietaires.get(nom)})`);
}

describe('frontières des modules (STYLE.md, convention 2)', () => {
  it('le balayage lit bien les imports du code', () => {
    const tous = imports(['src']);
    expect(tous.some((i) => i.de === 'src/server/app.ts' && i.vers === 'src/modules/identite/index.ts')).toBe(true);
    expect(tous.some((i) => i.de === 'src/modules/audit/index.ts' && i.vers === 'src/modules/audit/audit.service.ts')).toBe(true);
    expect(tous.some((i) => i.de === 'src/shared/contexte.ts' && i.typeSeulement)).toBe(true);
  });

  it('un module n’importe un autre module que par son index.ts', () => {
    // Exception: a contract may reuse another module's contract; both are plain Zod that the web imports too.
    const entreContrats = (i: Import) => estContrat(i.de) && estContrat(i.vers);
    const violations = imports(['src/modules'])
      .filter((i) => moduleDe(i.vers) && moduleDe(i.vers) !== moduleDe(i.de) && !estIndex(i.vers) && !entreContrats(i))
      .map(decrire);
    expect(violations).toEqual([]);
  });

  it('l’assemblage (src/server) et les chargeurs de données (data/) n’importent un module que par son index.ts', () => {
    // Exceptions: server/config.ts merges each module's configuration fragment (STYLE.md, convention 14);
    // server/app.ts registers each module's routes itself, so that no index.ts has to export them.
    const fragmentDeConfiguration = (i: Import) => i.de === 'src/server/config.ts' && i.vers.endsWith('.config.ts');
    const routesAssemblees = (i: Import) => i.de === 'src/server/app.ts' && i.vers.endsWith('.routes.ts');
    const violations = imports(['src/server', 'data'])
      .filter((i) => moduleDe(i.vers) && !estIndex(i.vers) && !fragmentDeConfiguration(i) && !routesAssemblees(i))
      .map(decrire);
    expect(violations).toEqual([]);
  });

  it('src/shared ne dépend ni des modules ni de l’assemblage', () => {
    const violations = imports(['src/shared'])
      .filter((i) => i.vers.startsWith('src/modules/') || i.vers.startsWith('src/server/'))
      .map(decrire);
    expect(violations).toEqual([]);
  });

  it('le site web n’importe du serveur que les contrats (*.contract.ts)', () => {
    const violations = imports(['web/src'])
      .filter((i) => !i.vers.startsWith('web/') && !estContrat(i.vers))
      .map(decrire);
    expect(violations).toEqual([]);
  });

  it('un contrat n’importe que zod, src/shared et d’autres contrats, pour que le site web n’embarque rien du serveur', () => {
    const violations = imports(['src/modules'])
      .filter((i) => estContrat(i.de) && !i.vers.startsWith('src/shared/') && !estContrat(i.vers))
      .map(decrire);
    expect(violations).toEqual([]);
  });

  it('l’index d’un module n’exporte pas ses routes : seul l’assemblage les monte, et un module qui en appelle un autre n’en charge pas les routes', () => {
    const violations = imports(['src/modules'])
      .filter((i) => estIndex(i.de) && i.vers.endsWith('.routes.ts'))
      .map(decrire);
    expect(violations).toEqual([]);
  });

  it('le SQL d’un module ne nomme que ses propres tables', async () => {
    const proprietaires = await proprietairesDesTables();
    expect(proprietaires.get('annuaire_structure')).toBe('annuaire');
    const violations = code(['src/modules']).flatMap((f) => tablesEtrangeres(f, readFileSync(racine(f), 'utf8'), proprietaires));
    expect(violations).toEqual([]);
  });

  it('la vérification du SQL voit une table d’un autre module, dans une requête brute comme dans un fragment', async () => {
    const proprietaires = await proprietairesDesTables();
    const fautif = [
      '// annuaire_structure in a comment is no query.',
      "const message = 'Le dossier est introuvable.';",
      'const a = sql`SELECT id FROM annuaire_structure WHERE id = ${id}`;',
      "const b = sql.raw('DELETE FROM AUDIT_EVENEMENT');",
      'const c = sql`SELECT 1 FROM identite_utilisateur`;',
    ].join('\n');
    expect(tablesEtrangeres('src/modules/identite/identite.essai.ts', fautif, proprietaires)).toEqual([
      'src/modules/identite/identite.essai.ts : annuaire_structure (annuaire)',
      'src/modules/identite/identite.essai.ts : audit_evenement (audit)',
    ]);
  });

  it('l’index d’un module n’expose ni ses tables ni les requêtes de son dépôt, seulement des services, des types et des constantes', async () => {
    const violations: string[] = [];
    const internes = imports(['src/modules']).filter((i) => estIndex(i.de) && /\.(tables|repository)\.ts$/.test(i.vers) && !i.typeSeulement);
    for (const i of internes) {
      const publics = (await import(racine(i.de))) as Record<string, unknown>;
      const interne = Object.values((await import(racine(i.vers))) as Record<string, unknown>);
      for (const [nom, valeur] of Object.entries(publics)) {
        if ((typeof valeur === 'function' || is(valeur, Table)) && interne.includes(valeur)) violations.push(`${decrire(i)} : ${nom}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
