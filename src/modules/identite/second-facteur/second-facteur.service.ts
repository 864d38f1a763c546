import type { Executor, Transaction } from '../../../db/client.js';
import type { ServiceContext } from '../../../shared/contexte.js';
import { type ActeurConnecte, estConnecte } from '../../../shared/acteur.js';
import { secondFacteurRequis } from '../identite.permissions.js';
import { empreinteCodeRecuperation, genererCodesRecuperation } from '../identite.recuperation.js';
import * as identiteRepository from '../identite.repository.js';
import {
  type Preuve,
  type ReglagesConnexion,
  compterEchec,
  journaliserCompte,
  oublierEchecs,
  refuserSiVerrouille,
  remplacerSession,
} from '../identite.service.js';
import { genererSecretTotp, qrCodeTotp, uriOtpauth, verifierCodeTotp } from '../identite.totp.js';
import type { PreuveSecondFacteur } from './second-facteur.contract.js';
import { codeInvalide, preuveRequise, secondFacteurNonConfigure, secondFacteurNonInitialise, secondFacteurObligatoire } from './second-facteur.errors.js';
import * as repository from './second-facteur.repository.js';

export const ACTIONS_SECOND_FACTEUR = {
  validation: 'identite.connexion.second_facteur',
  codeRecuperation: 'identite.code_recuperation.utiliser',
  initialisation: 'identite.second_facteur.initialiser',
  activation: 'identite.second_facteur.activer',
  desactivation: 'identite.second_facteur.desactiver',
} as const;

type Compte = NonNullable<Awaited<ReturnType<typeof identiteRepository.findUtilisateur>>>;
type Moyen = 'totp' | 'code_recuperation';

/** The signed-in caller and their account; the routes' access already refused anyone else. */
async function compteConnecte(ctx: ServiceContext): Promise<{ acteur: ActeurConnecte; compte: Compte }> {
  const { acteur } = ctx;
  if (!estConnecte(acteur)) throw new Error('Second facteur : appel réservé à une session ouverte (config.access).');
  const compte = await identiteRepository.findUtilisateur(ctx.db, acteur.utilisateurId);
  if (!compte) throw new Error(`Second facteur : compte ${acteur.utilisateurId} introuvable pour une session ouverte.`);
  return { acteur, compte };
}

/** Accepts a TOTP code of `secret` once: its time step is spent in the same statement that checks it. */
async function depenserCodeTotp(tx: Executor, compte: Compte, secret: string, code: string, maintenant: Date): Promise<boolean> {
  const verification = verifierCodeTotp({ secret, code: code.replace(' ', ''), dernierPasAccepte: compte.totpDernierPas, maintenant });
  return verification.valide && repository.avancerPasTotp(tx, compte.id, verification.pas);
}

/**
 * Spends the proof of the account's active factor. Returns how it was proved and the recovery
 * codes left, or null when the proof is wrong or already used.
 */
async function depenserPreuve(tx: Executor, compte: Compte, preuve: PreuveSecondFacteur, maintenant: Date): Promise<{ moyen: Moyen; restants: number } | null> {
  if (preuve.code !== undefined) {
    const valide = compte.totpSecret !== null && (await depenserCodeTotp(tx, compte, compte.totpSecret, preuve.code, maintenant));
    return valide ? { moyen: 'totp', restants: compte.codesRecuperation.length } : null;
  }
  if (preuve.code_recuperation === undefined) return null;
  const restants = await repository.retirerCodeRecuperation(tx, compte.id, empreinteCodeRecuperation(preuve.code_recuperation));
  return restants === null ? null : { moyen: 'code_recuperation', restants };
}

// Second-factor failures count on the account's address, with its password failures.
const preuveDe = (compte: Compte): Preuve => ({ email: compte.email, utilisateurId: compte.id });

const champDe = (preuve: PreuveSecondFacteur) => (preuve.code !== undefined ? 'code' : 'code_recuperation');

/**
 * Checks and spends a proof of the active factor, then runs `suite` in the same transaction. A
 * wrong proof counts towards the account's lock-out like a wrong password, and nothing else is written.
 */
async function avecPreuve<T>(
  ctx: ServiceContext,
  compte: Compte,
  preuve: PreuveSecondFacteur,
  reglages: ReglagesConnexion,
  action: string,
  suite: (tx: Transaction, preuve: { moyen: Moyen; restants: number }) => Promise<T>,
): Promise<T> {
  await refuserSiVerrouille(ctx, preuveDe(compte), action);
  const resultat = await ctx.db.transaction(async (tx) => {
    const depensee = await depenserPreuve(tx, compte, preuve, ctx.now());
    if (!depensee) return { valide: false as const };
    await oublierEchecs(tx, compte.email);
    if (depensee.moyen === 'code_recuperation') {
      await journaliserCompte(tx, ctx, {
        action: ACTIONS_SECOND_FACTEUR.codeRecuperation,
        resultat: 'succes',
        utilisateurId: compte.id,
        acteurUtilisateurId: compte.id,
        details: { pour: action, restants: depensee.restants },
      });
    }
    return { valide: true as const, valeur: await suite(tx, depensee) };
  });
  if (!resultat.valide) {
    await compterEchec(ctx, preuveDe(compte), reglages, { action, raison: 'code_invalide', details: { moyen: champDe(preuve) } });
    throw codeInvalide(champDe(preuve));
  }
  return resultat.valeur;
}

/**
 * Second step of a sign-in: the TOTP code or a recovery code, then a new session marked
 * second-factor-done (the half-signed-in token stops working).
 */
export async function validerSecondFacteur(
  ctx: ServiceContext,
  preuve: PreuveSecondFacteur,
  reglages: ReglagesConnexion,
): Promise<{ jeton: string; codesRecuperationRestants: number }> {
  const { acteur, compte } = await compteConnecte(ctx);
  if (!compte.totpActive) throw secondFacteurNonConfigure();
  const action = ACTIONS_SECOND_FACTEUR.validation;
  return avecPreuve(ctx, compte, preuve, reglages, action, async (tx, { moyen, restants }) => {
    const jeton = await remplacerSession(tx, ctx, { utilisateurId: compte.id, methode: acteur.session.methode, secondFacteur: true }, reglages);
    await journaliserCompte(tx, ctx, { action, resultat: 'succes', utilisateurId: compte.id, acteurUtilisateurId: compte.id, details: { moyen } });
    return { jeton, codesRecuperationRestants: restants };
  });
}

/**
 * A new TOTP secret for the account and the QR code to scan. A first enrolment keeps it pending
 * until activation. An active factor is replaced only on a proof of it, so that a password alone
 * (a half-signed-in session) cannot swap the factor for one of its own; the new secret is then in
 * force at once: the account never falls back to a password alone.
 */
export async function initialiserSecondFacteur(
  ctx: ServiceContext,
  preuve: PreuveSecondFacteur,
  reglages: ReglagesConnexion,
  emetteur: string,
): Promise<{ secret: string; uri_otpauth: string; qr_code: string }> {
  const { compte } = await compteConnecte(ctx);
  const secret = genererSecretTotp();
  const action = ACTIONS_SECOND_FACTEUR.initialisation;
  const enregistrer = async (tx: Transaction) => {
    await identiteRepository.updateUtilisateur(tx, compte.id, { totpSecret: secret, totpDernierPas: null, modifieLe: ctx.now() });
    await journaliserCompte(tx, ctx, {
      action,
      resultat: 'succes',
      utilisateurId: compte.id,
      acteurUtilisateurId: compte.id,
      details: { remplacement: compte.totpActive },
    });
  };
  if (compte.totpActive) {
    if (preuve.code === undefined && preuve.code_recuperation === undefined) throw preuveRequise();
    await avecPreuve(ctx, compte, preuve, reglages, action, enregistrer);
  } else {
    await ctx.db.transaction(enregistrer);
  }
  const uri = uriOtpauth({ secret, compte: compte.email, emetteur });
  return { secret, uri_otpauth: uri, qr_code: await qrCodeTotp(uri) };
}

/**
 * Confirms the secret with a code of it: the factor is active, the session is replaced by one
 * marked second-factor-done, and ten new recovery codes (the old ones die) are returned, once.
 */
export async function activerSecondFacteur(
  ctx: ServiceContext,
  code: string,
  reglages: ReglagesConnexion,
): Promise<{ jeton: string; codesRecuperation: string[] }> {
  const { acteur, compte } = await compteConnecte(ctx);
  const secret = compte.totpSecret;
  if (!secret) throw secondFacteurNonInitialise();
  const action = ACTIONS_SECOND_FACTEUR.activation;
  await refuserSiVerrouille(ctx, preuveDe(compte), action);
  const { codes, empreintes } = genererCodesRecuperation();
  const jeton = await ctx.db.transaction(async (tx) => {
    if (!(await depenserCodeTotp(tx, compte, secret, code, ctx.now()))) return null;
    await identiteRepository.updateUtilisateur(tx, compte.id, {
      totpActive: true,
      codesRecuperation: empreintes,
      modifieLe: ctx.now(),
    });
    await oublierEchecs(tx, compte.email);
    const jeton = await remplacerSession(tx, ctx, { utilisateurId: compte.id, methode: acteur.session.methode, secondFacteur: true }, reglages);
    await journaliserCompte(tx, ctx, { action, resultat: 'succes', utilisateurId: compte.id, acteurUtilisateurId: compte.id });
    return jeton;
  });
  if (!jeton) {
    // A pending secret's codes can be guessed by whoever holds the password: failures count too.
    await compterEchec(ctx, preuveDe(compte), reglages, { action, raison: 'code_invalide', details: { moyen: 'code' } });
    throw codeInvalide('code');
  }
  return { jeton, codesRecuperation: codes };
}

/** Removes the factor, on a proof of it; refused to roles that require one. */
export async function desactiverSecondFacteur(ctx: ServiceContext, preuve: PreuveSecondFacteur, reglages: ReglagesConnexion): Promise<void> {
  const { acteur, compte } = await compteConnecte(ctx);
  if (secondFacteurRequis(acteur)) throw secondFacteurObligatoire();
  if (!compte.totpActive) throw secondFacteurNonConfigure();
  const action = ACTIONS_SECOND_FACTEUR.desactivation;
  await avecPreuve(ctx, compte, preuve, reglages, action, async (tx) => {
    await identiteRepository.updateUtilisateur(tx, compte.id, {
      totpSecret: null,
      totpActive: false,
      totpDernierPas: null,
      codesRecuperation: [],
      modifieLe: ctx.now(),
    });
    await journaliserCompte(tx, ctx, { action, resultat: 'succes', utilisateurId: compte.id, acteurUtilisateurId: compte.id });
  });
}
