import type { Courriel } from '../../shared/messagerie.js';

export interface FaitsAlerte {
  compte: { prenom: string; nom: string; email: string };
  lectures: number;
  volumeHabituel: number;
  seuil: number;
  plafond: number;
  /** Access lists of the account's structures, to see what was read. */
  liens: string[];
  destinataires: string[];
}

const nombre = (n: number) => n.toLocaleString('fr-FR', { maximumFractionDigits: 1 });

function paragraphesCommuns(faits: FaitsAlerte): string[] {
  return [
    `Son volume habituel est de ${nombre(faits.volumeHabituel)} consultation(s) par jour (médiane des 30 jours précédents).`,
    faits.liens.length > 0
      ? `Accès aux données de sa structure :\n${faits.liens.join('\n')}`
      : 'Ce compte n’est rattaché à aucune structure : consultez le journal d’audit.',
  ];
}

/** The unusual-volume alert, once a day at most for an account. */
export function courrielVolumeInhabituel(faits: FaitsAlerte): Courriel {
  const { compte } = faits;
  return {
    a: faits.destinataires,
    sujet: `Vigilance : ${compte.prenom} ${compte.nom} a consulté ${faits.lectures} fois des données personnelles en 24 heures`,
    texte: [
      'Bonjour,',
      `Le compte de ${compte.prenom} ${compte.nom} (${compte.email}) a consulté ${faits.lectures} fois des données personnelles au cours des dernières 24 heures, ` +
        `au-delà du seuil d’alerte de ${nombre(faits.seuil)}.`,
      ...paragraphesCommuns(faits),
      'Si ce volume ne s’explique pas par son activité, le compte a peut-être été détourné : vérifiez-le avec cet agent et suspendez le compte au besoin. ' +
        `Au-delà de ${faits.plafond} consultations en 24 heures, il sera suspendu automatiquement.`,
      'Ce message n’est envoyé qu’une fois par jour pour ce compte.',
    ].join('\n\n'),
  };
}

/** The automatic suspension, at each crossing of the ceiling. */
export function courrielSuspension(faits: FaitsAlerte): Courriel {
  const { compte } = faits;
  return {
    a: faits.destinataires,
    sujet: `Vigilance : compte de ${compte.prenom} ${compte.nom} suspendu (plafond de consultations dépassé)`,
    texte: [
      'Bonjour,',
      `Le compte de ${compte.prenom} ${compte.nom} (${compte.email}) a consulté ${faits.lectures} fois des données personnelles au cours des dernières 24 heures, ` +
        `au-delà du plafond de ${faits.plafond}. Il a été suspendu et toutes ses sessions ont été fermées.`,
      ...paragraphesCommuns(faits),
      'Vérifiez avec cet agent ce qui a été consulté et pourquoi avant de réactiver le compte ; s’il a été détourné, faites changer son mot de passe et son second facteur.',
    ].join('\n\n'),
  };
}
