import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpsOuverture } from '../factories/dossier.js';
import { type AppDeTest, creerAppDeTest } from '../harness/app.js';
import { type CleActeur, type MondeDeTest, creerActeurs } from '../harness/acteurs.js';
import { ENV_BALAYAGE, cleRoute, empreinteBase, routesBalayees, urlDe } from './balayage.js';
import { SCENARIOS_OBJETS } from './objets.js';
import { textesNonGardes } from './textes.js';

let t: AppDeTest;
let monde: MondeDeTest;
beforeAll(async () => {
  t = await creerAppDeTest(ENV_BALAYAGE);
  monde = await creerActeurs(t);
});
afterAll(async () => {
  await t?.close();
});

describe('un texte que la base ne peut pas enregistrer', () => {
  it('n’entre par aucun champ de corps, de requête ou d’adresse d’aucune route déclarée', () => {
    const routes = routesBalayees(t.app.routesDeclarees);
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.flatMap(textesNonGardes)).toEqual([]);
  });
});

/** NUL, a lone high surrogate, a lone low surrogate: what PostgreSQL or RFC 8785 refuses. */
const CARACTERES = ['\u0000', '\uD800', '\uDFFF'];

interface Appel {
  parametres: Record<string, string>;
  corps: Record<string, unknown>;
}

interface CasDeSaisie {
  route: string;
  acteur: CleActeur;
  /** Path of the field in the body, as the 400 answer names it. */
  champ: string;
  preparer(): Promise<Appel>;
}

/** A copy of the body with the field at the dotted path set to the value. */
function avec(corps: Record<string, unknown>, chemin: string, valeur: string): Record<string, unknown> {
  const copie = structuredClone(corps);
  const cles = chemin.split('.');
  let noeud = copie as Record<string, unknown>;
  for (const cle of cles.slice(0, -1)) noeud = noeud[cle] as Record<string, unknown>;
  noeud[cles.at(-1)!] = valeur;
  return copie;
}

/** The call of a route of test/security/objets.ts on a record of structure A, with its valid body. */
const duScenario = (route: string) => async (): Promise<Appel> => {
  const scenario = SCENARIOS_OBJETS.find((s) => s.route === route);
  if (!scenario) throw new Error(`${route} n’a pas de scénario dans test/security/objets.ts`);
  const { parametres, corps } = await scenario.preparer({ monde, t, structureId: monde.structureA });
  return { parametres, corps: (corps ?? {}) as Record<string, unknown> };
};

const sur = (route: string, acteur: CleActeur, champs: string[], preparer: () => Promise<Appel>): CasDeSaisie[] =>
  champs.map((champ) => ({ route, acteur, champ, preparer }));

const ouverture = async (): Promise<Appel> => ({
  parametres: {},
  corps: {
    ...corpsOuverture({ structureId: monde.structureA, sensible: { note: 'Reconnaissance en cours' } }),
    choix: { operateur: 'france_travail', site_id: null, note: 'Rappeler lundi' },
  },
});

const CAS: CasDeSaisie[] = [
  ...sur('PATCH /api/v1/gestion/structures/:id', 'responsableA', ['nom', 'description'], duScenario('PATCH /api/v1/gestion/structures/:id')),
  ...sur(
    'POST /api/v1/gestion/structures/:id/sites',
    'responsableA',
    ['nom', 'adresse', 'accessibilite', 'prise_rdv'],
    duScenario('POST /api/v1/gestion/structures/:id/sites'),
  ),
  ...sur('PATCH /api/v1/gestion/structures/:id/sites/:objetId', 'responsableA', ['nom'], duScenario('PATCH /api/v1/gestion/structures/:id/sites/:objetId')),
  ...sur(
    'POST /api/v1/gestion/structures/:id/services',
    'responsableA',
    ['nom', 'description', 'publics_precisions', 'conditions_acces', 'frais_precisions', 'mobilisation_precisions'],
    duScenario('POST /api/v1/gestion/structures/:id/services'),
  ),
  ...sur(
    'PATCH /api/v1/gestion/structures/:id/services/:objetId',
    'responsableA',
    ['description'],
    duScenario('PATCH /api/v1/gestion/structures/:id/services/:objetId'),
  ),
  ...sur('POST /api/v1/gestion/structures/:id/contacts', 'responsableA', ['nom', 'fonction'], duScenario('POST /api/v1/gestion/structures/:id/contacts')),
  ...sur(
    'PATCH /api/v1/gestion/structures/:id/contacts/:objetId',
    'responsableA',
    ['nom'],
    duScenario('PATCH /api/v1/gestion/structures/:id/contacts/:objetId'),
  ),
  ...sur(
    'POST /api/v1/dossiers',
    'conseillerA',
    ['personne.prenom', 'personne.nom', 'note_sensible', 'consentements.0.finalite_precision', 'choix.note'],
    ouverture,
  ),
  ...sur('POST /api/v1/dossiers/:id/consentements', 'conseillerA', ['finalite_precision'], duScenario('POST /api/v1/dossiers/:id/consentements')),
  ...sur('POST /api/v1/consentements/:id/revocation', 'conseillerA', ['motif'], duScenario('POST /api/v1/consentements/:id/revocation')),
  ...sur('POST /api/v1/signalements', 'anonyme', ['message'], async () => ({
    parametres: {},
    corps: { structure_id: monde.structureA, objet: { type: 'structure', id: monde.structureA }, message: 'Le numéro de téléphone a changé.' },
  })),
  ...sur('POST /api/v1/invitations/:jeton/acceptation', 'anonyme', ['prenom', 'nom'], async () => ({
    parametres: { jeton: randomBytes(32).toString('base64url') },
    corps: { prenom: 'Camille', nom: 'Durand', mot_de_passe: 'une phrase de passe longue et rare' },
  })),
];

describe('un caractère nul ou une demi-paire UTF-16 dans un champ de texte', () => {
  it(`est refusé en 400 validation nommant le champ, sans rien écrire, sur ${CAS.length} champs de saisie et par ${CARACTERES.length} caractères`, async () => {
    const routes = t.app.routesDeclarees;
    const appels = await Promise.all(
      CAS.map(async (cas) => {
        const route = routes.find((r) => cleRoute(r) === cas.route);
        if (!route) throw new Error(`${cas.route} n’est plus déclarée`);
        return { cas, route, appel: await cas.preparer() };
      }),
    );
    const avant = await empreinteBase(t.database.db);
    const ecarts: string[] = [];
    for (const { cas, route, appel } of appels) {
      const acteur = monde.acteurs[cas.acteur];
      for (const caractere of CARACTERES) {
        const res = await acteur.client.requete({
          method: route.method as 'POST',
          url: urlDe(route, appel.parametres),
          payload: avec(appel.corps, cas.champ, `Texte saisi${caractere} pour ce champ`),
        });
        const corps = res.json<{ erreur?: { code?: string; champs?: { chemin: string; message: string }[] } }>();
        const champs = corps.erreur?.champs ?? [];
        if (
          res.statusCode !== 400 ||
          corps.erreur?.code !== 'validation' ||
          champs.length !== 1 ||
          champs[0]?.chemin !== cas.champ ||
          !/caractère invisible .* retapez ce texte au lieu de le copier/.test(champs[0]?.message ?? '')
        ) {
          ecarts.push(`${cas.route} ${cas.champ} ${JSON.stringify(caractere)} → ${res.statusCode} ${res.body.slice(0, 300)}`);
        }
      }
    }
    expect(ecarts).toEqual([]);
    expect(await empreinteBase(t.database.db)).toEqual(avant);
  });

  it('est remplacé par une espace dans une recherche, qui répond comme sans lui', async () => {
    const admin = monde.acteurs.admin.client;
    for (const [url, mot] of [
      ['/api/v1/gestion/structures', 'mission'],
      ['/api/v1/services', 'emploi'],
    ] as const) {
      const sansCaractere = await admin.requete({ method: 'GET', url, query: { q: `${mot} ` } });
      expect(sansCaractere.statusCode).toBe(200);
      expect(sansCaractere.json<{ pagination: { total: number } }>().pagination.total, `${url} : la recherche de référence trouve des fiches`).toBeGreaterThan(
        0,
      );
      const avecNul = await admin.requete({ method: 'GET', url, query: { q: `${mot}\u0000` } });
      expect(avecNul.statusCode, `${url} ${avecNul.body.slice(0, 200)}`).toBe(200);
      expect(avecNul.json()).toEqual(sansCaractere.json());
    }
    const seulNul = await admin.requete({ method: 'GET', url: '/api/v1/gestion/structures?q=%00' });
    expect(seulNul.statusCode).toBe(200);
  });
});
