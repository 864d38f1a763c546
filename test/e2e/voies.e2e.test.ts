import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerParcours, nouvellePage, type Parcours, sansDefilementHorizontal, tabulerJusqua, verifierAccessibilite } from './navigateur.js';

let parcours: Parcours;

beforeAll(async () => {
  parcours = await demarrerParcours();
});

afterAll(async () => {
  await parcours?.fermer();
});

describe('« Voies d’accès à un métier », sur un téléphone', () => {
  it('montre les voies, puis, la commune choisie, ce que demande la VAE et les services proches qui la proposent, jusqu’à la fiche d’un service', async () => {
    const { page, erreurs } = await nouvellePage(parcours, { largeur: 375, hauteur: 812 });
    await page.goto('/');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Métiers' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Voies d’accès' }).click();
    await page.waitForURL(/\/voies-d-acces$/);
    await page.getByRole('heading', { level: 1, name: 'Voies d’accès à un métier' }).waitFor();

    // Before any commune: the five routes, and an invitation to give one.
    await page.getByText('5 voies d’accès. Indiquez votre commune', { exact: false }).waitFor();
    const titres = await page.getByRole('heading', { level: 3 }).allTextContents();
    expect(titres.map((t) => t.trim())).toEqual([
      'Se former',
      'Faire valider son expérience (VAE)',
      'Faire un bilan de compétences',
      'Découvrir le métier en immersion (PMSMP)',
      'Créer ou reprendre une entreprise',
    ]);
    await verifierAccessibilite(page);
    await sansDefilementHorizontal(page);

    // Sending without a commune is refused next to the field, in French.
    await page.getByRole('button', { name: 'Voir les services proches' }).click();
    await page.getByText('Indiquez votre commune : saisissez son nom ou son code postal', { exact: false }).waitFor();

    await page.getByRole('combobox', { name: /Votre commune/ }).fill('Limog');
    await page
      .getByRole('listbox', { name: 'Communes proposées' })
      .getByRole('option', { name: /^Limoges Haute-Vienne/ })
      .click();
    await page.getByRole('combobox', { name: 'Distance maximale' }).selectOption('20');
    await page.getByRole('button', { name: 'Voir les services proches' }).click();
    await page.getByText('5 voies d’accès, avec les services qui les proposent à moins de 20 km de Limoges.').waitFor();

    await page.getByRole('button', { name: 'Faire valider son expérience (VAE)' }).click();
    const vae = page.locator('.fr-accordion').filter({ has: page.getByRole('button', { name: 'Faire valider son expérience (VAE)' }) });
    await vae.getByText('en rapport direct avec la certification visée', { exact: false }).first().waitFor();
    await vae.getByRole('link', { name: 'France VAE, le service public de la VAE' }).waitFor();
    const services = vae.locator('.trj-voies__services li');
    expect(await services.count()).toBeGreaterThan(0);
    expect(await services.first().textContent()).toMatch(/ · à (\d|moins de 100 m)/);
    await verifierAccessibilite(page);
    await sansDefilementHorizontal(page);

    const lien = vae.getByRole('link', { name: /CIBC Limousin \(démonstration\)/ }).first();
    const nom = (await lien.textContent())!.split(' – ')[0]!.trim();
    await lien.click();
    await page.waitForURL(/\/services\/[0-9a-f-]+$/);
    await page.getByRole('heading', { level: 1, name: nom }).waitFor();
    expect(erreurs).toEqual([]);
  });
});

describe('« Voies d’accès à un métier », au clavier', () => {
  it('choisit la commune dans la liste, lance la recherche et ouvre une voie sans souris', async () => {
    const { page, erreurs } = await nouvellePage(parcours);
    await page.goto('/voies-d-acces?metier=M1805');
    await page.getByText('5 voies d’accès.', { exact: false }).waitFor();

    await tabulerJusqua(page, /^input\|Votre commune/);
    await page.keyboard.type('Bordeau');
    await page.getByRole('listbox', { name: 'Communes proposées' }).getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('combobox', { name: /Votre commune/ }).inputValue()).toBe('Bordeaux (33)');
    await tabulerJusqua(page, /^button\|Voir les services proches/);
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'à moins de 30 km de Bordeaux.' }).waitFor();

    await tabulerJusqua(page, /^button\|Faire un bilan de compétences/);
    await page.keyboard.press('Enter');
    const bilan = page.getByRole('button', { name: 'Faire un bilan de compétences' });
    expect(await bilan.getAttribute('aria-expanded')).toBe('true');
    await page.getByText('24 heures au plus, réparties en général sur plusieurs semaines.').waitFor();
    await verifierAccessibilite(page);
    expect(erreurs).toEqual([]);
  });

  it('dit en français ce qui ne va pas dans un code ROME mal formé', async () => {
    const { page, erreurs } = await nouvellePage(parcours);
    await page.goto('/voies-d-acces?metier=cuisinier');
    await page.getByRole('heading', { level: 2, name: 'Les voies d’accès n’ont pas pu être chargées' }).waitFor();
    await page.getByText('Métier visé : code ROME attendu', { exact: false }).waitFor();
    await verifierAccessibilite(page);
    // The 400 of the API is an expected answer here, not a fault of the page.
    expect(erreurs.filter((e) => !e.includes('400'))).toEqual([]);
  });
});
