import { readdir } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listMigrations, ordreDesMigrations } from './migrate.js';

/**
 * Numbers that more than one migration carries, each with the exact files allowed to share it.
 * 0010: two branches each took the next number; both files had run on databases before anyone
 * noticed. The journal (schema_migrations) is keyed by file name, so renaming either one would
 * make it run a second time on those databases: they keep their names, and no other number may
 * be shared.
 */
const NUMEROS_PARTAGES: Readonly<Record<string, readonly string[]>> = {
  '0010': ['0010_add-position-service', '0010_create-aiguillage'],
};

const NOM = /^(\d{4})_[a-z]+(-[a-z0-9]+)+$/;

/** What is wrong with a list of migration names (without `.sql`), in French; empty when nothing is. */
function problemesDuRegistre(noms: readonly string[], partages: Readonly<Record<string, readonly string[]>> = NUMEROS_PARTAGES): string[] {
  const problemes: string[] = [];
  const parNumero = new Map<string, string[]>();
  for (const nom of noms) {
    const numero = NOM.exec(nom)?.[1];
    if (!numero) {
      problemes.push(`${nom} : nommez la migration NNNN_verbe-objet (quatre chiffres, puis des mots en minuscules reliés par des tirets)`);
      continue;
    }
    parNumero.set(numero, [...(parNumero.get(numero) ?? []), nom]);
  }
  for (const [numero, fichiers] of parNumero) {
    const admis = partages[numero];
    if (fichiers.length > 1 && !admis) {
      problemes.push(`numéro ${numero} porté par ${fichiers.join(', ')} : donnez à la plus récente le numéro suivant le dernier`);
    } else if (admis && fichiers.length > 1 && [...fichiers].sort().join() !== [...admis].sort().join()) {
      problemes.push(`numéro ${numero} porté par ${fichiers.join(', ')} : seules ${admis.join(', ')} le partagent`);
    }
  }
  // A shared number lists files that ran on databases: renamed or removed, it would run again or be lost.
  for (const [numero, admis] of Object.entries(partages)) {
    const absents = admis.filter((nom) => !noms.includes(nom));
    if (absents.length > 0) problemes.push(`numéro ${numero} : ${absents.join(', ')} absente(s) ; une migration déjà passée garde son nom`);
  }
  const plusGrand = Math.max(0, ...[...parNumero.keys()].map(Number));
  for (let n = 1; n < plusGrand; n++) {
    const numero = String(n).padStart(4, '0');
    if (!parNumero.has(numero)) problemes.push(`numéro ${numero} manquant : les numéros se suivent depuis 0001`);
  }
  return problemes;
}

describe('registre des migrations', () => {
  it('chaque numéro appartient à une seule migration, hors la paire 0010 déjà passée, et les numéros se suivent', async () => {
    const noms = (await listMigrations()).map((m) => m.nom);
    expect(problemesDuRegistre(noms)).toEqual([]);
  });

  it('chaque fichier du dossier des migrations est une migration appliquée : aucun n’est ignoré pour son nom', async () => {
    const fichiers = await readdir(new URL('./migrations', import.meta.url));
    const noms = (await listMigrations()).map((m) => `${m.nom}.sql`);
    expect(noms.toSorted()).toEqual(fichiers.toSorted());
  });

  it('signale un numéro partagé par deux nouvelles migrations, avec les deux fichiers', () => {
    const noms = ['0001_create-a', '0002_create-b', '0002_add-c'];
    expect(problemesDuRegistre(noms, {})).toEqual(['numéro 0002 porté par 0002_create-b, 0002_add-c : donnez à la plus récente le numéro suivant le dernier']);
  });

  it('signale une troisième migration sur le numéro partagé, et une migration partagée renommée', () => {
    const partages = { '0002': ['0002_create-b', '0002_add-c'] };
    expect(problemesDuRegistre(['0001_create-a', '0002_create-b', '0002_add-c', '0002_add-d'], partages)).toEqual([
      'numéro 0002 porté par 0002_create-b, 0002_add-c, 0002_add-d : seules 0002_create-b, 0002_add-c le partagent',
    ]);
    expect(problemesDuRegistre(['0001_create-a', '0002_create-b', '0003_add-c'], partages)).toEqual([
      'numéro 0002 : 0002_add-c absente(s) ; une migration déjà passée garde son nom',
    ]);
    expect(problemesDuRegistre(['0001_create-a', '0002_create-b', '0002_add-c', '0003_add-d'], partages)).toEqual([]);
  });

  it('signale un numéro manquant et un nom hors de la forme NNNN_verbe-objet', () => {
    expect(problemesDuRegistre(['0001_create-a', '0004_create-d'], {})).toEqual([
      'numéro 0002 manquant : les numéros se suivent depuis 0001',
      'numéro 0003 manquant : les numéros se suivent depuis 0001',
    ]);
    expect(problemesDuRegistre(['0002_create-b'], {})).toEqual(['numéro 0001 manquant : les numéros se suivent depuis 0001']);
    expect(problemesDuRegistre(['0001_create_a', '0001_Create-a', '0001_creer'], {})).toEqual([
      '0001_create_a : nommez la migration NNNN_verbe-objet (quatre chiffres, puis des mots en minuscules reliés par des tirets)',
      '0001_Create-a : nommez la migration NNNN_verbe-objet (quatre chiffres, puis des mots en minuscules reliés par des tirets)',
      '0001_creer : nommez la migration NNNN_verbe-objet (quatre chiffres, puis des mots en minuscules reliés par des tirets)',
    ]);
  });
});

describe('ordre des migrations', () => {
  it('range les fichiers lus dans n’importe quel ordre par numéro, puis par nom, et laisse ce qui n’est pas une migration', () => {
    const attendu = ['0001_create-a.sql', '0002_create-b.sql', '0009_add-c.sql', '0010_add-d.sql', '0010_create-e.sql', '0011_create-f.sql'];
    fc.assert(
      fc.property(fc.shuffledSubarray([...attendu, 'LISEZMOI.md', '0012_brouillon.sql.bak'], { minLength: attendu.length + 2 }), (lus) => {
        expect(ordreDesMigrations(lus)).toEqual(attendu);
      }),
      { seed: 20261207 },
    );
  });
});
