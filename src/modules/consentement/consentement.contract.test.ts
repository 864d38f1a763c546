import { describe, expect, it } from 'vitest';
import { consentementSaisie, texteConsentement } from './consentement.contract.js';

describe('texteConsentement', () => {
  it('dit à la personne ce que la structure détentrice conserve, pourquoi, et comment retirer son accord', () => {
    expect(
      texteConsentement({
        portee: ['orientation', 'identite', 'situation'],
        detentrice: 'Mission locale de Bordeaux',
        destinataire: { type: 'detentrice' },
        finalite: 'accompagnement',
        finalitePrecision: null,
      }),
    ).toBe(
      'J’accepte que Mission locale de Bordeaux conserve mon identité (prénom, nom, commune, coordonnées), ma situation (situation professionnelle, ' +
        'statut de cadre, niveau de diplôme) et la réponse d’orientation qui m’a été donnée et mon choix dans mon dossier, pour être accueilli, ' +
        'informé et orienté dans mon projet d’évolution professionnelle. Je peux retirer ce consentement à tout moment auprès de Mission locale de ' +
        'Bordeaux : le retrait vaut dès qu’il est enregistré.',
    );
  });

  it('nomme la structure avec qui le dossier est partagé, et précise que la santé reste à la détentrice', () => {
    const texte = texteConsentement({
      portee: ['identite', 'donnees_sensibles'],
      detentrice: 'Cap emploi 33',
      destinataire: { type: 'structure', nom: 'France Travail Bordeaux' },
      finalite: 'autre',
      finalitePrecision: 'préparer un bilan de compétences',
    });
    expect(texte).toContain('partage mon identité (prénom, nom, commune, coordonnées) et ma situation de santé ou de handicap avec France Travail Bordeaux');
    expect(texte).toContain('pour la finalité suivante : préparer un bilan de compétences.');
    expect(texte).toContain('Ma situation de santé ou de handicap ne sera visible que de Cap emploi 33.');
  });
});

describe('consentementSaisie', () => {
  it('refuse une partie en double et une finalité « autre » sans précision, en français', () => {
    const resultat = consentementSaisie.safeParse({
      portee: ['identite', 'identite'],
      destinataire: { type: 'reseau' },
      finalite: 'autre',
      mode_recueil: 'ecrit',
    });
    expect(resultat.success).toBe(false);
    expect(resultat.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['portee', 'chaque partie une seule fois'],
      ['finalite_precision', 'précisez la finalité quand elle est « autre »'],
    ]);
  });
});
