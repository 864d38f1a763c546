import { AppError } from '../../../shared/erreurs.js';

export const echangeErrors = {
  fichierIllisible: (fichier: string, raison: string) =>
    new AppError(
      'echange.fichier_illisible',
      400,
      `Le fichier ${fichier} est illisible : ${raison}. Fournissez un tableau JSON d’enregistrements au schéma data·inclusion (ou un enregistrement JSON par ligne).`,
    ),
  sourceReservee: (sources: string[]) =>
    new AppError(
      'echange.source_reservee',
      409,
      `${sources.length > 1 ? 'Les sources' : 'La source'} ${sources.map((s) => `« ${s} »`).join(', ')} ${sources.length > 1 ? 'sont alimentées' : 'est alimentée'} par les données de référence de la plateforme : importez sous un autre nom avec --source <nom>.`,
      sources.map((s) => ({ chemin: 'source', message: `source réservée : ${s}` })),
    ),
  sourceInvalide: (source: string) =>
    new AppError(
      'echange.source_invalide',
      400,
      `Nom de source invalide « ${source} » : utilisez des minuscules, chiffres et tirets (par exemple mon-departement-2025).`,
      [{ chemin: 'source', message: 'lettres minuscules, chiffres et tirets' }],
    ),
};
