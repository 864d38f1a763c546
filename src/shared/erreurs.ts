export interface ChampErreur {
  chemin: string;
  message: string;
}

/** An error a service throws on purpose: stable code '<module>.<raison>', HTTP status, French message. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly champs?: ChampErreur[],
    /** Headers the answer must carry (Retry-After of a refusal that lifts with time). */
    readonly entetes?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export interface CorpsErreur {
  erreur: { code: string; message: string; champs?: ChampErreur[]; reference?: string };
}
