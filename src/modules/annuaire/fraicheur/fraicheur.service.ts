import type { Db } from '../../../db/client.js';
import { recordAudit } from '../../audit/index.js';
import { mettreEnFileCourriel } from '../../courriel/index.js';
import { listerResponsablesDeStructures } from '../../identite/index.js';
import type { FileDeTravaux } from '../../taches/index.js';
import * as repository from './fraicheur.repository.js';

export interface OptionsRappels {
  /** ANNUAIRE_RAPPEL_CONFIRMATION_MOIS */
  mois: number;
  urlPublique: string;
}

const dateFrancaise = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

function courrielRappel(responsable: { email: string; prenom: string }, structure: repository.StructureAConfirmer, options: OptionsRappels) {
  return {
    a: responsable.email,
    sujet: `Votre fiche dans l’annuaire est-elle à jour ? ${structure.nom}`,
    texte: [
      `Bonjour ${responsable.prenom},`,
      '',
      structure.confirme_le
        ? `La fiche de « ${structure.nom} » dans l’annuaire n’a pas été confirmée depuis le ${dateFrancaise(structure.confirme_le)}.`
        : `La fiche de « ${structure.nom} » dans l’annuaire n’a encore jamais été confirmée par la structure.`,
      'Les personnes et les conseillers s’y fient pour vous trouver : vérifiez vos lieux, horaires, services et contacts,',
      'corrigez ce qui a changé, puis cliquez sur « Confirmer que la fiche est à jour » :',
      `${options.urlPublique}/gestion/structures/${structure.id}`,
      '',
      `Ce rappel revient tous les ${options.mois} mois tant que la fiche n’est pas confirmée.`,
    ].join('\n'),
  };
}

export interface ContexteRappels {
  db: Db;
  now: () => Date;
  /** The job queue the reminders' mails go through. */
  file: FileDeTravaux;
}

export interface BilanRappels {
  structures: number;
  courriels: number;
  echecs: { structureId: string; erreur: unknown }[];
}

/**
 * Mails the managers of every structure whose record nobody confirmed for `mois` months, once per
 * period: each mail is put in the queue of outgoing mail (module courriel) in the transaction that
 * takes the structure's reminder, so the reminder is taken if and only if its mails will be sent,
 * and a mail the mail server refuses is tried again by the queue, not by the next run. Run every
 * morning by the job below and by `scripts/rappels-confirmation.ts`.
 */
export async function envoyerRappelsConfirmation(ctx: ContexteRappels, options: OptionsRappels): Promise<BilanRappels> {
  const maintenant = ctx.now();
  const responsables = await listerResponsablesDeStructures(ctx.db);
  const parStructure = new Map<string, typeof responsables>();
  for (const r of responsables) parStructure.set(r.structureId, [...(parStructure.get(r.structureId) ?? []), r]);
  const aConfirmer = await repository.listStructuresAConfirmer(ctx.db, [...parStructure.keys()], maintenant, options.mois);
  const bilan: BilanRappels = { structures: 0, courriels: 0, echecs: [] };
  for (const structure of aConfirmer) {
    const destinataires = parStructure.get(structure.id) ?? [];
    try {
      const envoyes = await ctx.db.transaction(async (tx) => {
        if (!(await repository.reclamerRappel(tx, structure, maintenant, options.mois))) return 0;
        for (const responsable of destinataires) {
          await mettreEnFileCourriel(
            tx,
            ctx.file,
            {
              regionCode: structure.region_code,
              cle: `annuaire.rappel_confirmation:${structure.id}:${maintenant.toISOString()}:${responsable.utilisateurId}`,
              courriel: courrielRappel(responsable, structure, options),
            },
            maintenant,
          );
        }
        await recordAudit(
          tx,
          {
            action: 'annuaire.structure.rappeler_confirmation',
            resultat: 'succes',
            cibleType: 'structure',
            cibleId: structure.id,
            cibleStructureId: structure.id,
            raison: 'tache_planifiee',
            details: { destinataires: destinataires.length, mois: options.mois },
          },
          maintenant,
        );
        return destinataires.length;
      });
      if (envoyes > 0) {
        bilan.structures++;
        bilan.courriels += envoyes;
      }
    } catch (erreur) {
      bilan.echecs.push({ structureId: structure.id, erreur });
    }
  }
  return bilan;
}

/** The queue of the daily run of the reminders. */
export const FILE_RAPPELS_CONFIRMATION = 'annuaire.rappels_confirmation';

/**
 * Declares the reminders' job, run every day at 7:00 Paris time (the queue's cron), before the
 * queue starts. A run where some structure could not be handled fails, and the queue runs it again
 * a quarter of an hour later: the structures already handled have their reminder taken and are
 * skipped.
 */
export function declarerRappelsConfirmation(ctx: ContexteRappels, options: OptionsRappels, surBilan: (bilan: BilanRappels) => void = () => {}): void {
  ctx.file.travail(
    FILE_RAPPELS_CONFIRMATION,
    async () => {
      const bilan = await envoyerRappelsConfirmation(ctx, options);
      surBilan(bilan);
      if (bilan.echecs.length) {
        throw new AggregateError(
          bilan.echecs.map((e) => e.erreur),
          `${bilan.echecs.length} structure(s) sans rappel de confirmation mis en file`,
        );
      }
    },
    { reprises: 2, delaiSecondes: 900 },
  );
  ctx.file.planifier(FILE_RAPPELS_CONFIRMATION, '0 7 * * *');
}
