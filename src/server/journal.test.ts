import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { erreurJournalisee, optionsJournal, resumeErreur } from './journal.js';

/** An error as Drizzle throws it: its own message and fields repeat the statement and its values, and so does the driver's. */
function erreurDeRequete() {
  const pilote = Object.assign(new Error('new row for relation "dossier_personne" violates check constraint "nom_valide"'), {
    severity: 'ERROR',
    code: '23514',
    detail: 'Failing row contains (75, Léa, Martin, lea.martin@exemple.fr).',
    table: 'dossier_personne',
    constraint: 'nom_valide',
    query: 'insert into "dossier_personne" ("prenom", "nom") values ($1, $2)',
    params: ['Léa', 'Martin'],
  });
  return Object.assign(new Error('Failed query: insert into "dossier_personne" ("prenom", "nom") values ($1, $2)\nparams: Léa,Martin', { cause: pilote }), {
    query: 'insert into "dossier_personne" ("prenom", "nom") values ($1, $2)',
    params: ['Léa', 'Martin'],
  });
}

function journalDe(ecrire: (journal: pino.Logger) => void): string {
  const lignes: string[] = [];
  const flux = new Writable({
    write(morceau, _encodage, suite) {
      lignes.push(String(morceau));
      suite();
    },
  });
  ecrire(pino(optionsJournal({ level: 'trace' }), flux));
  return lignes.join('');
}

describe('journal', () => {
  it('garde d’une erreur de la base son état SQL, sa contrainte, sa table et le nom de l’instruction, sans message ni valeurs', () => {
    const vue = erreurJournalisee(erreurDeRequete());

    expect(vue).toMatchObject({
      type: 'Error',
      code: '23514',
      constraint: 'nom_valide',
      table: 'dossier_personne',
      statement: 'insert dossier_personne',
      causes: ['DatabaseError'],
    });
    expect(vue.stack).toMatch(/^\s+at /);
    expect(JSON.stringify(vue)).not.toMatch(/Léa|Martin|exemple\.fr|Failed query|values/);
  });

  it('ne garde d’aucune erreur son message, qui peut nommer une personne, ni ses autres champs', () => {
    const vue = erreurJournalisee(
      Object.assign(new Error('Le serveur a refusé lea.martin@exemple.fr'), { code: 'EENVELOPE', destinataires: ['lea.martin@exemple.fr'] }),
    );

    expect(vue).toEqual({ type: 'Error', code: 'EENVELOPE', stack: expect.stringMatching(/^\s+at /) as string });
    expect(erreurJournalisee('Léa Martin')).toEqual({ type: 'string' });
  });

  it('masque les champs connus d’une personne ou d’un secret, jusqu’à deux niveaux', () => {
    const journal = journalDe((j) =>
      j.info(
        {
          motDePasse: 'canari-1',
          personne: { nom: 'canari-2', prenom: 'canari-3' },
          appel: { headers: { cookie: 'canari-4', 'x-csrf-token': 'canari-5' } },
          err: erreurDeRequete(),
        },
        'essai',
      ),
    );

    expect(journal).toContain('"motDePasse":"***"');
    expect(journal).toContain('"code":"23514"');
    expect(journal).not.toMatch(/canari|Léa|Martin/);
  });

  it('résume un démarrage manqué par le message d’une erreur de l’application, par sa nature pour une erreur de la base', () => {
    expect(resumeErreur(new Error('Chargez le territoire de démonstration.'))).toBe('Chargez le territoire de démonstration.');
    expect(resumeErreur(erreurDeRequete())).toBe('Error 23514 insert dossier_personne dossier_personne nom_valide');
  });
});
