/**
 * What a module's access rule answers: allowed, with the basis it rests on (holding structure,
 * consent, territory, oneself…) and whatever the module keeps of it (acting structure and role,
 * parts visible), or refused with a reason code. One shape for every module, so that the one
 * protected-access path (`accesProtege`, audit module) records and answers all of them alike.
 */
export type Decision<Accord extends { fondement: string }, Raison extends string> = ({ autorise: true } & Accord) | { autorise: false; raison: Raison };

/** The allowed side of a decision. */
export type Accord<D> = Extract<D, { autorise: true }>;
/** The reason codes of a decision's refusals. */
export type RaisonDe<D> = Extract<D, { autorise: false }> extends { raison: infer R extends string } ? R : never;

// F keeps the basis as its literal ('detentrice'), which a plain string constraint would widen.
export const autoriser = <F extends string, A extends { fondement: F }>(accord: A): { autorise: true } & A => ({ autorise: true, ...accord });

export const refuser = <R extends string>(raison: R): { autorise: false; raison: R } => ({ autorise: false, raison });
