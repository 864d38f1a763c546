import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerParcours, nouvellePage, type Parcours, sansDefilementHorizontal, verifierAccessibilite } from './navigateur.js';

let parcours: Parcours;

beforeAll(async () => {
  parcours = await demarrerParcours();
});

afterAll(async () => {
  await parcours?.fermer();
});

/** Narrows the BMO family list with the filter, then picks the family by its label. */
async function choisirFamille(page: Page, filtre: string, libelle: string): Promise<void> {
  await page.getByRole('searchbox', { name: /^Filtrer la liste des familles/ }).fill(filtre);
  const liste = page.getByRole('combobox', { name: /^Famille de métiers BMO/ });
  await page.waitForFunction((texte) => [...document.querySelectorAll('select[name="metier_bmo"] option')].some((o) => o.textContent === texte), libelle);
  await liste.selectOption({ label: libelle });
}

describe('les perspectives locales d’un métier', () => {
  it('montre pour Bordeaux les projets de recrutement, la part difficile, la tension 2020 et la courbe du chômage, puis ouvre la page du bassin', async () => {
    const { page, erreurs } = await nouvellePage(parcours);
    await page.goto('/');
    const navigation = page.getByRole('navigation', { name: 'Menu principal' });
    await navigation.getByRole('button', { name: 'Métiers' }).click();
    await navigation.getByRole('link', { name: 'Marché du travail' }).click();
    await page.waitForURL(/\/marche-du-travail$/);
    await page.getByRole('heading', { level: 1, name: 'Le marché du travail près de chez vous' }).waitFor();
    await verifierAccessibilite(page);

    // Nothing chosen: the form says what is missing, next to each field.
    await page.getByRole('button', { name: 'Voir les perspectives' }).click();
    await page.getByText('Indiquez une commune : son nom ou son code postal.').waitFor();
    await page.getByText('Choisissez une famille de métiers dans la liste.').waitFor();

    await page.getByRole('combobox', { name: /^Commune/ }).fill('Bordeau');
    await page
      .getByRole('listbox', { name: 'Communes proposées' })
      .getByRole('option', { name: /^Bordeaux Gironde/ })
      .click();
    await choisirFamille(page, 'aide a domicile', 'Aides à domicile et auxiliaires de vie');
    await page.getByRole('textbox', { name: /^Code ROME du métier/ }).fill('M1607');
    await page.getByRole('button', { name: 'Voir les perspectives' }).click();

    const resultat = page.getByRole('region', { name: 'Aides à domicile et auxiliaires de vie près de Bordeaux' });
    await resultat.waitFor();
    await resultat.getByText(/^Aucune table officielle ne relie les métiers du ROME 4\.0/).waitFor();
    // BMO 2024, bassin 7532: 3 100 projects, 2 855 judged difficult (92 %), 368 seasonal (12 %).
    const chiffres = (await resultat.locator('.trj-chiffres').first().innerText()).replace(/\s+/g, ' ');
    expect(chiffres).toContain('3 100 projets de recrutement');
    expect(chiffres).toContain('92 % jugés difficiles par les employeurs (2 855)');
    expect(chiffres).toContain('12 % saisonniers (368)');
    await resultat.getByText('Données 2020 de démonstration').waitFor();
    expect((await resultat.locator('.trj-chiffres').nth(1).innerText()).replace(/\s+/g, ' ')).toContain('40 demandeurs d’emploi');

    await resultat.getByRole('img', { name: /^Taux de chômage de la zone d’emploi Bordeaux/ }).waitFor();
    await resultat.getByRole('button', { name: 'Voir les données du graphique en tableau' }).click();
    const tableau = resultat.getByRole('table', { name: 'Taux de chômage de la zone d’emploi Bordeaux' });
    await tableau.getByRole('row', { name: /4e trimestre 2025 7,7 %/ }).waitFor();
    expect(await tableau.getByRole('row').count()).toBe(93);
    await verifierAccessibilite(page);

    await resultat.getByRole('link', { name: 'BORDEAUX' }).click();
    await page.waitForURL(/\/territoires\/bassins\/7532$/);
    await page.getByRole('heading', { level: 1, name: 'Bassin d’emploi BORDEAUX' }).waitFor();
    await page.getByText('Gironde (33), région Nouvelle-Aquitaine', { exact: false }).waitFor();
    const plusRecherches = page.getByRole('table', { name: /^Projets de recrutement 2024/ });
    expect((await plusRecherches.getByRole('row').nth(1).innerText()).replace(/\s+/g, ' ')).toMatch(/^Aides à domicile et auxiliaires de vie 3 100 2 855 92 %/);
    await page.getByRole('table', { name: /^Part des projets jugés difficiles/ }).waitFor();
    await page.getByRole('img', { name: /^Taux de chômage des zones d’emploi du bassin BORDEAUX/ }).waitFor();
    await verifierAccessibilite(page);
    expect(erreurs).toEqual([]);
  });

  it('se remplit au clavier sur un téléphone et dit « secret statistique » au lieu d’un zéro', async () => {
    const { page, erreurs } = await nouvellePage(parcours, { largeur: 375, hauteur: 812 });
    await page.goto('/');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Métiers' }).click();
    await page.getByRole('dialog').getByRole('link', { name: 'Marché du travail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Le marché du travail près de chez vous' }).waitFor();
    await sansDefilementHorizontal(page);

    const commune = page.getByRole('combobox', { name: /^Commune/ });
    await commune.focus();
    await page.keyboard.type('33000');
    await page.getByRole('listbox', { name: 'Communes proposées' }).getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    expect(await commune.inputValue()).toBe('Bordeaux (33)');

    await page.keyboard.press('Tab');
    await page.keyboard.type('magasinage');
    const liste = page.getByRole('combobox', { name: /^Famille de métiers BMO/ });
    await page.waitForFunction(() => document.querySelectorAll('select[name="metier_bmo"] option').length === 2);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('metier_bmo');
    await page.keyboard.press('ArrowDown');
    expect(await liste.inputValue()).toBe('J1X80');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');

    const resultat = page.getByRole('region', { name: /^Responsable du magasinage et de la logistique \(non cadres\) près de Bordeaux/ });
    await resultat.waitFor();
    const chiffres = (await resultat.locator('.trj-chiffres').first().innerText()).replace(/\s+/g, ' ');
    // "2024,J1X80,33,7532,31,*,*": 31 projects, the difficult and seasonal counts withheld.
    expect(chiffres).toContain('31 projets de recrutement');
    expect(chiffres).toContain('non calculable (effectif secret) jugés difficiles');
    expect(chiffres).not.toMatch(/\b0 %/);
    await resultat.getByText(/^Sans code ROME/).waitFor();
    await sansDefilementHorizontal(page);
    await verifierAccessibilite(page);

    // The territory page's long tables scroll inside their frame, not the page.
    await resultat.getByRole('link', { name: 'BORDEAUX' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bassin d’emploi BORDEAUX' }).waitFor();
    await page.getByRole('img', { name: /^Taux de chômage des zones d’emploi du bassin BORDEAUX/ }).waitFor();
    await sansDefilementHorizontal(page);
    await verifierAccessibilite(page);
    expect(erreurs).toEqual([]);
  });
});
