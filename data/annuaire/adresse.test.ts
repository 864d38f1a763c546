import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { lireAnnuaire } from '../annuaire.loader.js';
import { ReferenceData } from '../reference.js';
import { adresseLisible } from './adresse.js';

describe('adresses lisibles', () => {
  it('rend l’apostrophe et le tiret que la conversion du fichier source a changés en « ¿ »', () => {
    expect(adresseLisible('135 ¿ 137 avenue du Général Leclerc')).toBe('135 – 137 avenue du Général Leclerc');
    expect(adresseLisible('10 rue de l¿ancienne Fonderie, Parc d¿activités St Maurice')).toBe('10 rue de l’ancienne Fonderie, Parc d’activités St Maurice');
  });

  it('écrit en casse normale une adresse en capitales, sigles et articles élidés compris', () => {
    expect(adresseLisible('390 RUE D ESTIENNE D ORVES')).toBe('390 rue d’Estienne d’Orves');
    expect(adresseLisible('PLACE DU FOIRAIL')).toBe('Place du Foirail');
    expect(adresseLisible('ZI DES PAQUERETTES BP 12')).toBe('ZI des Paquerettes BP 12');
  });

  it('laisse telle quelle une adresse déjà écrite en casse normale', () => {
    expect(adresseLisible('84 avenue de Grasse')).toBe('84 avenue de Grasse');
    expect(adresseLisible(null)).toBeNull();
  });

  it('charge les lieux réels sans « ¿ » ni adresse en capitales', async () => {
    const { structures } = await lireAnnuaire(new ReferenceData(loadConfig({}).REFERENCE_DATA_DIR), { demo: false });
    const adresses = structures.flatMap((s) => s.sites.map((site) => site.adresse ?? ''));
    expect(adresses.filter((a) => a.includes('¿'))).toEqual([]);
    expect(adresses.filter((a) => /\p{Lu}{4}/u.test(a) && a === a.toUpperCase())).toEqual([]);
    expect(adresses).toContain('135 – 137 avenue du Général Leclerc');
  }, 120_000);
});
