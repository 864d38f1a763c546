/**
 * Import rules of the repository: no circle, in the server (src/) as in the front (web/src/), and
 * floors that only go down (src/server, then src/modules, then src/shared and src/db). Which module
 * may reach which file of another is test/security/frontieres.test.ts's business.
 */
module.exports = {
  forbidden: [
    {
      name: 'pas-de-cercle',
      comment: 'Un fichier ne peut pas, par ses imports, revenir à lui-même : les étages ne font que descendre.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'etages-assemblage-en-haut',
      comment:
        'src/server assemble : les modules, src/shared et src/db ne l’importent jamais. Les tests, qui montent l’application entière, sont au-dessus de tous les étages.',
      severity: 'error',
      from: { path: '^src/(modules|shared|db)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/server/' },
    },
    {
      name: 'etages-socle-en-bas',
      comment: 'src/shared et src/db sont sous les modules : ils ne connaissent aucune capacité.',
      severity: 'error',
      from: { path: '^src/(shared|db)/', pathNot: '\\.test\\.tsx?$' },
      to: { path: '^src/modules/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
