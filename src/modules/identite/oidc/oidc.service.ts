import type { Db, Transaction } from '../../../db/client.js';
import type { ServiceContext } from '../../../shared/contexte.js';
import { type ResultatAudit, recordAudit } from '../../audit/index.js';
import { estConnecte } from '../../../shared/acteur.js';
import * as identite from '../identite.repository.js';
import { type ReglagesSession, fermerSession, ouvrirSession } from '../identite.session.js';
import { type ClientOidc, type IdentiteFournie, lireIdentite, preparerAutorisation } from './oidc.client.js';
import { EchecConnexionOidc, adresseCompteAgent, compteAgentInconnu, compteSuspendu, donneesIncompletes, etatInvalide } from './oidc.errors.js';
import { cheminDeRetour, ouvrirEtat, scellerEtat } from './oidc.etat.js';
import * as repository from './oidc.repository.js';

/** Where to send the browser, and the sealed attempt to keep in its cookie until it comes back. */
export async function demarrerConnexionOidc(ctx: ServiceContext, client: ClientOidc, retour: string | undefined): Promise<{ url: string; etatScelle: string }> {
  const { url, etat } = await preparerAutorisation(client, cheminDeRetour(retour), ctx.now());
  return { url: url.href, etatScelle: scellerEtat(etat, client.cleEtat) };
}

/**
 * The provider's answer, as it came back to the callback (`requete`: its query string) with the
 * browser's cookie: checks it, finds or creates the account, opens a new session.
 * Throws EchecConnexionOidc, already recorded in the audit trail, when the sign-in cannot go through.
 */
export async function terminerConnexionOidc(
  ctx: ServiceContext,
  client: ClientOidc,
  requete: string,
  etatScelle: string | undefined,
  reglages: ReglagesSession,
): Promise<{ jeton: string; retour: string }> {
  let fournie: IdentiteFournie & { email: string };
  let retour: string;
  try {
    const etat = ouvrirEtat(etatScelle, client.cleEtat, client.id, ctx.now());
    const urlDeRetour = new URL(client.redirectUri);
    urlDeRetour.search = requete;
    // Nothing of an answer that does not belong to this browser's attempt is read, not even its error.
    if (!etat || urlDeRetour.searchParams.get('state') !== etat.state) throw etatInvalide();
    const lue = await lireIdentite(client, urlDeRetour, etat);
    const { email } = lue;
    if (!email || (client.public === 'personne' && (!lue.prenom || !lue.nom))) throw donneesIncompletes();
    fournie = { ...lue, email };
    retour = etat.retour;
  } catch (erreur) {
    if (erreur instanceof EchecConnexionOidc) {
      await ctx.db.transaction((tx) => journaliser(tx, ctx, client, { resultat: erreur.resultat, raison: erreur.code, utilisateurId: null }));
    }
    throw erreur;
  }
  const jeton = await connecter(ctx, client, fournie, reglages);
  return { jeton, retour };
}

type Utilisateur = NonNullable<Awaited<ReturnType<typeof identite.findUtilisateur>>>;

type CompteTrouve =
  { utilisateur: Utilisateur; fondement: 'compte_lie' | 'adresse_electronique' | 'compte_cree' } | { refus: EchecConnexionOidc; utilisateurId: string | null };

/**
 * The account of a provider's identity. Its (provider, subject) link decides first; otherwise
 * the address, among accounts of the provider's public only. Agents exist by invitation only;
 * a person signing in for the first time gets an account.
 */
async function trouverCompte(tx: Db, client: ClientOidc, fournie: IdentiteFournie & { email: string }): Promise<CompteTrouve> {
  const lieA = await repository.findUtilisateurIdParSujet(tx, client.id, fournie.sub);
  const lie = lieA ? await identite.findUtilisateur(tx, lieA) : undefined;
  if (lie?.type === client.public) return { utilisateur: lie, fondement: 'compte_lie' };

  const parAdresse = await identite.findUtilisateurParEmail(tx, fournie.email);
  if (parAdresse?.type === client.public) return { utilisateur: parAdresse, fondement: 'adresse_electronique' };
  if (client.public === 'agent') return { refus: compteAgentInconnu(), utilisateurId: null };
  // Addresses are unique across accounts: a person cannot take an agent's address.
  if (parAdresse) return { refus: adresseCompteAgent(), utilisateurId: parAdresse.id };

  const id = await identite.insertUtilisateur(tx, { type: 'personne', email: fournie.email, prenom: fournie.prenom!, nom: fournie.nom!, motDePasse: null });
  return { utilisateur: (await identite.findUtilisateur(tx, id))!, fondement: 'compte_cree' };
}

async function connecter(ctx: ServiceContext, client: ClientOidc, fournie: IdentiteFournie & { email: string }, reglages: ReglagesSession): Promise<string> {
  const maintenant = ctx.now();
  // The second factor is what the ID token's acr proves, not what was asked for.
  const secondFacteur = fournie.acr !== undefined && client.reglages.acrSecondFacteur.includes(fournie.acr);
  const issue = await ctx.db.transaction(async (tx) => {
    await repository.verrouillerAdresse(tx, fournie.email);
    const trouve = await trouverCompte(tx, client, fournie);
    const refuser = async (refus: EchecConnexionOidc, utilisateurId: string | null) => {
      await journaliser(tx, ctx, client, { resultat: refus.resultat, raison: refus.code, utilisateurId });
      return { refus };
    };
    if ('refus' in trouve) return refuser(trouve.refus, trouve.utilisateurId);
    const { utilisateur, fondement } = trouve;
    if (utilisateur.statut !== 'actif') return refuser(compteSuspendu(), utilisateur.id);
    if (fondement !== 'compte_lie') {
      await repository.insertCompteExterne(tx, { fournisseur: client.id, sujet: fournie.sub, utilisateurId: utilisateur.id });
    }
    // A new session at every sign-in: a session fixed before sign-in is worth nothing after it.
    if (estConnecte(ctx.acteur)) await fermerSession(tx, ctx.acteur.session.empreinte);
    const jeton = await ouvrirSession(
      tx,
      { utilisateurId: utilisateur.id, methode: client.id, secondFacteur, ip: ctx.ip, agentUtilisateur: ctx.agentUtilisateur },
      maintenant,
      reglages,
    );
    await journaliser(tx, ctx, client, {
      resultat: 'succes',
      raison: fondement,
      utilisateurId: utilisateur.id,
      details: { second_facteur: secondFacteur, acr: fournie.acr ?? null },
    });
    return { jeton };
  });
  // Thrown after commit: the refusal stays in the audit trail.
  if ('refus' in issue) throw issue.refus;
  return issue.jeton;
}

async function journaliser(
  db: Transaction,
  ctx: ServiceContext,
  client: ClientOidc,
  evenement: { resultat: ResultatAudit; raison: string; utilisateurId: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await recordAudit(
    db,
    {
      action: 'identite.connexion',
      resultat: evenement.resultat,
      acteurUtilisateurId: evenement.resultat === 'succes' ? evenement.utilisateurId : null,
      cibleType: evenement.utilisateurId ? 'utilisateur' : null,
      cibleId: evenement.utilisateurId,
      ip: ctx.ip,
      raison: evenement.raison,
      details: { methode: 'oidc', fournisseur: client.id, ...evenement.details },
    },
    ctx.now(),
  );
}
