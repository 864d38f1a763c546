import { sql } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/db/client.js';
import { codeTotpCourant } from '../../src/modules/identite/identite.totp.js';
import { type CompteAvecSecondFacteur, creerAgentAvecSecondFacteur } from '../harness/sessions.js';
import { type ServeurSmtp, demarrerServeurSmtp } from '../harness/smtp.js';
import { demarrerParcours, nouvellePage, type Parcours, verifierAccessibilite } from './navigateur.js';

const MOT_DE_PASSE_CHOISI = 'lanterne-violoncelle-horizon-97';

let smtp: ServeurSmtp;
let parcours: Parcours;
let structure: { id: string; nom: string };
let responsable: CompteAvecSecondFacteur;

beforeAll(async () => {
  smtp = await demarrerServeurSmtp();
  parcours = await demarrerParcours({ SMTP_URL: smtp.url });
  const { db } = parcours.app.database;
  [structure] = (await rows<{ id: string; nom: string }>(
    db,
    sql`SELECT id, nom FROM annuaire_structure WHERE demonstration ORDER BY source, source_id LIMIT 1`,
  )) as [{ id: string; nom: string }];
  responsable = await creerAgentAvecSecondFacteur(db, [{ role: 'structure_manager', structureId: structure.id }], { prenom: 'Solène', nom: 'Martin' });
});

afterAll(async () => {
  await parcours?.fermer();
  await smtp?.close();
});

async function saisirMotDePasse(page: Page, email: string, motDePasse: string): Promise<void> {
  await page.getByRole('textbox', { name: /^Adresse électronique/ }).fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(motDePasse);
  await page.getByRole('main').getByRole('button', { name: 'Se connecter' }).click();
}

describe('inviter un agent dans l’équipe d’une structure', () => {
  it('le responsable invite ; l’invitée ouvre le lien du courriel, choisit son mot de passe, puis se connecte ; le responsable la suspend', async () => {
    const equipe = `/structures/${structure.id}/equipe`;
    const emailInvitee = `nadia.berthelot.${Date.now()}@exemple.invalid`;

    // The manager signs in (password, then TOTP) and lands on the team page.
    const { page, erreurs } = await nouvellePage(parcours);
    await page.goto(`/connexion?retour=${encodeURIComponent(equipe)}`);
    await saisirMotDePasse(page, responsable.email, responsable.motDePasse);
    await page.getByLabel(/Code de vérification/).fill(codeTotpCourant(responsable.totpSecret, new Date()));
    await page.getByRole('button', { name: 'Valider' }).click();
    await page.waitForURL((url) => url.pathname === equipe);
    await page.getByRole('heading', { level: 1, name: `Équipe : ${structure.nom}` }).waitFor();
    expect(await page.getByText('Aucune invitation en attente.').count()).toBe(1);
    await verifierAccessibilite(page);

    await page.getByRole('textbox', { name: /^Adresse électronique professionnelle/ }).fill(emailInvitee);
    await page.getByRole('combobox', { name: /^Rôle dans la structure/ }).selectOption('advisor');
    await page.getByRole('button', { name: 'Envoyer l’invitation' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `Invitation envoyée à ${emailInvitee}` })
      .waitFor();
    await page.getByRole('cell', { name: emailInvitee, exact: true }).waitFor();
    await verifierAccessibilite(page);

    // The e-mail really went through SMTP; its link opens the invitation page.
    const courriel = await smtp.attendreCourriel((c) => c.a.includes(emailInvitee));
    expect(courriel.sujet).toContain(structure.nom);
    const jeton = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(courriel.texte)?.[1];
    expect(jeton).toBeDefined();

    const invitee = await nouvellePage(parcours);
    await invitee.page.goto(`/invitation/${jeton}`);
    await invitee.page.getByRole('heading', { level: 1, name: `Rejoindre l’équipe de « ${structure.nom} »` }).waitFor();
    expect(await invitee.page.getByText('Votre mot de passe doit :').count()).toBe(1);
    await verifierAccessibilite(invitee.page);

    await invitee.page.getByRole('textbox', { name: 'Prénom' }).fill('Nadia');
    await invitee.page.getByRole('textbox', { name: 'Nom', exact: true }).fill('Berthelot');
    await invitee.page.getByLabel('Mot de passe', { exact: true }).fill('motdepasse');
    await invitee.page.getByRole('button', { name: 'Créer mon compte' }).click();
    const refus = invitee.page.getByRole('alert').filter({ hasText: 'Le compte n’a pas été créé' });
    await refus.waitFor();
    expect(await refus.textContent()).toContain('Ce mot de passe ne convient pas');
    // The policy's own words stand next to the field.
    await invitee.page.getByText(/au moins 12 caractères ; une phrase/).waitFor();
    await verifierAccessibilite(invitee.page);

    await invitee.page.getByLabel('Mot de passe', { exact: true }).fill(MOT_DE_PASSE_CHOISI);
    await invitee.page.getByRole('button', { name: 'Créer mon compte' }).click();
    await invitee.page.getByRole('heading', { level: 2, name: 'Votre compte est créé' }).waitFor();
    await verifierAccessibilite(invitee.page);

    await invitee.page.getByRole('main').getByRole('link', { name: 'Se connecter' }).click();
    await invitee.page.waitForURL((url) => url.pathname === '/connexion');
    await saisirMotDePasse(invitee.page, emailInvitee, MOT_DE_PASSE_CHOISI);
    // Signed in: an advisor sets up the second factor first.
    await invitee.page.waitForURL((url) => url.pathname === '/second-facteur');
    await invitee.page.getByRole('heading', { level: 2, name: 'Sécurisez votre compte' }).waitFor();

    // Back to the manager: the new agent is in the team; suspending asks first.
    await page.reload();
    await page.getByRole('cell', { name: emailInvitee, exact: true }).waitFor();
    expect(await page.getByText('Aucune invitation en attente.').count()).toBe(1);
    await page.getByRole('button', { name: 'Suspendre Nadia Berthelot' }).click();
    const question = page.getByRole('heading', { level: 2, name: 'Suspendre l’accès de Nadia Berthelot ?' });
    await question.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Suspendre l’accès de Nadia Berthelot ?');
    await verifierAccessibilite(page);
    await page.getByRole('button', { name: 'Suspendre l’accès' }).click();
    await page.getByRole('status').filter({ hasText: 'L’accès de Nadia Berthelot est suspendu.' }).waitFor();
    await page.getByRole('button', { name: 'Réactiver Nadia Berthelot' }).waitFor();
    await verifierAccessibilite(page);

    // Her session died with the suspension: the next page she opens finds her signed out.
    await invitee.page.goto(equipe);
    await invitee.page.getByRole('heading', { level: 1, name: 'Accès réservé' }).waitFor();
    expect(erreurs).toEqual([]);
    // The browser reports the refused weak password (400) as a failed resource, and nothing else.
    expect(invitee.erreurs).toEqual(['console : Failed to load resource: the server responded with a status of 400 (Bad Request)']);
  });
});
