import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { evenement } from '../../src/modules/audit/audit.tables.js';
import * as access from '../../src/server/access.js';
import { buildApp } from '../../src/server/app.js';
import { type AppDeTest, creerAppDeTest } from '../harness/app.js';
import { casDeCeMoteur } from '../harness/base.js';
import { type ServeurSmtp, demarrerServeurSmtp } from '../harness/smtp.js';
import { type ActeurDeTest, CLES_ACTEURS, type CleActeur, type MondeDeTest, creerActeurs } from '../harness/acteurs.js';
import {
  ENV_BALAYAGE,
  type Proprietaire,
  appeler,
  appelerSurObjet as appelerSur,
  cleRoute,
  codeErreur,
  decisionPorte,
  ecrit,
  estRefusDeLaPorte,
  nomsParametres,
  reponseComparable,
  resume,
  routeDuScenario,
  routesBalayees,
  statutModele,
} from './balayage.js';
import { CHEMIN_DOC, COMMANDE_REGENERATION, SECTIONS, blocDuDocument, sectionsGenerees, usagesSysteme } from './documentation.js';
import { SANS_OBJET, SCENARIOS_OBJETS, type ScenarioObjet } from './objets.js';

let t: AppDeTest;
let monde: MondeDeTest;
let smtp: ServeurSmtp;

beforeAll(async () => {
  // Invitations of the object scenarios go out by mail.
  smtp = await demarrerServeurSmtp();
  t = await creerAppDeTest({ ...ENV_BALAYAGE, SMTP_URL: smtp.url });
  monde = await creerActeurs(t);
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

const routes = () => routesBalayees(t.app.routesDeclarees);
const acteurs = () => CLES_ACTEURS.map((c) => monde.acteurs[c]);

async function evenementsAudit(): Promise<number> {
  const [ligne] = await t.database.db.select({ n: count() }).from(evenement);
  return ligne?.n ?? 0;
}

describe('S1 : refus par défaut, pour chaque route et chaque acteur', () => {
  it('une route qui ne déclare pas son accès empêche l’application de démarrer', async () => {
    const app = await buildApp({ config: t.config, database: t.database, logger: false });
    try {
      expect(() => app.get('/api/v1/route-oubliee', async () => ({}))).toThrow(/ne déclare pas d’accès/);
    } finally {
      await app.close();
    }
  });

  it('docs/securite.md montre les rôles, la matrice des routes et les accès privilégiés tels que le code les définit', () => {
    const document = readFileSync(CHEMIN_DOC, 'utf8');
    const attendues = sectionsGenerees(t.app.routesDeclarees);
    for (const section of SECTIONS) {
      expect(
        blocDuDocument(document, section),
        `docs/securite.md (partie « ${section} ») ne suit plus le code : lancez \`${COMMANDE_REGENERATION}\` ` +
          '(ou `npx tsx scripts/securite/matrice.ts`), puis relisez la différence comme un changement de droits.',
      ).toBe(attendues[section]);
    }
  });

  it('chaque usage de l’acteur système porte un motif écrit en clair', () => {
    expect(usagesSysteme().filter((u) => u.motif === null || u.motif.trim() === '')).toEqual([]);
  });

  it('le balayage couvre des routes publiques et des routes réservées aux comptes connectés', () => {
    const acces = routes().map((r) => r.access);
    expect(acces.some((a) => 'public' in a)).toBe(true);
    expect(acces.some((a) => !('public' in a))).toBe(true);
  });

  it('chaque acteur reçoit de la porte d’entrée le statut que prévoient la déclaration de la route et le tableau des rôles', async () => {
    // The gate itself is watched: "passes" means it ran and let the request through, not merely
    // that the answer looks like something else than a refusal.
    const porte = vi.spyOn(access, 'verifierAcces');
    const ecarts: string[] = [];
    try {
      for (const route of routes()) {
        for (const acteur of acteurs()) {
          await acteur.rouvrirSession();
          const attendu = decisionPorte(route.access, acteur);
          const auditAvant = attendu.franchie ? 0 : await evenementsAudit();
          porte.mockClear();
          const reponse = await appeler(acteur, route);
          const passee = porte.mock.results.length === 1 && porte.mock.results[0]!.type === 'return';
          const appel = `${cleRoute(route)} par ${acteur.cle}`;
          if (attendu.franchie) {
            if (!passee || estRefusDeLaPorte(reponse)) ecarts.push(`${appel} : la porte devait laisser passer, réponse ${resume(reponse)}`);
            continue;
          }
          if (passee || reponse.statusCode !== attendu.statut || codeErreur(reponse) !== attendu.code) {
            ecarts.push(`${appel} : attendu ${attendu.statut} ${attendu.code}, réponse ${resume(reponse)}`);
          }
          // S16: a signed-in account refused at the gate leaves one trace; a signed-out visitor none.
          const traces = (await evenementsAudit()) - auditAvant;
          const tracesAttendues = acteur.type === 'anonyme' ? 0 : 1;
          if (traces !== tracesAttendues) ecarts.push(`${appel} : ${traces} événement(s) d’audit pour ce refus, ${tracesAttendues} attendu(s)`);
        }
      }
    } finally {
      porte.mockRestore();
    }
    expect(ecarts).toEqual([]);
  }, 900_000);
});

const modele = (scenario: ScenarioObjet, acteur: ActeurDeTest, proprietaire: Proprietaire) =>
  statutModele(routeDuScenario(routes(), scenario), scenario, acteur, proprietaire);
const appelerSurObjet = (scenario: ScenarioObjet, acteur: ActeurDeTest, proprietaire: Proprietaire) => appelerSur(t, monde, scenario, acteur, proprietaire);

describe('enregistrements rattachés à une structure (politiques des modules)', () => {
  it('chaque route à paramètre est décrite dans test/security/objets.ts, ou écartée avec sa raison', () => {
    const decrites = new Set([...SCENARIOS_OBJETS.map((s) => s.route), ...Object.keys(SANS_OBJET)]);
    const oubliees = routes()
      .filter((r) => nomsParametres(r.url).length > 0)
      .map(cleRoute)
      .filter((cle) => !decrites.has(cle));
    expect(
      oubliees,
      'Ajoutez ces routes à SCENARIOS_OBJETS (statut attendu par acteur) ou à SANS_OBJET (avec la raison) dans test/security/objets.ts.',
    ).toEqual([]);
    const declarees = new Set(routes().map(cleRoute));
    expect(
      [...decrites].filter((cle) => !declarees.has(cle)),
      'Ces routes décrites dans test/security/objets.ts ne sont plus déclarées.',
    ).toEqual([]);
  });

  it.runIf(SCENARIOS_OBJETS.length > 0)(
    'chaque acteur reçoit le statut prévu sur un enregistrement de la structure A',
    async () => {
      const ecarts: string[] = [];
      for (const scenario of SCENARIOS_OBJETS) {
        for (const acteur of acteurs()) {
          const reponse = await appelerSurObjet(scenario, acteur, 'A');
          const attendu = modele(scenario, acteur, 'A');
          if (reponse.statusCode !== attendu) ecarts.push(`${scenario.route} par ${acteur.cle} : attendu ${attendu}, réponse ${resume(reponse)}`);
        }
      }
      expect(ecarts).toEqual([]);
    },
    600_000,
  );

  it.runIf(SCENARIOS_OBJETS.length > 0)(
    'S16 : un refus de la politique sur un enregistrement existant écrit exactement un événement d’audit, une écriture réussie au moins un',
    async () => {
      const ecarts: string[] = [];
      for (const scenario of SCENARIOS_OBJETS) {
        const route = routeDuScenario(routes(), scenario);
        for (const acteur of acteurs().filter((a) => decisionPorte(route.access, a).franchie)) {
          const avant = await evenementsAudit();
          const reponse = await appelerSurObjet(scenario, acteur, 'A');
          const traces = (await evenementsAudit()) - avant;
          const appel = `${scenario.route} par ${acteur.cle} (${reponse.statusCode})`;
          if (reponse.statusCode === 404 && traces !== 1) ecarts.push(`${appel} : ${traces} événement(s) pour ce refus, 1 attendu`);
          if (ecrit(route) && reponse.statusCode < 300 && traces < 1) ecarts.push(`${appel} : écriture réussie sans événement d’audit`);
        }
      }
      expect(ecarts).toEqual([]);
    },
    600_000,
  );

  it.runIf(SCENARIOS_OBJETS.length > 0)(
    'S2 : l’enregistrement d’une autre structure répond exactement comme un identifiant inexistant',
    async () => {
      const ecarts: string[] = [];
      for (const scenario of SCENARIOS_OBJETS) {
        for (const acteur of acteurs().filter((a) => modele(scenario, a, 'A') === 404)) {
          const etranger = reponseComparable(await appelerSurObjet(scenario, acteur, 'A'));
          const inexistant = reponseComparable(await appelerSurObjet(scenario, acteur, null));
          if (JSON.stringify(etranger) !== JSON.stringify(inexistant)) {
            ecarts.push(`${scenario.route} par ${acteur.cle} : ${JSON.stringify(etranger)} ≠ ${JSON.stringify(inexistant)}`);
          }
        }
      }
      expect(ecarts).toEqual([]);
    },
    600_000,
  );

  it.runIf(SCENARIOS_OBJETS.length > 0)(
    'S3 : pour un acteur, un enregistrement et une action tirés au hasard, la réponse suit le modèle des politiques',
    async () => {
      const cas = fc
        .record({
          scenario: fc.constantFrom(...SCENARIOS_OBJETS),
          cle: fc.constantFrom<CleActeur>(...CLES_ACTEURS),
          proprietaire: fc.constantFrom<Proprietaire>('A', 'B', null),
        })
        .filter(({ scenario, cle, proprietaire }) => modele(scenario, monde.acteurs[cle], proprietaire) !== null);
      await fc.assert(
        fc.asyncProperty(cas, async ({ scenario, cle, proprietaire }) => {
          const reponse = await appelerSurObjet(scenario, monde.acteurs[cle], proprietaire);
          expect(reponse.statusCode, `${scenario.route} par ${cle} sur un enregistrement ${proprietaire ?? 'inexistant'}`).toBe(
            modele(scenario, monde.acteurs[cle], proprietaire),
          );
        }),
        casDeCeMoteur(Number(process.env.BOLA_RUNS ?? 1000), 20261124),
      );
    },
    600_000,
  );
});
