import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.js';
import { codeTotpCourant, genererSecretTotp } from '../../src/modules/identite/identite.totp.js';
import { type CompteDeTest, creerCompte } from '../factories/identite.js';
import { demarrerParcours, nouvellePage, type Parcours, verifierAccessibilite } from './navigateur.js';

let parcours: Parcours;
let responsable: CompteDeTest & { secret: string };
let structure: { id: string; nom: string };

beforeAll(async () => {
  parcours = await demarrerParcours();
  const { db } = parcours.app.database;
  [structure] = (await rows<{ id: string; nom: string }>(
    db,
    sql`SELECT id::text AS id, nom FROM annuaire_structure WHERE source = 'demonstration' AND source_id = 'cibc-gironde'`,
  )) as [{ id: string; nom: string }];
  const secret = genererSecretTotp();
  responsable = {
    ...(await creerCompte(db, { prenom: 'Maëlle', nom: 'Rivière', totpSecret: secret, adhesions: [{ role: 'structure_manager', structureId: structure.id }] })),
    secret,
  };
});

afterAll(async () => {
  await parcours?.fermer();
});

async function seConnecter(page: Page, retour: string): Promise<void> {
  await page.goto(`/connexion?retour=${encodeURIComponent(retour)}`);
  await page.getByRole('textbox', { name: /^Adresse électronique/ }).fill(responsable.email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(responsable.motDePasse);
  await page.getByRole('main').getByRole('button', { name: 'Se connecter' }).click();
  await page.getByLabel(/Code de vérification/).fill(codeTotpCourant(responsable.secret, new Date()));
  await page.getByRole('button', { name: 'Valider' }).click();
}

describe('un responsable met à jour les horaires d’un lieu de sa structure', () => {
  it('se connecte, modifie l’horaire du mardi, le retrouve sur la fiche publique et signale une erreur', async () => {
    const { page, erreurs } = await nouvellePage(parcours);
    await seConnecter(page, '/gestion/structures');

    // The list of the structures the manager keeps: only theirs.
    await page.waitForURL(/\/gestion\/structures$/);
    await page.getByRole('heading', { level: 1, name: 'Gérer mes structures' }).waitFor();
    await page.getByRole('link', { name: structure.nom }).waitFor();
    expect(await page.getByRole('main').locator('a[href^="/gestion/structures/"]').count()).toBe(1);
    await verifierAccessibilite(page);

    await page.getByRole('link', { name: structure.nom }).click();
    await page.waitForURL(new RegExp(`/gestion/structures/${structure.id}$`));
    await page.getByRole('heading', { level: 1, name: structure.nom }).waitFor();
    await page.getByLabel('Nom de la structure').waitFor();
    await verifierAccessibilite(page);

    await page.getByRole('tab', { name: 'Lieux et horaires' }).click();
    await page.waitForURL(/onglet=lieux/);
    await page.getByRole('button', { name: /CIBC Gironde – Bordeaux/ }).click();
    const formulaire = page.getByRole('form', { name: 'Lieu CIBC Gironde – Bordeaux' });
    const mardi = formulaire.getByRole('group', { name: 'Mardi' });
    const fermeture = mardi.getByLabel('Fermeture (plage 2)');
    await fermeture.waitFor();
    expect(await fermeture.inputValue()).toBe('17:30');
    await verifierAccessibilite(page);

    await fermeture.fill('16:00');
    await formulaire.getByRole('button', { name: 'Enregistrer le lieu' }).click();
    await page.getByText('Le lieu est enregistré.').waitFor();
    await verifierAccessibilite(page);

    // The history tab says who changed what.
    await page.getByRole('tab', { name: 'Historique' }).click();
    const ligne = page.getByRole('row').filter({ hasText: 'Modification – Lieu' });
    await ligne.waitFor();
    expect(await ligne.textContent()).toContain('Maëlle Rivière');
    await verifierAccessibilite(page);

    // The public page, as anyone sees it.
    await page.getByRole('link', { name: 'Voir la fiche publique' }).click();
    await page.waitForURL(new RegExp(`/structures/${structure.id}$`));
    await page.getByText('Mardi : de 9 h à 12 h 30 et de 13 h 30 à 16 h').waitFor();
    await page.getByText(/Mis à jour le/).waitFor();
    // The header names the signed-in account; the page itself names no agent.
    expect(await page.getByRole('main').getByText('Maëlle Rivière').count()).toBe(0);
    await verifierAccessibilite(page);

    // Anyone can report an error from the public page.
    await page.getByRole('button', { name: 'Signaler une erreur' }).first().click();
    const dialogue = page.getByRole('dialog', { name: 'Signaler une erreur sur cette structure' });
    await dialogue.waitFor();
    await verifierAccessibilite(page);
    await dialogue.getByLabel('Ce qui est inexact').fill('Court');
    await dialogue.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await dialogue.getByText('message : 10 caractères au moins, pour que la structure comprenne l’erreur').waitFor();
    await dialogue.getByLabel('Ce qui est inexact').fill('Le numéro de téléphone de l’accueil a changé.');
    await dialogue.getByRole('button', { name: 'Envoyer le signalement' }).click();
    await dialogue.getByText('Merci, votre signalement est envoyé').waitFor();
    await verifierAccessibilite(page);
    // The refused short message, and nothing else.
    expect(erreurs).toEqual(['console : Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });
});
