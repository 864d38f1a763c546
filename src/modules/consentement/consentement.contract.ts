import { texteLibre, z } from '../../shared/zod.js';

/**
 * The parts of a case file a consent covers. `donnees_sensibles` (health, disability) is granted
 * to the holding structure only: it is never shared with another structure.
 */
export const PORTEES = ['identite', 'situation', 'orientation', 'donnees_sensibles'] as const;
export type Portee = (typeof PORTEES)[number];

/** The parts, as the text read to the person names them. */
export const LIBELLES_PORTEE: Record<Portee, string> = {
  identite: 'mon identité (prénom, nom, commune, coordonnées)',
  situation: 'ma situation (situation professionnelle, statut de cadre, niveau de diplôme)',
  orientation: 'la réponse d’orientation qui m’a été donnée et mon choix',
  donnees_sensibles: 'ma situation de santé ou de handicap',
};

export const FINALITES = ['accompagnement', 'orientation', 'autre'] as const;
export type Finalite = (typeof FINALITES)[number];

export const LIBELLES_FINALITE: Record<Exclude<Finalite, 'autre'>, string> = {
  accompagnement: 'pour être accueilli, informé et orienté dans mon projet d’évolution professionnelle',
  orientation: 'pour que la structure vers laquelle je suis orienté connaisse ma situation, sans que j’aie à la répéter',
};

export const MODES_RECUEIL = ['oral_au_guichet', 'telephone', 'ecrit', 'en_ligne'] as const;
export type ModeRecueil = (typeof MODES_RECUEIL)[number];

export const LIBELLES_MODE_RECUEIL: Record<ModeRecueil, string> = {
  oral_au_guichet: 'À l’oral, au guichet',
  telephone: 'Par téléphone',
  ecrit: 'Par écrit (formulaire signé)',
  en_ligne: 'En ligne',
};

const uuid = (quoi: string) => z.uuid({ message: `identifiant ${quoi} invalide (UUID attendu)` });

/**
 * Whom the consent shares with: one structure of the directory, or `reseau`, any structure of the
 * network that will receive the person. A `reseau` consent opens nothing by itself: it is the
 * person's agreement, used once an orientation names the structure that receives them.
 */
export const destinataireSchema = z.discriminatedUnion(
  'type',
  [z.strictObject({ type: z.literal('structure'), structure_id: uuid('de structure') }), z.strictObject({ type: z.literal('reseau') })],
  { message: 'destinataire attendu : { "type": "structure", "structure_id": … } ou { "type": "reseau" }' },
);
export type Destinataire = z.infer<typeof destinataireSchema>;

/** A consent as the agent records it. */
export const consentementSaisie = z
  .strictObject({
    portee: z
      .array(z.enum(PORTEES, { message: `partie attendue : ${PORTEES.join(', ')}` }), { message: 'liste des parties partagées attendue' })
      .min(1, 'choisissez au moins une partie du dossier')
      .refine((p) => new Set(p).size === p.length, 'chaque partie une seule fois'),
    destinataire: destinataireSchema,
    finalite: z.enum(FINALITES, { message: `finalité attendue : ${FINALITES.join(', ')}` }),
    finalite_precision: texteLibre('précision de la finalité', 'précision de la finalité : texte attendu')
      .trim()
      .min(1, 'précisez la finalité')
      .max(300, 'précision de la finalité : 300 caractères au plus')
      .nullable()
      .default(null),
    mode_recueil: z.enum(MODES_RECUEIL, { message: `mode de recueil attendu : ${MODES_RECUEIL.join(', ')}` }),
  })
  .superRefine((c, ctx) => {
    if (c.finalite === 'autre' && c.finalite_precision === null) {
      ctx.addIssue({ code: 'custom', path: ['finalite_precision'], message: 'précisez la finalité quand elle est « autre »' });
    }
  });
export type ConsentementSaisie = z.infer<typeof consentementSaisie>;

export const consentementParams = z.strictObject({ id: uuid('de consentement') });

export const revocationCorps = z.strictObject({
  motif: texteLibre('motif du retrait', 'motif du retrait attendu')
    .trim()
    .min(1, 'indiquez le motif du retrait (par exemple « demande de la personne au téléphone »)')
    .max(500, 'motif : 500 caractères au plus'),
});

const agentSchema = z.object({ utilisateur_id: z.string(), prenom: z.string().nullable(), nom: z.string().nullable(), structure_id: z.string() });

export const consentementVue = z.object({
  id: z.string(),
  portee: z.array(z.enum(PORTEES)),
  destinataire: z.object({
    type: z.enum(['structure', 'reseau']),
    structure_id: z.string().nullable(),
    structure_nom: z.string().nullable(),
  }),
  finalite: z.enum(FINALITES),
  finalite_precision: z.string().nullable(),
  mode_recueil: z.enum(MODES_RECUEIL),
  texte: z.string().describe('le texte lu ou montré à la personne, tel quel'),
  recueilli_le: z.string(),
  recueilli_par: agentSchema,
  actif: z.boolean(),
  revoque_le: z.string().nullable(),
  revoque_par: agentSchema.nullable(),
  motif_revocation: z.string().nullable(),
});
export type ConsentementVue = z.infer<typeof consentementVue>;

/** What the text read to the person says; names are the structures' names in the directory. */
export interface TermesConsentement {
  portee: readonly Portee[];
  /** The structure that holds the file and collects the consent. */
  detentrice: string;
  /** Whom it is shared with: the holding structure itself, another structure, or the network. */
  destinataire: { type: 'detentrice' } | { type: 'structure'; nom: string } | { type: 'reseau' };
  finalite: Finalite;
  finalitePrecision: string | null;
}

function enumerer(parties: string[]): string {
  if (parties.length <= 1) return parties.join('');
  return `${parties.slice(0, -1).join(', ')} et ${parties.at(-1)}`;
}

/**
 * The plain-French text the agent reads to the person (or shows them), in the person's voice. The
 * server stores the text it built, word for word, as the record of what was agreed; the front
 * shows the same text before the agent records it.
 */
export function texteConsentement(t: TermesConsentement): string {
  const parties = enumerer(PORTEES.filter((p) => t.portee.includes(p)).map((p) => LIBELLES_PORTEE[p]));
  const pourquoi = t.finalite === 'autre' ? `pour la finalité suivante : ${t.finalitePrecision ?? ''}` : LIBELLES_FINALITE[t.finalite];
  const action =
    t.destinataire.type === 'detentrice'
      ? `conserve ${parties} dans mon dossier`
      : `partage ${parties} avec ${t.destinataire.type === 'structure' ? t.destinataire.nom : 'la structure du réseau de l’orientation qui m’accueillera'}`;
  const sensible = t.portee.includes('donnees_sensibles') ? ` Ma situation de santé ou de handicap ne sera visible que de ${t.detentrice}.` : '';
  return (
    `J’accepte que ${t.detentrice} ${action}, ${pourquoi}.${sensible} ` +
    `Je peux retirer ce consentement à tout moment auprès de ${t.detentrice} : le retrait vaut dès qu’il est enregistré.`
  );
}
