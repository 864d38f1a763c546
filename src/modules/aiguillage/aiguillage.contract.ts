import { texteLibre, z } from '../../shared/zod.js';

// ── Vocabulary of ROUTING.md ───────────────────────────────────────────────

/** The five kinds of CEP operators, with the codes of ROUTING.md (also annuaire_reseau.operateur_cep). */
export const OPERATEURS = ['france_travail', 'apec', 'mission_locale', 'cap_emploi', 'operateur_cep_regional'] as const;
export type TypeOperateur = (typeof OPERATEURS)[number];

export const SITUATIONS = ['demandeur_emploi', 'salarie_prive', 'salarie_public', 'independant', 'eleve_etudiant', 'autre'] as const;
export type Situation = (typeof SITUATIONS)[number];

/** National levels of qualification (3 CAP/BEP, 4 bac, 5 bac+2, 6 bac+3/4, 7 bac+5, 8 doctorate). */
export const NIVEAU_DIPLOME_MIN = 1;
export const NIVEAU_DIPLOME_MAX = 8;

const codeCommune = z
  .string({ message: 'code INSEE de commune attendu (5 caractères, par exemple 33063)' })
  .regex(/^(\d{5}|2[AB]\d{3})$/, 'code INSEE de commune attendu (5 caractères, par exemple 33063)');
const codeRegion = z.string({ message: 'code de région attendu' }).regex(/^\d{2}$/, 'code de région attendu (2 chiffres, par exemple 75)');
const uuid = (quoi: string) => z.uuid({ message: `identifiant ${quoi} invalide (UUID attendu)` });
const booleen = (libelle: string) => z.boolean({ message: `${libelle} : true ou false attendu` });

// ── The profile ────────────────────────────────────────────────────────────

/** The facts the rules read: nothing more is asked of the person (GDPR minimisation). */
const faits = {
  situation: z.enum(SITUATIONS, { message: `situation attendue : ${SITUATIONS.join(', ')}` }),
  cadre: booleen('cadre'),
  niveau_diplome: z
    .number({ message: `niveau de diplôme attendu : un nombre de ${NIVEAU_DIPLOME_MIN} à ${NIVEAU_DIPLOME_MAX}` })
    .int(`niveau de diplôme attendu : un nombre entier de ${NIVEAU_DIPLOME_MIN} à ${NIVEAU_DIPLOME_MAX}`)
    .min(NIVEAU_DIPLOME_MIN, `niveau de diplôme attendu : de ${NIVEAU_DIPLOME_MIN} à ${NIVEAU_DIPLOME_MAX}`)
    .max(NIVEAU_DIPLOME_MAX, `niveau de diplôme attendu : de ${NIVEAU_DIPLOME_MIN} à ${NIVEAU_DIPLOME_MAX}`),
  handicap_reconnu: booleen('handicap_reconnu'),
  emploi_menace_sante: booleen('emploi_menace_sante'),
};

const age = z
  .number({ message: 'âge attendu : un nombre d’années' })
  .int('âge attendu : un nombre entier d’années')
  .min(0, 'âge attendu : un nombre positif')
  .max(120, 'âge attendu : 120 ans au plus');

/** What the public route receives: the date of birth or the age (one of them), and the commune. */
export const profilSchema = z
  .strictObject({
    date_naissance: z.iso.date({ message: 'date de naissance attendue au format AAAA-MM-JJ' }).optional(),
    age: age.optional(),
    ...faits,
    commune: codeCommune,
  })
  .superRefine((profil, ctx) => {
    if (profil.date_naissance !== undefined && profil.age !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['age'], message: 'indiquez la date de naissance ou l’âge, pas les deux' });
    } else if (profil.date_naissance === undefined && profil.age === undefined) {
      ctx.addIssue({ code: 'custom', path: ['date_naissance'], message: 'indiquez la date de naissance ou l’âge' });
    }
  });
export type Profil = z.infer<typeof profilSchema>;

/** The facts once the age is known: what a rule set is evaluated on. */
export const faitsSchema = z.strictObject({ age, ...faits });
export type Faits = z.infer<typeof faitsSchema>;

// ── The rule language ──────────────────────────────────────────────────────

export const FAITS_NOMBRE = ['age', 'niveau_diplome'] as const;
export const FAITS_BOOLEEN = ['cadre', 'handicap_reconnu', 'emploi_menace_sante'] as const;
/** Known once the operators are decided: other orientations may depend on it, rules may not. */
export const FAIT_OPERATEURS_COMPETENTS = 'operateurs_competents';

type FaitNombre = (typeof FAITS_NOMBRE)[number] | typeof FAIT_OPERATEURS_COMPETENTS;
type FaitBooleen = (typeof FAITS_BOOLEEN)[number];

/**
 * A condition on the facts, as JSON: `{ "tous": [...] }` (all), `{ "un_de": [...] }` (any),
 * `{ "non": ... }`, `{ "fait": "age", "entre": [16, 25] }` (bounds included), `{ "fait": "age",
 * "au_moins": 26 }`, `{ "fait": "situation", "dans": [...] }`, `{ "fait": "cadre", "egal": true }`.
 */
export type Condition =
  | { tous: Condition[] }
  | { un_de: Condition[] }
  | { non: Condition }
  | { fait: FaitNombre; entre?: [number, number]; au_moins?: number; au_plus?: number }
  | { fait: 'situation'; dans: Situation[] }
  | { fait: FaitBooleen; egal: boolean };

const entier = z.number({ message: 'nombre entier attendu' }).int('nombre entier attendu');

function conditionNombre(fait: FaitNombre) {
  return z
    .strictObject({
      fait: z.literal(fait),
      entre: z
        .tuple([entier, entier], { message: 'entre : deux bornes attendues, par exemple [16, 25]' })
        .refine(([min, max]) => min <= max, 'entre : la première borne doit être inférieure ou égale à la seconde')
        .optional(),
      au_moins: entier.optional(),
      au_plus: entier.optional(),
    })
    .refine((c) => [c.entre, c.au_moins, c.au_plus].filter((v) => v !== undefined).length === 1, {
      message: `${fait} : indiquez une seule comparaison parmi entre, au_moins et au_plus`,
    });
}

const FORMES = '{ "tous": [...] }, { "un_de": [...] }, { "non": ... } ou { "fait": ..., ... }';

/** The condition schema; `faitsPermis` says which facts a condition may read where it stands. */
function conditionSchema(faitsPermis: readonly string[]): z.ZodType<Condition> {
  const feuilles: Record<string, z.ZodType> = {
    age: conditionNombre('age'),
    niveau_diplome: conditionNombre('niveau_diplome'),
    [FAIT_OPERATEURS_COMPETENTS]: conditionNombre(FAIT_OPERATEURS_COMPETENTS),
    situation: z.strictObject({
      fait: z.literal('situation'),
      dans: z.array(z.enum(SITUATIONS, { message: `situation inconnue : choisissez parmi ${SITUATIONS.join(', ')}` })).min(1, 'dans : au moins une situation'),
    }),
    ...Object.fromEntries(FAITS_BOOLEEN.map((f) => [f, z.strictObject({ fait: z.literal(f), egal: booleen('egal') })])),
  };
  const condition: z.ZodType<Condition> = z.lazy(() =>
    // The branch is chosen by the condition's key, so that an error names the faulty part
    // instead of listing why every other form does not match either.
    z.unknown().transform((valeur, ctx) => {
      const branche = brancheDe(valeur);
      if ('erreur' in branche) {
        ctx.addIssue({ code: 'custom', message: branche.erreur, path: branche.chemin });
        return z.NEVER;
      }
      const resultat = branche.schema.safeParse(valeur);
      if (!resultat.success) {
        for (const issue of resultat.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
        return z.NEVER;
      }
      return resultat.data as Condition;
    }),
  );
  const liste = z.array(condition).min(1, 'au moins une condition');
  const composees: Record<string, z.ZodType> = {
    tous: z.strictObject({ tous: liste }),
    un_de: z.strictObject({ un_de: liste }),
    non: z.strictObject({ non: condition }),
  };
  function brancheDe(valeur: unknown): { schema: z.ZodType } | { erreur: string; chemin: string[] } {
    if (typeof valeur !== 'object' || valeur === null || Array.isArray(valeur)) return { erreur: `condition attendue : ${FORMES}`, chemin: [] };
    const cle = Object.keys(composees).find((k) => k in valeur);
    if (cle) return { schema: composees[cle]! };
    if (!('fait' in valeur)) return { erreur: `condition attendue : ${FORMES}`, chemin: [] };
    const fait = (valeur as { fait: unknown }).fait;
    if (typeof fait === 'string' && faitsPermis.includes(fait)) return { schema: feuilles[fait]! };
    return { erreur: `fait inconnu ici : choisissez parmi ${faitsPermis.join(', ')}`, chemin: ['fait'] };
  }
  // Bounded before it is read: a condition nested thousands of times would exhaust the stack.
  return z
    .unknown()
    .superRefine((valeur, ctx) => {
      if (profondeur(valeur) > PROFONDEUR_MAX)
        ctx.addIssue({ code: 'custom', message: `condition trop imbriquée : ${PROFONDEUR_MAX} niveaux de JSON au plus` });
    })
    .pipe(condition) as unknown as z.ZodType<Condition>;
}

// JSON levels: « tous » of « non » of a leaf is 5 levels; rule sets need far fewer than this.
const PROFONDEUR_MAX = 24;

/** How deeply a JSON value nests, counted without recursion, up to just past the bound. */
function profondeur(valeur: unknown): number {
  let max = 0;
  const pile: [unknown, number][] = [[valeur, 1]];
  while (pile.length > 0 && max <= PROFONDEUR_MAX) {
    const [v, niveau] = pile.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    max = Math.max(max, niveau);
    for (const enfant of Object.values(v)) pile.push([enfant, niveau + 1]);
  }
  return max;
}

const texte = (libelle: string, max: number) =>
  texteLibre(libelle, `${libelle} : texte attendu`).trim().min(1, `${libelle} : ce champ est obligatoire`).max(max, `${libelle} : ${max} caractères au plus`);

/** Placeholders a reason may hold: the fact is then quoted in the sentence ("Vous avez {age} ans"). */
export const VARIABLES_RAISON = ['age'] as const;

const raison = texte('raison', 400).superRefine((phrase, ctx) => {
  for (const [, nom] of phrase.matchAll(/\{([^}]*)\}/g)) {
    if (!(VARIABLES_RAISON as readonly string[]).includes(nom!)) {
      ctx.addIssue({
        code: 'custom',
        message: `raison : variable {${nom}} inconnue (variables possibles : ${VARIABLES_RAISON.map((v) => `{${v}}`).join(', ')})`,
      });
    }
  }
});

const identifiant = (libelle: string) =>
  z.string({ message: `${libelle} attendu` }).regex(/^[a-z0-9_.-]{2,80}$/, `${libelle} : lettres minuscules, chiffres, « _ », « . » ou « - » (2 à 80)`);

const operateur = z.enum(OPERATEURS, { message: `opérateur attendu : ${OPERATEURS.join(', ')}` });

export const canalDistanceSchema = z.strictObject({
  type: z.enum(['telephone', 'en_ligne', 'visio', 'courriel'], { message: 'type de canal attendu : telephone, en_ligne, visio ou courriel' }),
  libelle: texte('libellé du canal', 120),
  /** A phone number as dialled, a web address or an e-mail address. */
  valeur: texte('valeur du canal', 300),
  precision: texte('précision du canal', 300).nullable(),
});
export type CanalDistance = z.infer<typeof canalDistanceSchema>;

const descriptionOperateur = z.strictObject({
  libelle: texte('libellé de l’opérateur', 120),
  canaux_distance: z.array(canalDistanceSchema).max(10, 'au plus 10 canaux'),
  a_apporter: z.array(texte('document à apporter', 200)).max(12, 'au plus 12 documents à apporter'),
});

const regleSchema = z.strictObject({
  id: identifiant('identifiant de règle'),
  operateur,
  condition: conditionSchema([...FAITS_NOMBRE, 'situation', ...FAITS_BOOLEEN]),
  raison,
  /** The legal text the rule comes from (ROUTING.md). */
  source: texte('source', 300),
});

const prioriteSchema = z
  .strictObject({
    situation: z.enum(SITUATIONS, { message: `situation attendue : ${SITUATIONS.join(', ')}` }),
    ordre: z.array(z.strictObject({ operateur, raison: texte('raison de la recommandation', 400) })),
  })
  .superRefine((priorite, ctx) => {
    const presents = priorite.ordre.map((o) => o.operateur);
    const manquants = OPERATEURS.filter((o) => !presents.includes(o));
    const doubles = presents.filter((o, i) => presents.indexOf(o) !== i);
    // Every operator in the order: whoever is competent, one of them is recommended.
    if (manquants.length || doubles.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['ordre'],
        message: `ordre : chaque opérateur une fois${manquants.length ? ` (manquants : ${manquants.join(', ')})` : ''}${doubles.length ? ` (en double : ${doubles.join(', ')})` : ''}`,
      });
    }
  });

const autreOrientationSchema = z.strictObject({
  code: identifiant('code d’orientation'),
  libelle: texte('libellé de l’orientation', 120),
  raison,
  condition: conditionSchema([...FAITS_NOMBRE, FAIT_OPERATEURS_COMPETENTS, 'situation', ...FAITS_BOOLEEN]),
  source: texte('source', 300).nullable(),
  /** Networks of the directory (annuaire_reseau.code) whose nearest places are shown with it. */
  reseaux_annuaire: z.array(identifiant('code de réseau')).max(5, 'au plus 5 réseaux'),
});

function uniques<T>(liste: T[], cle: (t: T) => string, ctx: z.RefinementCtx, chemin: string, libelle: string) {
  liste.forEach((t, i) => {
    if (liste.findIndex((u) => cle(u) === cle(t)) !== i) ctx.addIssue({ code: 'custom', path: [chemin, i], message: `${libelle} « ${cle(t)} » en double` });
  });
}

/** A rule set: the operators' descriptions, the rules, the recommendation order, the other orientations. */
export const contenuReglesSchema = z
  .strictObject({
    description: texte('description', 2000),
    operateurs: z.strictObject(Object.fromEntries(OPERATEURS.map((o) => [o, descriptionOperateur])) as Record<TypeOperateur, typeof descriptionOperateur>),
    regles: z.array(regleSchema).min(1, 'au moins une règle').max(200, 'au plus 200 règles'),
    recommandation: z.array(prioriteSchema),
    autres_orientations: z.array(autreOrientationSchema).max(30, 'au plus 30 autres orientations'),
  })
  .superRefine((contenu, ctx) => {
    uniques(contenu.regles, (r) => r.id, ctx, 'regles', 'règle');
    uniques(contenu.autres_orientations, (o) => o.code, ctx, 'autres_orientations', 'orientation');
    uniques(contenu.recommandation, (p) => p.situation, ctx, 'recommandation', 'situation');
    const manquantes = SITUATIONS.filter((s) => !contenu.recommandation.some((p) => p.situation === s));
    if (manquantes.length)
      ctx.addIssue({ code: 'custom', path: ['recommandation'], message: `recommandation : situations manquantes : ${manquantes.join(', ')}` });
  });
export type ContenuRegles = z.infer<typeof contenuReglesSchema>;

/** The metadata of a version, as in the national file and in an upload. */
const enteteVersion = {
  version: z
    .string({ message: 'version attendue' })
    .trim()
    .regex(/^[A-Za-z0-9._-]{1,60}$/, 'version : lettres, chiffres, « . », « _ » ou « - » (60 au plus), par exemple 2026-2'),
  date_effet: z.iso.date({ message: 'date d’effet attendue au format AAAA-MM-JJ' }),
};

/** data/aiguillage/regles-nationales.json */
export const fichierReglesSchema = z.strictObject({ ...enteteVersion, auteur: texte('auteur', 200), contenu: contenuReglesSchema });

// ── The public answer ──────────────────────────────────────────────────────

/** Why an operator or orientation is given: the rule (or orientation) id, the sentence, its legal source. */
const raisonSchema = z.object({ regle: z.string(), texte: z.string(), source: z.string().nullable() });

export const siteProcheSchema = z.object({
  id: z.string(),
  nom: z.string(),
  structure: z.object({ id: z.string(), nom: z.string() }),
  adresse: z.string().nullable(),
  code_postal: z.string().nullable(),
  commune: z.object({ code: z.string(), nom: z.string() }).nullable(),
  latitude: z.number(),
  longitude: z.number(),
  position_approximative: z.boolean(),
  distance_km: z.number(),
  canaux: z.array(z.string()),
  telephone: z.string().nullable(),
  courriel: z.string().nullable(),
  site_web: z.string().nullable(),
  prise_rdv: z.string().nullable(),
  horaires: z.array(z.object({ jours: z.array(z.number()), plages: z.array(z.object({ debut: z.string(), fin: z.string() })) })).nullable(),
  horaires_texte: z.string().nullable(),
  /** null when the opening hours are not known in a structured form. */
  ouvert_maintenant: z.boolean().nullable(),
  accessibilite: z.string().nullable(),
  demonstration: z.boolean(),
  date_donnees: z.string(),
});
export type SiteProche = z.infer<typeof siteProcheSchema>;

export const reponseAiguillageSchema = z.object({
  operateurs: z.array(
    z.object({
      type: z.enum(OPERATEURS),
      libelle: z.string(),
      raisons: z.array(raisonSchema),
      recommande: z.boolean(),
      /** Why this one fits best; null on the others. */
      raison_recommandation: z.string().nullable(),
      canaux_distance: z.array(canalDistanceSchema),
      a_apporter: z.array(z.string()),
      sites: z.array(siteProcheSchema),
    }),
  ),
  autres_orientations: z.array(z.object({ code: z.string(), libelle: z.string(), raisons: z.array(raisonSchema), sites: z.array(siteProcheSchema) })),
  version_regles: z.string(),
  regles: z.object({ id: z.string(), region_code: z.string().nullable(), date_effet: z.string() }),
  commune: z.object({ code: z.string(), nom: z.string(), region_code: z.string() }),
});
export type ReponseAiguillage = z.infer<typeof reponseAiguillageSchema>;

// ── Rule sets, for coordinators ────────────────────────────────────────────

export const listeReglesQuery = z.strictObject({ region: codeRegion });
export const reglesParams = z.strictObject({ id: uuid('de jeu de règles') });
export const comparaisonQuery = z.strictObject({ de: uuid('de jeu de règles'), a: uuid('de jeu de règles') });

export const creationRegles = z.strictObject({
  /** null: a national version (administrators only). */
  region_code: codeRegion.nullable(),
  ...enteteVersion,
  contenu: contenuReglesSchema,
});
export type CreationRegles = z.infer<typeof creationRegles>;

export const versionReglesSchema = z.object({
  id: z.string(),
  region_code: z.string().nullable(),
  version: z.string(),
  date_effet: z.string(),
  auteur: z.string(),
  statut: z.enum(['brouillon', 'publie']),
  cree_le: z.string(),
  publie_le: z.string().nullable(),
  empreinte: z.string(),
  /** The version that answers today for this perimeter. */
  en_vigueur: z.boolean(),
});
export type VersionRegles = z.infer<typeof versionReglesSchema>;

export const listeReglesReponse = z.object({ region_code: z.string(), versions: z.array(versionReglesSchema) });
// The content goes out as stored (it was validated on the way in): the input schema's condition
// parser is one-way and cannot serialise an answer.
export const detailReglesSchema = versionReglesSchema.extend({
  contenu: z.custom<ContenuRegles>((v) => typeof v === 'object' && v !== null).meta({ description: 'Le jeu de règles, au format du dépôt' }),
});

const decisionSchema = z.object({
  operateurs: z.array(z.enum(OPERATEURS)),
  recommande: z.enum(OPERATEURS).nullable(),
  autres_orientations: z.array(z.string()),
});
export type DecisionResumee = z.infer<typeof decisionSchema>;

/** data/aiguillage/profils-de-test.json: profiles with the answer the national rules must give. */
export const profilDeTestSchema = z.strictObject({
  id: identifiant('identifiant de profil'),
  description: texte('description', 300),
  faits: faitsSchema,
  attendu: z.strictObject({
    operateurs: z.array(operateur),
    recommande: operateur.nullable(),
    autres_orientations: z.array(identifiant('code d’orientation')),
  }),
});
export const profilsDeTestFichier = z.array(profilDeTestSchema).min(1);
export type ProfilDeTest = z.infer<typeof profilDeTestSchema>;

export const essaiReponse = z.object({
  regles: versionReglesSchema,
  reussis: z.number().int(),
  echoues: z.number().int(),
  profils: z.array(
    z.object({
      id: z.string(),
      description: z.string(),
      faits: faitsSchema,
      attendu: decisionSchema,
      obtenu: decisionSchema,
      reussi: z.boolean(),
    }),
  ),
});

export const comparaisonReponse = z.object({
  de: versionReglesSchema,
  a: versionReglesSchema,
  differences: z.number().int(),
  profils: z.array(z.object({ id: z.string(), description: z.string(), faits: faitsSchema, de: decisionSchema, a: decisionSchema, identique: z.boolean() })),
});
