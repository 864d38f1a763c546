/** Import rules of the repository: no circle, in the server (src/) as in the front (web/src/). */
module.exports = {
  forbidden: [
    {
      name: 'pas-de-cercle',
      comment: 'Un fichier ne peut pas, par ses imports, revenir à lui-même : les étages ne font que descendre.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
