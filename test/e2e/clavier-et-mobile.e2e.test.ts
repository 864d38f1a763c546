import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerParcours, focus, nouvellePage, type Parcours, sansDefilementHorizontal, tabulerJusqua, verifierAccessibilite } from './navigateur.js';

let parcours: Parcours;

beforeAll(async () => {
  // The brand block comes from the configuration: another one here than the default.
  parcours = await demarrerParcours({
    MARQUE_INTITULE: 'Région\nExemple',
    MARQUE_SERVICE: 'Cap Avenir',
    MARQUE_BASELINE: 'Orientation et évolution professionnelle',
  });
});

afterAll(async () => {
  await parcours?.fermer();
});

describe('au clavier seul', () => {
  it('remplit le formulaire de l’annuaire, choisit la commune dans la liste et ouvre un résultat', async () => {
    const { page, erreurs } = await nouvellePage(parcours);
    await page.goto('/annuaire');
    await page.getByRole('heading', { level: 2, name: /trouvé/ }).waitFor();

    // The first stop is the skip link to the content.
    await page.keyboard.press('Tab');
    expect(await focus(page)).toBe('a|Contenu');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');

    expect(await tabulerJusqua(page, /^input\|Votre besoin/)).toMatch(/Votre besoin/);
    await page.keyboard.type('bilan de compétences');

    await tabulerJusqua(page, /^select\|Public/);
    await tabulerJusqua(page, /^input\|Commune/);
    await page.keyboard.type('Limog');
    const liste = page.getByRole('listbox', { name: 'Communes proposées' });
    await liste.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const champ = page.getByRole('combobox', { name: /Commune/ });
    expect(await champ.getAttribute('aria-expanded')).toBe('true');
    const active = await champ.getAttribute('aria-activedescendant');
    expect(await page.locator(`[id="${active}"]`).textContent()).toMatch(/^Limoges Haute-Vienne/);
    await page.keyboard.press('Enter');
    expect(await champ.inputValue()).toBe('Limoges (87)');
    expect(await champ.getAttribute('aria-expanded')).toBe('false');

    await tabulerJusqua(page, /^select\|Distance maximale/);
    await tabulerJusqua(page, /^button\|Rechercher/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/commune=87085/);
    expect(new URL(page.url()).searchParams.get('q')).toBe('bilan de compétences');

    // Reading continues at the results heading, then the first result is the next link.
    await expect.poll(() => focus(page)).toMatch(/^h2\|\d+ services? trouvés?/);
    const lien = await tabulerJusqua(page, /^a\|/);
    expect(lien).toMatch(/Bilan de compétences/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/services\//);
    await page.getByRole('heading', { level: 1, name: /Bilan de compétences/ }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('contenu');
    await verifierAccessibilite(page);
    expect(erreurs).toEqual([]);
  });
});

describe('sur téléphone (375 × 800)', () => {
  it('accueil, menu, recherche et résultats restent utilisables sans défilement horizontal', async () => {
    const { page, erreurs } = await nouvellePage(parcours, { largeur: 375, hauteur: 800 });
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Cap Avenir' }).waitFor();
    await expect.poll(() => page.title()).toBe('Cap Avenir');
    const entete = page.getByRole('banner');
    expect(await entete.textContent()).toContain('Orientation et évolution professionnelle');
    expect(await entete.getByRole('link', { name: 'Cap Avenir' }).count()).toBeGreaterThanOrEqual(1);
    expect(await entete.locator('.fr-logo').innerText()).toMatch(/Région\s+Exemple/i);
    await sansDefilementHorizontal(page);
    await verifierAccessibilite(page);

    // The main navigation is behind the menu button.
    await page.getByRole('button', { name: 'Menu' }).click();
    const menu = page.getByRole('dialog');
    await menu.getByRole('link', { name: 'Trouver un service' }).waitFor({ state: 'visible' });
    await verifierAccessibilite(page);
    await menu.getByRole('button', { name: 'Fermer' }).click();

    await page.getByLabel('Votre besoin').fill('bilan de compétences');
    await page.getByRole('combobox', { name: /Commune/ }).fill('87000');
    await page.getByRole('option', { name: /^Limoges/ }).click();
    const bouton = page.getByRole('button', { name: 'Rechercher' });
    const boite = await bouton.boundingBox();
    expect(boite && boite.x >= 0 && boite.x + boite.width <= 375).toBe(true);
    await bouton.click();

    await page.waitForURL(/commune=87085/);
    // On a phone the filters come first: a link leads straight to the results.
    await page.getByRole('link', { name: /^Aller aux résultats \(\d+\)$/ }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('titre-resultats');
    const carte = page.getByRole('region', { name: 'Liste des résultats' }).getByRole('listitem').filter({ hasText: 'Bilan de compétences' }).first();
    const resultat = carte.getByRole('link', { name: /Bilan de compétences/ });
    await resultat.waitFor();
    const carteResultat = await carte.boundingBox();
    expect(carteResultat && carteResultat.width > 250).toBe(true);
    await page.getByRole('button', { name: 'Afficher la carte' }).click();
    await page.locator('.trj-carte[data-etat="prete"]').waitFor({ timeout: 30_000 });
    await sansDefilementHorizontal(page);
    await verifierAccessibilite(page);

    await resultat.click();
    await page.getByRole('heading', { level: 1, name: /Bilan de compétences/ }).waitFor();
    await sansDefilementHorizontal(page);
    await verifierAccessibilite(page);
    expect(erreurs).toEqual([]);
  });

  it('le pied de page mène à la déclaration d’accessibilité, qui annonce la non-conformité', async () => {
    const { page, erreurs } = await nouvellePage(parcours, { largeur: 375, hauteur: 800 });
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Cap Avenir' }).waitFor();
    await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibilité : non conforme' }).click();
    await page.waitForURL(/\/accessibilite$/);
    await page.getByRole('heading', { level: 1, name: 'Déclaration d’accessibilité' }).waitFor();
    await expect.poll(() => page.title()).toBe('Déclaration d’accessibilité – Cap Avenir');
    const principal = page.getByRole('main');
    expect(await principal.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([
      'État de conformité',
      'Résultats des tests',
      'Contenus non accessibles',
      'Établissement de cette déclaration',
      'Retour d’information et contact',
      'Voies de recours',
    ]);
    expect(await principal.innerText()).toContain('Cap Avenir est non conforme');
    await sansDefilementHorizontal(page);
    await verifierAccessibilite(page);
    expect(erreurs).toEqual([]);
  });
});
