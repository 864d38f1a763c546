import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints, at the end of a run, the time each vitest project spent in its test files (summed over
 * files, so above wall time when files run in parallel): where the CI's minutes go.
 */
export default class DureeParProjet implements Reporter {
  onTestRunEnd(modules: readonly TestModule[]): void {
    const durees = new Map<string, { fichiers: number; ms: number }>();
    for (const m of modules) {
      const projet = m.project.name || 'défaut';
      const d = durees.get(projet) ?? { fichiers: 0, ms: 0 };
      d.fichiers += 1;
      d.ms += m.diagnostic().duration;
      durees.set(projet, d);
    }
    const lignes = [...durees].map(
      ([projet, d]) => `  ${projet.padEnd(14)} ${(d.ms / 1000).toFixed(1).padStart(8)} s  (${d.fichiers} fichier${d.fichiers > 1 ? 's' : ''})`,
    );
    process.stdout.write(`\nDurée des fichiers de test par projet :\n${lignes.join('\n')}\n`);
  }
}
