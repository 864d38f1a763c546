// Rewrites the generated plan of docs/distribution-citus.md from src/db/distribution.ts.
// npx tsx scripts/distribution-citus.ts — then review the diff with the declaration's.
import { readFileSync, writeFileSync } from 'node:fs';
import { CHEMIN_DU_PLAN, remplacerLePlan } from '../src/db/distribution.js';

const avant = readFileSync(CHEMIN_DU_PLAN, 'utf8');
const apres = remplacerLePlan(avant);
writeFileSync(CHEMIN_DU_PLAN, apres);
console.log(avant === apres ? 'docs/distribution-citus.md était à jour.' : 'docs/distribution-citus.md mis à jour.');
