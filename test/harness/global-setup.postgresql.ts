import type { TestProject } from 'vitest/node';
import { construireModelePostgresql, supprimerModelePostgresql } from './base.js';

// Runs in vitest's main process: builds this run's template database, hands its name to the test
// files, and drops it at the end.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const modele = await construireModelePostgresql();
  project.provide('modelePostgresql', modele);
  return () => supprimerModelePostgresql(modele);
}
