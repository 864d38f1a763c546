import type { Db } from '../../db/client.js';
import type { ConfigSocle } from '../../shared/config.js';
import type { ServiceContext } from '../../shared/contexte.js';
import type { Courriel } from '../../shared/messagerie.js';
import { type EvenementAudit, MARQUE_LECTURE_DONNEES_PERSONNELLES, compterLecturesDepuis, lecturesDesJoursPrecedents, recordAudit } from '../audit/index.js';
import { asSystem, decrireUtilisateurs, listerResponsables, suspendreCompte } from '../identite/index.js';
import { type FaitsAlerte, courrielSuspension, courrielVolumeInhabituel } from './vigilance.courriel.js';
import type { ConfigVigilance } from './vigilance.config.js';
import { vigilanceErrors } from './vigilance.errors.js';
import { type SeuilsVigilance, evaluerVolume, mediane, peutDepasser } from './vigilance.regle.js';
import * as repository from './vigilance.repository.js';

const JOUR_MS = 86_400_000;
/** Days the usual volume is the median of. */
const JOURS_D_HISTORIQUE = 30;
/** Wait before a later read tries again an alert the mail server did not take. */
const RELANCE_MS = 10 * 60_000;

export interface ReglagesVigilance extends SeuilsVigilance {
  contactSecurite: string;
  urlPublique: string;
}

export function reglagesVigilance(config: ConfigVigilance & Pick<ConfigSocle, 'URL_PUBLIQUE'>): ReglagesVigilance {
  return {
    facteurAlerte: config.VIGILANCE_FACTEUR_ALERTE,
    plancherAlerte: config.VIGILANCE_PLANCHER_ALERTE,
    plafondJour: config.VIGILANCE_PLAFOND_LECTURES_JOUR,
    contactSecurite: config.SECURITE_CONTACT_EMAIL,
    urlPublique: config.URL_PUBLIQUE,
  };
}

/** What a read of personal data records: who comes from the context, the outcome is a success. */
export type LectureDonneesPersonnelles = Omit<EvenementAudit, 'resultat' | 'acteurUtilisateurId' | 'ip'>;

/** What is left to do once the reader's transaction has committed: see noterLectureDonneesPersonnelles. */
export interface SuiteVigilance {
  apresValidation(): Promise<void>;
}

const RIEN_A_FAIRE: SuiteVigilance = { apresValidation: async () => {} };

const jourDeParis = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

/**
 * Records a successful read of personal data in the audit trail, in the reader's transaction,
 * flagged as such (details.lecture_donnees_personnelles), then judges the agent's reads of the
 * last 24 hours against its usual daily volume (evaluerVolume):
 * - far above it: the agent's structure managers and the security contact are warned by e-mail,
 *   once a day;
 * - above the hard ceiling: the account is suspended at once (sessions closed, suspension in the
 *   audit trail), the same people are warned, and the request must fail with 403.
 * Mail and failure wait for the commit: a refusal thrown inside the transaction would roll the
 * suspension back, and a mail sent inside it would hold the audit chain's lock. Hence the caller
 * MUST call `apresValidation()` on the result once its transaction has committed;
 * lireDonneesPersonnelles does both for the common case.
 * Only agents are judged: a person reads their own data.
 */
export async function noterLectureDonneesPersonnelles(
  ctx: ServiceContext,
  tx: Db,
  lecture: LectureDonneesPersonnelles,
  reglages: ReglagesVigilance,
): Promise<SuiteVigilance> {
  const { acteur } = ctx;
  const maintenant = ctx.now();
  await recordAudit(
    tx,
    {
      ...lecture,
      resultat: 'succes',
      acteurUtilisateurId: acteur.type === 'agent' || acteur.type === 'personne' ? acteur.utilisateurId : null,
      ip: ctx.ip,
      details: { ...lecture.details, [MARQUE_LECTURE_DONNEES_PERSONNELLES]: true },
    },
    maintenant,
  );
  if (acteur.type !== 'agent') return RIEN_A_FAIRE;
  const { utilisateurId } = acteur;

  // recordAudit holds the chain's lock until commit: readers of the same account count one after
  // the other, each seeing the reads committed before it.
  const ilYA24Heures = new Date(maintenant.getTime() - JOUR_MS);
  // Reads before a suspension are not held again against an account reactivated the same day.
  const depuis = (await repository.findDerniereSuspension(tx, utilisateurId, ilYA24Heures)) ?? ilYA24Heures;
  const lectures = await compterLecturesDepuis(tx, utilisateurId, depuis);
  if (!peutDepasser(lectures, reglages)) return RIEN_A_FAIRE;
  const jour = jourDeParis(maintenant);
  if (lectures <= reglages.plafondJour && (await repository.alerteVolumeExiste(tx, utilisateurId, jour))) return RIEN_A_FAIRE;

  const volumeHabituel = mediane(await lecturesDesJoursPrecedents(tx, utilisateurId, maintenant, JOURS_D_HISTORIQUE));
  const verdict = evaluerVolume(lectures, volumeHabituel, reglages);
  if (verdict.niveau === 'normal') return RIEN_A_FAIRE;

  const faits = await faitsAlerte(tx, utilisateurId, { lectures, volumeHabituel, seuil: verdict.seuil }, reglages);
  const alerte = { utilisateurId, jour, lectures, volumeHabituel, seuil: verdict.seuil, destinataires: faits.destinataires };

  if (verdict.niveau === 'alerte') {
    const id = await repository.claimAlerteVolume(tx, alerte, maintenant, new Date(maintenant.getTime() - RELANCE_MS));
    return id ? { apresValidation: () => envoyer(ctx, id, courrielVolumeInhabituel(faits)) } : RIEN_A_FAIRE;
  }

  const { suspendu } = await suspendreCompte(tx, utilisateurId, 'vigilance.plafond_lectures', {
    par: asSystem('vigilance : plafond de consultations de données personnelles dépassé'),
    horodatage: maintenant,
    ip: ctx.ip,
    details: { lectures, plafond: reglages.plafondJour, volume_habituel: volumeHabituel },
  });
  // Requests already under way when the account was suspended fail too, without a second mail.
  const id = suspendu ? await repository.insertSuspension(tx, alerte, maintenant) : null;
  return {
    async apresValidation() {
      if (id) await envoyer(ctx, id, courrielSuspension(faits));
      throw vigilanceErrors.compteSuspendu();
    },
  };
}

async function faitsAlerte(
  tx: Db,
  utilisateurId: string,
  compte: Pick<FaitsAlerte, 'lectures' | 'volumeHabituel' | 'seuil'>,
  reglages: ReglagesVigilance,
): Promise<FaitsAlerte> {
  const fiche = (await decrireUtilisateurs(tx, [utilisateurId])).get(utilisateurId);
  const structureIds = fiche?.structureIds ?? [];
  const responsables = await listerResponsables(tx, structureIds);
  return {
    ...compte,
    compte: { prenom: fiche?.prenom ?? '', nom: fiche?.nom ?? '', email: fiche?.email ?? '' },
    plafond: reglages.plafondJour,
    liens: [...new Set(structureIds)].map((id) => `${reglages.urlPublique}/journal-des-acces/${id}`),
    // A manager who reads too much is not the one to judge it: the security contact is.
    destinataires: [...new Set([...responsables.filter((r) => r.id !== utilisateurId).map((r) => r.email), reglages.contactSecurite])],
  };
}

async function envoyer(ctx: ServiceContext, alerteId: string, courriel: Courriel): Promise<void> {
  // A failure leaves the alert unsent (envoyee_le empty) and reaches the caller as a 500.
  await ctx.messagerie.envoyer(courriel);
  await repository.markAlerteEnvoyee(ctx.db, alerteId, ctx.now());
}

/**
 * The common case: runs `lire` in a transaction, notes the read it returns, commits, then does
 * what vigilance requires (mail, 403 for a suspended account) before handing the result back.
 */
export async function lireDonneesPersonnelles<T>(
  ctx: ServiceContext,
  reglages: ReglagesVigilance,
  lire: (tx: Db) => Promise<{ resultat: T; lecture: LectureDonneesPersonnelles }>,
): Promise<T> {
  const { resultat, suite } = await ctx.db.transaction(async (tx) => {
    const { resultat, lecture } = await lire(tx);
    return { resultat, suite: await noterLectureDonneesPersonnelles(ctx, tx, lecture, reglages) };
  });
  await suite.apresValidation();
  return resultat;
}
