import { describe, expect, it } from 'vitest';
import { libelleAction, libelleRaison } from './audit.libelles.js';

describe('libellés du journal des accès', () => {
  it('dit l’action en français, même pour une action sans libellé propre', () => {
    expect(libelleAction('audit.acces.lire')).toBe('Consultation du journal des accès');
    expect(libelleAction('dossier.lire')).toBe('Consultation : dossier');
    expect(libelleAction('annuaire.site.creer')).toBe('Création : site');
    expect(libelleAction('orientation.note_suivi.supprimer')).toBe('Suppression : note suivi');
    expect(libelleAction('inconnu')).toBe('Action « inconnu »');
  });

  it('dit la raison en français, sinon en mots', () => {
    expect(libelleRaison('sans_consentement')).toBe('Sans le consentement de la personne');
    expect(libelleRaison('delai_depasse')).toBe('delai depasse');
    expect(libelleRaison(null)).toBeNull();
  });
});
