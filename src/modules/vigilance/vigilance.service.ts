import type { Db, Transaction } from '../../db/client.js';
import type { ConfigSocle } from '../../shared/config.js';
import type { ServiceContext } from '../../shared/contexte.js';
import type { Courriel } from '../../shared/messagerie.js';
import { type Decision, autoriser } from '../../shared/decision.js';
import { type JugeLecture, type TraceAcces, accesProtege, compterLecturesDepuis, lecturesDesJoursPrecedents } from '../audit/index.js';
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
export type LectureDonneesPersonnelles = TraceAcces;

const RIEN_A_FAIRE = async () => {};

const jourDeParis = (instant: Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

/**
 * Judges an agent's reads of personal data once the protected-access path has written the
 * current one in its transaction (flagged details.lecture_donnees_personnelles): its reads of the
 * last 24 hours against its usual daily volume (evaluerVolume):
 * - far above it: the agent's structure managers and the security contact are warned by e-mail,
 *   once a day;
 * - above the hard ceiling: the account is suspended at once (sessions closed, suspension in the
 *   audit trail), the same people are warned, and the request must fail with 403.
 * Mail and failure wait for the commit (what this returns, which accesProtege runs after it): a
 * refusal thrown inside the transaction would roll the suspension back, and a mail sent inside it
 * would hold the audit chain's lock.
 * Only agents are judged: a person reads their own data.
 */
export function jugerLectures(reglages: ReglagesVigilance): JugeLecture {
  return async (ctx, tx) => {
    const { acteur } = ctx;
    if (acteur.type !== 'agent') return RIEN_A_FAIRE;
    const { utilisateurId } = acteur;
    const maintenant = ctx.now();

    // The audit write holds the chain's lock until commit: readers of the same account count one
    // after the other, each seeing the reads committed before it.
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
      return id ? () => envoyer(ctx, id, courrielVolumeInhabituel(faits)) : RIEN_A_FAIRE;
    }

    const { suspendu } = await suspendreCompte(tx, utilisateurId, 'vigilance.plafond_lectures', {
      par: asSystem('vigilance : plafond de consultations de données personnelles dépassé'),
      horodatage: maintenant,
      ip: ctx.ip,
      details: { lectures, plafond: reglages.plafondJour, volume_habituel: volumeHabituel },
    });
    // Requests already under way when the account was suspended fail too, without a second mail.
    const id = suspendu ? await repository.insertSuspension(tx, alerte, maintenant) : null;
    return async () => {
      if (id) await envoyer(ctx, id, courrielSuspension(faits));
      throw vigilanceErrors.compteSuspendu();
    };
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
 * A page of personal data whose scope the query itself applies (the module's rule as an SQL
 * condition, nothing to refuse): `lire` runs on the protected-access path, which records the page
 * with what `lire` says of it and has vigilance judge the read.
 */
export function lireDonneesPersonnelles<T>(
  ctx: ServiceContext,
  reglages: ReglagesVigilance,
  lire: (tx: Transaction) => Promise<{ resultat: T; lecture: LectureDonneesPersonnelles }>,
): Promise<T> {
  return accesProtege(ctx, {
    charger: lire,
    // Nothing to refuse: the rows are only those the scope lets through.
    decider: (): Decision<{ fondement: 'perimetre' }, never> => autoriser({ fondement: 'perimetre' }),
    // The page's event names no basis unless `lire` gives one.
    tracer: ({ lecture }) => ({ ...lecture, raison: lecture.raison ?? null }),
    refus: (jamais) => jamais,
    agir: async (_tx, { resultat }) => resultat,
    lecture: jugerLectures(reglages),
  });
}
