import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demarrerParcours, nouvellePage, type Parcours, relevesJavaScript, sansDefilementHorizontal, verifierAccessibilite } from './navigateur.js';

let parcours: Parcours;

beforeAll(async () => {
  parcours = await demarrerParcours();
});

afterAll(async () => {
  await parcours?.fermer();
});

describe('rechercher un service par besoin et par lieu', () => {
  it('de l’accueil au service et à sa structure, avec la carte, puis retour à la recherche', async () => {
    const { page, erreurs } = await nouvellePage(parcours);
    await page.goto('/');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Trajectoires');
    await expect.poll(() => page.title()).toBe('Trajectoires');
    await verifierAccessibilite(page);

    await page.getByLabel('Votre besoin').fill('bilan de compétences');
    const commune = page.getByRole('combobox', { name: /Commune/ });
    await commune.fill('Limoges');
    const option = page.getByRole('listbox', { name: 'Communes proposées' }).getByRole('option', { name: /^Limoges Haute-Vienne/ });
    await option.click();
    await expect.poll(() => commune.inputValue()).toBe('Limoges (87)');
    await page.getByRole('button', { name: 'Rechercher' }).click();

    await page.waitForURL(/\/annuaire\?/);
    const adresse = new URL(page.url());
    expect(adresse.searchParams.get('q')).toBe('bilan de compétences');
    expect(adresse.searchParams.get('commune')).toBe('87085');
    const titre = page.getByRole('heading', { level: 2, name: /service.* trouvé/ });
    await titre.waitFor();
    expect(await titre.textContent()).toMatch(/^\d+ services? trouvés? pour « bilan de compétences » autour de Limoges/);

    const liste = page.getByRole('region', { name: 'Liste des résultats' });
    const resultat = liste.getByRole('listitem').filter({ hasText: 'CIBC Limousin' }).first();
    await resultat.waitFor();
    expect(await resultat.textContent()).toContain('Démonstration');
    expect(await resultat.textContent()).toContain('Réseau : Centre interinstitutionnel de bilan de compétences (CIBC)');
    expect(await resultat.textContent()).toMatch(/À (moins de 100 m|[\d,]+ km)/);

    // The map, once asked for: the departement outlines drawn on a canvas, a marker for the result.
    const carte = page.getByRole('region', { name: 'Carte des résultats' });
    await carte.getByRole('button', { name: 'Afficher la carte' }).click();
    await carte.locator('.trj-carte[data-etat="prete"]').waitFor({ timeout: 30_000 });
    const toile = carte.locator('canvas');
    const taille = await toile.boundingBox();
    expect(taille?.width).toBeGreaterThan(200);
    expect(taille?.height).toBeGreaterThan(200);
    const marqueur = carte.getByRole('link', { name: /Bilan de compétences – CIBC Limousin/ });
    expect(await marqueur.count()).toBeGreaterThanOrEqual(1);
    expect(await marqueur.first().isVisible()).toBe(true);
    expect(Number(await carte.locator('.trj-carte').getAttribute('data-marqueurs'))).toBeGreaterThanOrEqual(1);
    await verifierAccessibilite(page);

    await resultat.getByRole('link', { name: /Bilan de compétences/ }).click();
    await page.waitForURL(/\/services\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /Bilan de compétences/ }).waitFor();
    const contenu = page.getByRole('main');
    expect(await contenu.textContent()).toContain('Démonstration');
    expect(await page.getByRole('heading', { name: 'Horaires d’ouverture' }).count()).toBe(1);
    expect(await contenu.textContent()).toContain('Du lundi au jeudi : de 9 h à 12 h 30 et de 13 h 30 à 17 h 30');
    expect(await contenu.textContent()).toMatch(/données du (?:1er|\d{1,2}) \p{L}+ \d{4}/u);
    expect(await contenu.textContent()).toContain('Accessibilité');
    await expect.poll(() => page.title()).toBe('Bilan de compétences – Trajectoires');
    await verifierAccessibilite(page);

    await contenu.getByRole('link', { name: 'CIBC Limousin (démonstration)' }).first().click();
    await page.waitForURL(/\/structures\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: /CIBC Limousin/ }).waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Services proposés' }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 2, name: /Lieux? d’accueil/ }).count()).toBe(1);
    expect(await page.getByRole('heading', { level: 2, name: 'Contacts' }).count()).toBe(1);
    await verifierAccessibilite(page);

    // Back twice: the search is still there, read from the address.
    await page.goBack();
    await page.waitForURL(/\/services\//);
    await page.goBack();
    await page.waitForURL(/\/annuaire\?/);
    await titre.waitFor();
    expect(await page.getByLabel('Votre besoin').inputValue()).toBe('bilan de compétences');
    await expect.poll(() => commune.inputValue()).toMatch(/^Limoges/);
    expect(erreurs).toEqual([]);
  });

  it.each([
    ['un ordinateur', 1280],
    ['un téléphone', 375],
  ])('sur %s, une première visite de l’annuaire télécharge moins de 300 ko de JavaScript compressé ; la carte vient à la demande', async (_, largeur) => {
    const { page, erreurs } = await nouvellePage(parcours, { largeur });
    const javascript = relevesJavaScript(page);
    await page.goto('/annuaire?q=bilan%20de%20comp%C3%A9tences&commune=87085');
    await page.getByRole('heading', { level: 2, name: /service.* trouvé/ }).waitFor();
    await page.getByRole('region', { name: 'Liste des résultats' }).getByRole('listitem').first().waitFor();
    const premiereVisite = await javascript();
    expect(premiereVisite.octets).toBeGreaterThan(0);
    expect(premiereVisite.octets).toBeLessThanOrEqual(300_000);
    expect(premiereVisite.encodages).toEqual(['br']);
    const carte = page.getByRole('region', { name: 'Carte des résultats' });
    expect(await carte.locator('canvas').count()).toBe(0);
    await sansDefilementHorizontal(page);
    await verifierAccessibilite(page);

    await carte.getByRole('button', { name: 'Afficher la carte' }).click();
    await carte.locator('.trj-carte[data-etat="prete"]').waitFor({ timeout: 30_000 });
    expect((await javascript()).octets).toBeGreaterThan(premiereVisite.octets);
    await verifierAccessibilite(page);

    // The choice is remembered on the device: the next search shows its map at once.
    await page.goto('/annuaire?q=bilan%20de%20comp%C3%A9tences&commune=33063');
    await page.getByRole('region', { name: 'Carte des résultats' }).locator('.trj-carte[data-etat="prete"]').waitFor({ timeout: 30_000 });
    expect(erreurs).toEqual([]);
  });

  it('un lien partagé rejoue la recherche ; état vide et erreur de l’API en français', async () => {
    const { page, erreurs } = await nouvellePage(parcours);
    await page.goto('/annuaire?q=bilan%20de%20comp%C3%A9tences&commune=87085&rayon_km=50');
    await page.getByRole('heading', { level: 2, name: /service.* trouvé/ }).waitFor();
    await expect.poll(() => page.getByRole('combobox', { name: /Commune/ }).inputValue()).toBe('Limoges');
    expect(await page.getByLabel('Distance maximale').inputValue()).toBe('50');

    // Pagination: page 2 is in the address, reading goes on at the results heading.
    const premierResultat = () =>
      page.getByRole('region', { name: 'Liste des résultats' }).getByRole('heading', { level: 3 }).nth(1).getByRole('link').getAttribute('href');
    await page.goto('/annuaire');
    const titre = page.getByRole('heading', { level: 2, name: /services trouvés/ });
    await titre.waitFor();
    const premier = await premierResultat();
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    await pagination.getByRole('link', { name: '2', exact: true }).click();
    await page.waitForURL(/\/annuaire\?page=2$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('titre-resultats');
    await expect.poll(() => premierResultat()).not.toBe(premier);
    expect(await pagination.getByRole('link', { name: '2', exact: true }).getAttribute('aria-current')).toBe('true');
    await expect.poll(() => page.title()).toMatch(/\(page 2\) – Trouver un service – Trajectoires$/);
    await verifierAccessibilite(page);
    await page.goBack();
    await page.waitForURL(/\/annuaire$/);
    await expect.poll(() => premierResultat()).toBe(premier);

    await page.goto('/annuaire?q=zzqxw%20vvkpt&commune=87085');
    await page.getByRole('heading', { level: 2, name: 'Aucun service trouvé' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Aucun service ne correspond à ces critères' }).count()).toBe(1);
    await verifierAccessibilite(page);

    await page.goto('/annuaire?commune=87085&rayon_km=999');
    const alerte = page.getByRole('alert').filter({ hasText: 'La recherche n’a pas abouti' });
    await alerte.waitFor();
    expect(await alerte.textContent()).toContain('le rayon ne peut pas dépasser 200 km');
    await verifierAccessibilite(page);

    await page.goto('/services/00000000-0000-4000-8000-000000000000');
    await page.getByRole('heading', { level: 1, name: 'Service introuvable' }).waitFor();
    await verifierAccessibilite(page);

    await page.goto('/nulle-part');
    await page.getByRole('heading', { level: 1, name: 'Page introuvable' }).waitFor();
    await verifierAccessibilite(page);
    // The browser logs the refused requests (400 for the radius, 404 for the service), nothing else.
    expect(erreurs).toEqual([
      'console : Failed to load resource: the server responded with a status of 400 (Bad Request)',
      'console : Failed to load resource: the server responded with a status of 404 (Not Found)',
    ]);
  });
});
