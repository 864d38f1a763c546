import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.js';
import { demarrerParcours, focus, nouvellePage, type Parcours, sansDefilementHorizontal, tabulerJusqua, verifierAccessibilite } from './navigateur.js';

let parcours: Parcours;

beforeAll(async () => {
  parcours = await demarrerParcours();
});

afterAll(async () => {
  await parcours?.fermer();
});

describe('trouver un métier, ses perspectives et ses voies d’accès', () => {
  it('trouve l’aide-soignant malgré « aide soignente », ouvre sa fiche, ses perspectives près de Bordeaux et ses voies d’accès', async () => {
    const { page, erreurs } = await nouvellePage(parcours);
    await page.goto('/');
    const menu = page.getByRole('navigation', { name: 'Menu principal' });
    await menu.getByRole('button', { name: 'Métiers' }).click();
    await menu.getByRole('link', { name: 'Rechercher un métier' }).click();
    await page.waitForURL(/\/metiers$/);
    await page.getByRole('heading', { level: 1, name: 'Rechercher un métier' }).waitFor();
    await verifierAccessibilite(page);

    // Too short: said next to the field, without asking the API.
    await page.getByRole('searchbox', { name: /^Intitulé du métier ou code ROME/ }).fill('a');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.getByText('Saisissez au moins 2 caractères', { exact: false }).waitFor();

    await page.getByRole('searchbox', { name: /^Intitulé du métier ou code ROME/ }).fill('aide soignente');
    await page.getByRole('button', { name: 'Rechercher', exact: true }).click();
    await page.waitForURL(/\?q=aide\+soignente$/);
    const resultats = page.getByRole('region', { name: /métiers? trouvés? pour « aide soignente »/ });
    await resultats.waitFor();
    const premier = resultats.getByRole('listitem').first();
    expect(await premier.getByRole('heading', { level: 3 }).innerText()).toBe('Aide-soignant / Aide-soignante');
    await premier.getByText('Intitulés trouvés', { exact: false }).waitFor();
    await verifierAccessibilite(page);

    await premier.getByRole('link', { name: 'Aide-soignant / Aide-soignante' }).click();
    await page.waitForURL(/\/metiers\/J1501$/);
    await page.getByRole('heading', { level: 1, name: 'Aide-soignant / Aide-soignante' }).waitFor();
    await page.getByText('Fiche ROME J1501', { exact: false }).waitFor();
    // A fiche belongs to "Rechercher un métier", under the "Métiers" menu (closed again: its links are hidden).
    expect(await menu.getByRole('button', { name: 'Métiers' }).getAttribute('aria-current')).toBe('true');
    expect(await menu.getByRole('link', { name: 'Rechercher un métier', includeHidden: true }).getAttribute('aria-current')).toBe('page');
    expect(await menu.getByRole('link', { name: 'Rapprocher mes compétences', includeHidden: true }).getAttribute('aria-current')).toBeNull();
    expect(await page.getByRole('region', { name: 'Le métier' }).locator('p').count()).toBeGreaterThan(0);
    expect(await page.getByRole('region', { name: 'Accès au métier' }).locator('p').count()).toBeGreaterThan(0);
    const competences = page.getByRole('region', { name: 'Compétences' });
    await competences
      .getByRole('button', { name: /^Savoir-faire – / })
      .first()
      .click();
    expect(await competences.getByText('Cœur de métier', { exact: true }).count()).toBeGreaterThan(0);
    // Close occupations in the referential's order: J1304 first.
    const proches = page.getByRole('region', { name: 'Métiers proches' }).getByRole('listitem');
    expect(await proches.first().innerText()).toMatch(/\(J1304\)$/);
    await page.getByRole('region', { name: 'Centres d’intérêt' }).getByText('D’abord :', { exact: false }).waitFor();
    await verifierAccessibilite(page);

    const perspectives = page.getByRole('region', { name: 'Perspectives près de chez vous' });
    await perspectives.getByText('Aucune table officielle ne relie le métier Aide-soignant / Aide-soignante (J1501', { exact: false }).waitFor();
    await perspectives.getByRole('combobox', { name: /^Commune/ }).fill('Bordeau');
    await perspectives
      .getByRole('listbox', { name: 'Communes proposées' })
      .getByRole('option', { name: /^Bordeaux Gironde/ })
      .click();
    await perspectives.getByRole('searchbox', { name: /^Filtrer la liste des familles/ }).fill('aide soignant');
    await page.waitForFunction(() => [...document.querySelectorAll('select[name="metier_bmo"] option')].some((o) => o.textContent === 'Aides-soignants'));
    await perspectives.getByRole('combobox', { name: /^Famille de métiers BMO/ }).selectOption({ label: 'Aides-soignants' });
    await perspectives.getByRole('button', { name: 'Voir les perspectives' }).click();
    const local = perspectives.getByRole('region', { name: 'Aides-soignants près de Bordeaux' });
    await local.waitFor();
    // BMO 2024, bassin 7532, V0X60: 868 projects, 751 judged difficult.
    expect((await local.locator('.trj-chiffres').first().innerText()).replace(/\s+/g, ' ')).toContain('868 projets de recrutement');
    await verifierAccessibilite(page);

    const voies = page.getByRole('region', { name: 'Les voies pour y arriver' });
    await voies.getByRole('heading', { level: 2, name: 'Les voies d’accès au métier « Aide-soignant / Aide-soignante »' }).waitFor();
    await voies.getByRole('combobox', { name: /Votre commune/ }).fill('Bordeau');
    await voies
      .getByRole('listbox', { name: 'Communes proposées' })
      .getByRole('option', { name: /^Bordeaux Gironde/ })
      .click();
    await voies.getByRole('button', { name: 'Voir les services proches' }).click();
    await voies.getByText('5 voies d’accès, avec les services qui les proposent à moins de 30 km de Bordeaux.').waitFor();
    await voies.getByRole('button', { name: 'Faire valider son expérience (VAE)' }).click();
    await voies.getByRole('link', { name: 'France VAE, le service public de la VAE' }).waitFor();
    await verifierAccessibilite(page);
    expect(erreurs).toEqual([]);
  });

  it('dit qu’un code inconnu n’a pas de fiche et renvoie vers la recherche', async () => {
    const { page, erreurs } = await nouvellePage(parcours);
    await page.goto('/metiers/Z9999');
    await page.getByRole('heading', { level: 1, name: 'Fiche métier introuvable' }).waitFor();
    await page.getByText('Aucune fiche métier n’a le code Z9999 dans le ROME : cherchez le métier par son intitulé.').waitFor();
    await page.getByRole('link', { name: 'Rechercher le métier par son intitulé' }).waitFor();
    await verifierAccessibilite(page);
    // The 404 of the API is the expected answer here, not a fault of the page.
    expect(erreurs.filter((e) => !e.includes('404'))).toEqual([]);
  });

  it('dit qu’une fiche a quitté le référentiel, et à quelle version', async () => {
    // A synthetic code of an earlier version, kept as a reload of a later version keeps it.
    await rows(
      parcours.app.database.db,
      sql`INSERT INTO metiers_code_retire (nature, code, libelle, code_rome, derniere_version, retire_en) VALUES ('fiche', 'K9998', 'Métier d’essai retiré', 'K9998', 59, 60)`,
    );
    const { page, erreurs } = await nouvellePage(parcours);
    await page.goto('/metiers/K9998');
    await page.getByRole('heading', { level: 1, name: 'Fiche retirée du répertoire des métiers' }).waitFor();
    await page
      .getByText(
        'La fiche K9998 « Métier d’essai retiré » a été retirée du ROME à la version 60 (elle figurait encore dans la version 59) : cherchez le métier par son intitulé.',
      )
      .waitFor();
    await verifierAccessibilite(page);
    // The 410 of the API is the expected answer here, not a fault of the page.
    expect(erreurs.filter((e) => !e.includes('410'))).toEqual([]);
  });
});

describe('rapprocher ses compétences des métiers', () => {
  it('part d’une fiche, ajoute une seconde expérience, coche le cœur de métier, explique chaque métier proposé et retrouve les résultats au retour d’une fiche', async () => {
    const { page, erreurs } = await nouvellePage(parcours);
    await page.goto('/metiers/J1501');
    await page.getByRole('link', { name: 'Comparer avec mes compétences' }).click();
    await page.waitForURL(/\/metiers\/rapprochement$/);
    await page.getByRole('heading', { level: 2, name: '1. Vos expériences (1 sur 3)' }).waitFor();
    await page.getByRole('button', { name: 'Retirer « Aide-soignant / Aide-soignante »' }).waitFor();

    // Nothing to search yet in the second experience: then an ambulance driver, misspelt.
    await page.getByRole('searchbox', { name: /^Un métier que vous avez exercé/ }).fill('ambulancer');
    await page.getByRole('button', { name: 'Chercher ce métier' }).click();
    await page
      .getByRole('button', { name: /^Ajouter « Ambulancier/ })
      .first()
      .click();
    await page.getByRole('heading', { level: 2, name: '1. Vos expériences (2 sur 3)' }).waitFor();
    expect(await focus(page)).toBe('h2|1. Vos expériences (2 sur 3)');

    const cocherCoeur = page.getByRole('button', { name: /^Cocher les \d+ compétences du cœur de métier de « Aide-soignant \/ Aide-soignante »$/ });
    await cocherCoeur.click();
    const nombreCoeur = Number((await cocherCoeur.innerText()).match(/\d+/)![0]);
    await page.getByText(`Cochez ce que vous savez faire (${nombreCoeur} cochée${nombreCoeur > 1 ? 's' : ''})`, { exact: false }).waitFor();
    // The DSFR label covers its box: a click on the label ticks it, as for a person.
    const savoirEtre = page.getByRole('group', { name: /^Savoir-être professionnels/ }).first();
    await savoirEtre.locator('label').first().click();
    expect(await savoirEtre.getByRole('checkbox').first().isChecked()).toBe(true);
    await page.getByText(`Cochez ce que vous savez faire (${nombreCoeur + 1} cochées)`, { exact: false }).waitFor();
    await verifierAccessibilite(page);

    await page.getByRole('button', { name: 'Voir les métiers proches' }).click();
    const resultats = page.getByRole('region', { name: /^Les \d+ métiers les plus proches de votre parcours$/ });
    await resultats.waitFor();
    await expect.poll(() => focus(page)).toMatch(/^h2\|Les \d+ métiers les plus proches/);
    const suggestions = resultats.locator('.trj-suggestion');
    expect(await suggestions.count()).toBe(10);
    const premiere = suggestions.first();
    expect(await premiere.innerText()).toMatch(/Vous avez déjà \d+ des \d+ compétences et connaissances de la fiche/);
    await premiere.getByRole('button', { name: /^Compétences à acquérir \(\d+\)$/ }).click();
    await resultats.getByText('Mobilité citée par le ROME').first().waitFor();
    expect(await resultats.innerText()).toContain('votre expérience (rang ');
    await verifierAccessibilite(page);

    const lien = premiere.getByRole('heading', { level: 3 }).getByRole('link');
    const libelle = (await lien.innerText()).trim();
    await lien.click();
    await page.waitForURL(/\/metiers\/[A-Z]\d{4}$/);
    await page.getByRole('heading', { level: 1, name: libelle }).waitFor();
    await page.goBack();
    await page.waitForURL(/\/metiers\/rapprochement$/);
    await resultats.waitFor();
    expect(await resultats.locator('.trj-suggestion').count()).toBe(10);
    await page.getByRole('heading', { level: 2, name: '1. Vos expériences (2 sur 3)' }).waitFor();
    expect(erreurs).toEqual([]);
  });
});

describe('sur un téléphone, au clavier', () => {
  it('répond au questionnaire d’intérêts et montre les familles de métiers avec la mise en garde', async () => {
    const { page, erreurs } = await nouvellePage(parcours, { largeur: 375, hauteur: 812 });
    await page.goto('/');
    await page.getByRole('button', { name: 'Menu' }).click();
    const menu = page.getByRole('dialog');
    await menu.getByRole('button', { name: 'Métiers' }).click();
    await menu.getByRole('link', { name: 'Mes centres d’intérêt' }).click();
    await page.waitForURL(/\/metiers\/interets$/);
    await page.getByRole('heading', { level: 1, name: 'Mes centres d’intérêt' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Le questionnaire \(\d+ phrases\)$/ }).waitFor();
    await sansDefilementHorizontal(page);
    await verifierAccessibilite(page);

    // Sent empty: every sentence is flagged and the focus goes to the first one.
    const envoyer = page.getByRole('button', { name: 'Voir les familles de métiers' });
    await envoyer.click();
    const groupes = page.getByRole('group', { name: /^\d+\. / });
    const n = await groupes.count();
    await page.getByText(`Il reste ${n} phrases sans réponse`, { exact: false }).waitFor();
    expect(await focus(page)).toBe('input|Pas du tout');
    const indication = page.getByText('Choisissez une réponse pour cette phrase.');
    expect(await indication.count()).toBe(n);
    // Each sentence is numbered once, in its legend: the list around them is not read out as a numbered one.
    expect(await groupes.first().evaluate((el) => el.closest('li')?.parentElement?.tagName)).toBe('UL');

    // Social items "Tout à fait", realistic ones "Assez", the rest "Pas du tout", with the keys only.
    const lettres = await groupes.evaluateAll((els) => els.map((el) => el.querySelector('input')!.getAttribute('name')!.charAt(0)));
    for (const [i, lettre] of lettres.entries()) {
      if (i > 0) await page.keyboard.press('Tab');
      await page.keyboard.press('Space');
      for (let k = 0; k < (lettre === 's' ? 3 : lettre === 'r' ? 2 : 0); k++) await page.keyboard.press('ArrowRight');
    }
    await page.getByText(`${n} réponses sur ${n}.`).waitFor();
    // The hint of a sentence goes once it is answered.
    expect(await indication.count()).toBe(0);
    await tabulerJusqua(page, /^button\|Voir les familles de métiers/);
    await page.keyboard.press('Enter');

    const resultat = page.getByRole('region', { name: 'Vos centres d’intérêt : Social et Réaliste' });
    await resultat.waitFor();
    await expect.poll(() => focus(page)).toBe('h2|Vos centres d’intérêt : Social et Réaliste');
    await resultat.getByText('pas le résultat d’un test', { exact: false }).waitFor();
    expect(await resultat.getByRole('heading', { level: 4 }).count()).toBeGreaterThan(0);
    expect(await resultat.getByRole('link').count()).toBeGreaterThan(0);
    await sansDefilementHorizontal(page);
    await verifierAccessibilite(page);
    expect(erreurs).toEqual([]);
  });

  it('cherche un métier au clavier, lit les résultats, et propose quoi essayer quand rien ne ressemble', async () => {
    const { page, erreurs } = await nouvellePage(parcours, { largeur: 375, hauteur: 812 });
    await page.goto('/metiers');
    await page.getByRole('heading', { level: 1, name: 'Rechercher un métier' }).waitFor();
    await tabulerJusqua(page, /^input\|Intitulé du métier ou code ROME/);
    await page.keyboard.type('zzzzqqq');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Aucun métier trouvé pour « zzzzqqq »' }).waitFor();
    await page.getByText('vérifiez la première lettre', { exact: false }).waitFor();
    await sansDefilementHorizontal(page);
    await verifierAccessibilite(page);

    const champ = page.getByRole('searchbox', { name: /^Intitulé du métier ou code ROME/ });
    await champ.fill('boulangre');
    await champ.press('Enter');
    await expect.poll(() => focus(page)).toMatch(/^h2\|\d+ métiers? trouvés? pour « boulangre »/);
    await page.keyboard.press('Tab');
    expect(await focus(page)).toMatch(/^a\|Boulanger/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/metiers\/D1102$/);
    await page
      .getByRole('heading', { level: 1 })
      .filter({ hasText: /Boulanger/ })
      .waitFor();
    await sansDefilementHorizontal(page);
    await verifierAccessibilite(page);

    // A long list comes page by page, and the page is in the address.
    await page.goto('/metiers?q=agent');
    const pagination = page.getByRole('navigation', { name: 'Pagination' });
    await pagination.getByRole('link', { name: '2', exact: true }).click();
    await page.waitForURL(/\?q=agent&page=2$/);
    await page.getByRole('heading', { level: 2, name: /métiers trouvés pour « agent » \(page 2\)$/ }).waitFor();
    expect(
      await page
        .getByRole('region', { name: /pour « agent »/ })
        .locator('.fr-card')
        .count(),
    ).toBe(10);
    await sansDefilementHorizontal(page);
    expect(erreurs).toEqual([]);
  });

  it('ajoute une expérience au clavier dans le rapprochement, sans défilement horizontal', async () => {
    const { page, erreurs } = await nouvellePage(parcours, { largeur: 375, hauteur: 812 });
    await page.goto('/metiers/rapprochement');
    await page.getByRole('heading', { level: 2, name: '1. Vos expériences (0 sur 3)' }).waitFor();
    await tabulerJusqua(page, /^input\|Un métier que vous avez exercé/);
    await page.keyboard.type('aide soignente');
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /(métiers proposés|métier proposé) pour « aide soignente »/ })
      .waitFor();
    await tabulerJusqua(page, /^button\|Ajouter « Aide-soignant \/ Aide-soignante »/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focus(page)).toBe('h2|1. Vos expériences (1 sur 3)');
    await page.getByText('« Aide-soignant / Aide-soignante » ajouté à vos expériences.').waitFor();
    await tabulerJusqua(page, /^button\|Cocher les \d+ compétences du cœur de métier/);
    await page.keyboard.press('Enter');
    await tabulerJusqua(page, /^button\|Voir les métiers proches/);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: /^Les \d+ métiers les plus proches de votre parcours$/ }).waitFor();
    await sansDefilementHorizontal(page);
    await verifierAccessibilite(page);
    expect(erreurs).toEqual([]);
  });
});
