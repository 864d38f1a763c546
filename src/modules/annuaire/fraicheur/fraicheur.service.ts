import type { ServiceContext } from '../../../shared/contexte.js';
import { recordAudit } from '../../audit/index.js';
import { listerResponsablesDeStructures } from '../../identite/index.js';
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

/**
 * Mails the managers of every structure whose record nobody confirmed for `mois` months, once per
 * period. Run daily by the server and by `scripts/rappels-confirmation.ts`. A structure whose
 * mail fails is not marked as reminded: the next run tries again.
 */
export async function envoyerRappelsConfirmation(
  ctx: Pick<ServiceContext, 'db' | 'now' | 'messagerie'>,
  options: OptionsRappels,
): Promise<{ structures: number; courriels: number; echecs: { structureId: string; erreur: unknown }[] }> {
  const maintenant = ctx.now();
  const responsables = await listerResponsablesDeStructures(ctx.db);
  const parStructure = new Map<string, typeof responsables>();
  for (const r of responsables) parStructure.set(r.structureId, [...(parStructure.get(r.structureId) ?? []), r]);
  const aConfirmer = await repository.listStructuresAConfirmer(ctx.db, [...parStructure.keys()], maintenant, options.mois);
  const bilan = { structures: 0, courriels: 0, echecs: [] as { structureId: string; erreur: unknown }[] };
  for (const structure of aConfirmer) {
    const destinataires = parStructure.get(structure.id) ?? [];
    try {
      const envoyes = await ctx.db.transaction(async (tx) => {
        if (!(await repository.reclamerRappel(tx, structure, maintenant, options.mois))) return 0;
        for (const responsable of destinataires) await ctx.messagerie.envoyer(courrielRappel(responsable, structure, options));
        // Recorded after the mail, so that the trail's lock is not held while a mail server answers.
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
