import type { Database } from '../db/client.js';
import { declarerRappelsConfirmation } from '../modules/annuaire/index.js';
import { declarerEnvoiDesCourriels } from '../modules/courriel/index.js';
import type { FileDeTravaux } from '../modules/taches/index.js';
import type { Messagerie } from '../shared/messagerie.js';
import type { Config } from './config.js';

export interface DependancesTravaux {
  config: Config;
  database: Database;
  messagerie: Messagerie;
  now: () => Date;
  /** Where the runs' counts go (counts only, never a name or an address). */
  journal: (message: string) => void;
}

/** Every job of the application and its schedule, declared on the queue before it starts (main.ts and the scripts). */
export function declarerTravaux(file: FileDeTravaux, { config, database, messagerie, now, journal }: DependancesTravaux): void {
  declarerEnvoiDesCourriels(file, { db: database.db, messagerie, now });
  declarerRappelsConfirmation({ db: database.db, now, file }, { mois: config.ANNUAIRE_RAPPEL_CONFIRMATION_MOIS, urlPublique: config.URL_PUBLIQUE }, (bilan) => {
    if (bilan.structures) journal(`Rappels de confirmation de l’annuaire : ${bilan.courriels} courriel(s) mis en file pour ${bilan.structures} structure(s).`);
  });
}
