import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { structuresDeDemonstration } from '../../src/modules/annuaire/index.js';
import { type IdentifiantsDemo, lireComptesDemo, seederComptesDemo } from '../../src/modules/identite/demo/demo.js';
import { coutHachage } from '../../src/modules/identite/index.js';
import { codeTotpCourant } from '../../src/modules/identite/identite.totp.js';
import { creerCompte } from '../factories/identite.js';
import { demarrerParcours, nouvellePage, type Parcours, verifierAccessibilite } from './navigateur.js';

let parcours: Parcours;
let responsable: IdentifiantsDemo;

beforeAll(async () => {
  parcours = await demarrerParcours();
  const { db } = parcours.app.database;
  const { crees } = await seederComptesDemo(db, {
    environnement: 'test',
    comptes: await lireComptesDemo(),
    structures: await structuresDeDemonstration(db),
    coutHachage: coutHachage(parcours.app.config),
  });
  responsable = crees.find((c) => c.email === 'mathilde.garnier@demo.trajectoires.invalid')!;
});

afterAll(async () => {
  await parcours?.fermer();
});

const enTete = (page: Page) => page.getByRole('banner');
// The header repeats its quick access in the (closed) phone menu: the visible copy is the one read.
const nomDansLEnTete = (page: Page, nom: string) => enTete(page).getByText(nom).filter({ visible: true });

async function saisirMotDePasse(page: Page, email: string, motDePasse: string): Promise<void> {
  await page.getByRole('textbox', { name: /^Adresse électronique/ }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(motDePasse);
  await page.getByRole('main').getByRole('button', { name: 'Se connecter' }).click();
}

describe('se connecter avec un mot de passe et un code TOTP', () => {
  it('un responsable de structure de démonstration se connecte, revient à sa page, voit son nom, puis se déconnecte', async () => {
    const { page, erreurs } = await nouvellePage(parcours);
    await page.goto('/annuaire');
    await page.getByRole('heading', { level: 1 }).waitFor();

    await enTete(page).getByRole('link', { name: 'Se connecter' }).click();
    await page.waitForURL(/\/connexion\?retour=%2Fannuaire$/);
    await page.getByRole('heading', { level: 1, name: 'Connexion' }).waitFor();
    await verifierAccessibilite(page);

    // A wrong password first: the API's message, and nothing else happens.
    await saisirMotDePasse(page, responsable.email, 'pas-le-bon-mot-de-passe');
    const refus = page.getByRole('alert').filter({ hasText: 'Connexion impossible' });
    await refus.waitFor();
    expect(await refus.textContent()).toContain('Adresse électronique ou mot de passe incorrect');
    await verifierAccessibilite(page);

    await saisirMotDePasse(page, responsable.email, responsable.motDePasse);
    const etape = page.getByRole('heading', { level: 2, name: 'Second facteur d’authentification' });
    await etape.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Second facteur d’authentification');
    await verifierAccessibilite(page);

    await page.getByLabel(/Code de vérification/).fill(codeTotpCourant(responsable.secretTotp!, new Date()));
    await page.getByRole('button', { name: 'Valider' }).click();

    await page.waitForURL(/\/annuaire$/);
    await nomDansLEnTete(page, 'Mathilde Garnier').waitFor();
    expect(await enTete(page).getByRole('link', { name: 'Se connecter' }).count()).toBe(0);
    await verifierAccessibilite(page);

    await enTete(page).getByRole('button', { name: 'Se déconnecter', exact: true }).click();
    await enTete(page).getByRole('link', { name: 'Se connecter' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await enTete(page).getByText('Mathilde Garnier').count()).toBe(0);
    await verifierAccessibilite(page);
    // The browser logs the refused password's answer, and nothing else went wrong.
    expect(erreurs).toEqual(['console : Failed to load resource: the server responded with a status of 401 (Unauthorized)']);
  });

  it('un conseiller sans second facteur le configure : QR code, clé en texte, premier code, codes de récupération', async () => {
    const conseiller = await creerCompte(parcours.app.database.db, {
      adhesions: [{ role: 'advisor', structureId: [...(await structuresDeDemonstration(parcours.app.database.db)).values()][0]!.id }],
      prenom: 'Élise',
      nom: 'Navarro',
    });
    const { page, erreurs } = await nouvellePage(parcours);
    await page.goto('/connexion');
    await saisirMotDePasse(page, conseiller.email, conseiller.motDePasse);

    await page.waitForURL(/\/second-facteur$/);
    await page.getByRole('heading', { level: 2, name: 'Sécurisez votre compte' }).waitFor();
    await verifierAccessibilite(page);

    await page.getByRole('button', { name: /afficher le QR code/ }).click();
    const qr = page.getByRole('img', { name: /QR code de configuration/ });
    await qr.waitFor();
    expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
    await verifierAccessibilite(page);

    // Whoever cannot scan types the key shown as text: the code is computed from it here.
    const cle = (await page.getByRole('main').locator('code').textContent())!.replaceAll(' ', '');
    await page.getByLabel(/Code de vérification/).fill(codeTotpCourant(cle, new Date()));
    await page.getByRole('button', { name: 'Activer' }).click();

    await page.getByRole('heading', { level: 2, name: 'Gardez vos codes de récupération' }).waitFor();
    const codes = await page
      .getByRole('main')
      .getByRole('listitem')
      .filter({ hasText: /^[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}$/ })
      .count();
    expect(codes).toBe(10);
    await nomDansLEnTete(page, 'Élise Navarro').waitFor();
    await verifierAccessibilite(page);

    await page.getByRole('link', { name: /continuer/ }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(erreurs).toEqual([]);
  });
});
