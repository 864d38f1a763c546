import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { structuresDeDemonstration } from '../../src/modules/annuaire/index.js';
import { type IdentifiantsDemo, lireComptesDemo, seederComptesDemo } from '../../src/modules/identite/demo/demo.js';
import { coutHachage } from '../../src/modules/identite/index.js';
import { codeTotpCourant } from '../../src/modules/identite/identite.totp.js';
import { demarrerParcours, nouvellePage, type Parcours, verifierAccessibilite } from './navigateur.js';

let parcours: Parcours;
let conseiller: IdentifiantsDemo;

beforeAll(async () => {
  parcours = await demarrerParcours();
  const { db } = parcours.app.database;
  const { crees } = await seederComptesDemo(db, {
    environnement: 'test',
    comptes: await lireComptesDemo(),
    structures: await structuresDeDemonstration(db),
    coutHachage: coutHachage(parcours.app.config),
  });
  // Yanis Boulanger, advisor of the demonstration CIBC Gironde.
  conseiller = crees.find((c) => c.email === 'yanis.boulanger@demo.trajectoires.invalid')!;
});

afterAll(async () => {
  await parcours?.fermer();
});

const enTete = (page: Page) => page.getByRole('banner');
const suivant = (page: Page) => page.getByRole('button', { name: 'Suivant' }).click();

async function seConnecter(page: Page): Promise<void> {
  await page.goto('/connexion');
  await page.getByRole('textbox', { name: /^Adresse électronique/ }).fill(conseiller.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(conseiller.motDePasse);
  await page.getByRole('main').getByRole('button', { name: 'Se connecter' }).click();
  await page.getByLabel(/Code de vérification/).fill(codeTotpCourant(conseiller.secretTotp!, new Date()));
  await page.getByRole('button', { name: 'Valider' }).click();
  await enTete(page).getByText('Yanis Boulanger').filter({ visible: true }).waitFor();
}

describe('accueil d’une personne par un conseiller', () => {
  it('un conseiller reçoit une personne, lance l’aiguillage, ouvre son dossier avec son consentement et le retrouve dans la liste', async () => {
    const { page, erreurs } = await nouvellePage(parcours);
    await seConnecter(page);

    await enTete(page).getByRole('link', { name: 'Accueillir une personne' }).click();
    await page.waitForURL(/\/accueil$/);
    await page.getByRole('heading', { level: 1, name: 'Accueillir une personne' }).waitFor();
    await verifierAccessibilite(page);

    // The same short profile as the public page.
    await page.getByRole('textbox', { name: 'Quel âge avez-vous ?' }).fill('34');
    await suivant(page);
    await page.getByRole('group', { name: 'Quelle est votre situation aujourd’hui ?' }).getByText('Je cherche un emploi').click();
    await suivant(page);
    await page.getByRole('group', { name: 'Êtes-vous cadre ?' }).getByText('Non').click();
    await suivant(page);
    await page.getByRole('group', { name: 'Quel est votre diplôme le plus élevé ?' }).getByText('CAP ou BEP').click();
    await suivant(page);
    await page.getByRole('group', { name: 'Votre handicap est-il reconnu ?' }).getByText('Non').click();
    await suivant(page);
    await page.getByRole('combobox', { name: /Dans quelle commune habitez-vous/ }).fill('Bordeau');
    await page
      .getByRole('listbox', { name: 'Communes proposées' })
      .getByRole('option', { name: /^Bordeaux Gironde/ })
      .click();
    await page.getByRole('button', { name: 'Voir mes conseillers' }).click();

    await page.getByRole('heading', { level: 1, name: 'Réponse pour la personne reçue' }).waitFor();
    await page.getByRole('region', { name: 'France Travail' }).waitFor();
    await page.getByRole('button', { name: 'Afficher la carte' }).click();
    await page.waitForFunction(() => document.querySelector('.trj-carte')?.getAttribute('data-etat') === 'prete');
    // At reception the answers lead to a file: nothing above the form says they are not kept.
    expect(await page.getByText('Vos réponses ne sont pas enregistrées').count()).toBe(0);
    await verifierAccessibilite(page);

    // Opening the file: minimal identity, the person's choice, the text read to them.
    const formulaire = page.getByRole('form', { name: 'Ouvrir un dossier' });
    await formulaire.getByRole('textbox', { name: 'Prénom' }).fill('Camille');
    await formulaire.getByRole('textbox', { name: 'Nom', exact: true }).fill('Lefèvre');
    await formulaire
      .getByRole('group', { name: /Le choix de la personne/ })
      .getByText('France Travail')
      .click();
    await formulaire.getByText(/^J’accepte que .+ conserve mon identité/).waitFor();

    // Without the person's agreement, nothing is sent.
    await formulaire.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await formulaire.getByText('Le dossier ne s’ouvre qu’avec l’accord de la personne', { exact: false }).first().waitFor();
    await verifierAccessibilite(page);

    await formulaire.getByText('J’ai lu ce texte à la personne et elle accepte').click();
    await formulaire.getByRole('button', { name: 'Ouvrir le dossier' }).click();

    await page.waitForURL(/\/dossiers\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: 'Camille Lefèvre' }).waitFor();
    await page.getByText('Choix de la personne : ').waitFor();
    expect(await page.getByRole('main').textContent()).toContain('France Travail');
    const adresseDossier = page.url();
    const consentements = page.getByRole('region', { name: 'Consentements' });
    await consentements.getByText('En vigueur').waitFor();
    expect(await consentements.textContent()).toContain('Recueilli à l’oral, au guichet');
    await verifierAccessibilite(page);

    await enTete(page).getByRole('link', { name: 'Dossiers' }).click();
    await page.waitForURL(/\/dossiers$/);
    await page.getByRole('heading', { level: 1, name: 'Dossiers' }).waitFor();
    const carte = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Camille Lefèvre' }) });
    await carte.waitFor();
    expect(await carte.textContent()).toContain('Orientation choisie');
    await verifierAccessibilite(page);

    // On a phone, the file reads without scrolling sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(adresseDossier);
    await page.getByRole('heading', { level: 1, name: 'Camille Lefèvre' }).waitFor();
    const largeurs = await page.evaluate(() => ({ document: document.documentElement.scrollWidth, fenetre: window.innerWidth }));
    expect(largeurs.document).toBeLessThanOrEqual(largeurs.fenetre);
    await verifierAccessibilite(page);
    expect(erreurs).toEqual([]);
  });
});
