import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { creerDossier } from '../../../test/factories/dossier.js';
import { structuresDeDemonstration } from '../../../test/harness/acteurs.js';
import { type AppDeTest, creerAppDeTest } from '../../../test/harness/app.js';
import { rows } from '../../db/client.js';
// The writer itself: every event goes through it, whichever path of the audit module calls it.
import * as audit from '../audit/audit.service.js';
import * as consentementRepository from '../consentement/consentement.repository.js';
import * as evenements from '../evenements/index.js';
import * as repository from './dossier.repository.js';

let t: AppDeTest;
let A: string;
let B: string;

beforeAll(async () => {
  t = await creerAppDeTest();
  [A, B] = await structuresDeDemonstration(t);
});
afterAll(async () => t?.close());
afterEach(() => vi.restoreAllMocks());

async function lignes() {
  const [n] = await rows<Record<string, number>>(
    t.database.db,
    sql`SELECT (SELECT count(*)::int FROM dossier_personne) AS personnes, (SELECT count(*)::int FROM dossier) AS dossiers,
               (SELECT count(*)::int FROM consentement) AS consentements, (SELECT count(*)::int FROM audit_evenement) AS evenements,
               (SELECT count(*)::int FROM evenement_domaine) AS domaine`,
  );
  return n!;
}

/** Lets the `rang`-th call of the function run, then throws: a fault right after that statement. */
function panneApres(module: object, nom: string, rang = 1) {
  const fonctions = module as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = fonctions[nom]!;
  let appels = 0;
  vi.spyOn(fonctions, nom).mockImplementation(async (...args: unknown[]) => {
    const resultat = await original(...args);
    if (++appels === rang) throw new Error(`panne simulée après ${nom} n° ${rang}`);
    return resultat;
  });
}

describe('S21 : ouvrir un dossier écrit tout ou rien', () => {
  const pannes: [string, () => void][] = [
    ['l’insertion de la personne', () => panneApres(repository, 'insertPersonne')],
    ['l’insertion du dossier', () => panneApres(repository, 'insertDossier')],
    ['l’événement d’audit du dossier', () => panneApres(audit, 'recordAudit', 1)],
    ['l’événement de domaine du dossier', () => panneApres(evenements, 'publierEvenement', 1)],
    ['l’insertion du premier consentement', () => panneApres(consentementRepository, 'insertConsentement', 1)],
    ['l’événement d’audit du premier consentement', () => panneApres(audit, 'recordAudit', 2)],
    ['l’insertion du second consentement', () => panneApres(consentementRepository, 'insertConsentement', 2)],
    ['le dernier événement d’audit', () => panneApres(audit, 'recordAudit', 3)],
    ['le dernier événement de domaine', () => panneApres(evenements, 'publierEvenement', 3)],
  ];

  it.each(pannes)('une panne juste après %s ne laisse ni personne, ni dossier, ni consentement, ni événement d’audit ou de domaine', async (_, provoquer) => {
    const avant = await lignes();
    provoquer();
    await expect(creerDossier(t.database.db, { structureId: A, partagerAvec: B })).rejects.toThrow(/^panne simulée après/);
    vi.restoreAllMocks();
    expect(await lignes()).toEqual(avant);
  });

  it('sans panne, la personne, le dossier, ses deux consentements, trois événements d’audit et trois de domaine sont écrits ensemble', async () => {
    const avant = await lignes();
    await creerDossier(t.database.db, { structureId: A, partagerAvec: B });
    expect(await lignes()).toEqual({
      personnes: avant.personnes! + 1,
      dossiers: avant.dossiers! + 1,
      consentements: avant.consentements! + 2,
      evenements: avant.evenements! + 3,
      domaine: avant.domaine! + 3,
    });
  });
});
