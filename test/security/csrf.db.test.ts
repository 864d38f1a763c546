import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDeTest, creerAppDeTest } from '../harness/app.js';
import { CLES_ACTEURS, type MondeDeTest, creerActeurs } from '../harness/acteurs.js';
import { ENV_BALAYAGE, acteurQuiFranchit, appeler, cleRoute, codeErreur, ecrit, empreinteBase, resume, routesBalayees } from './balayage.js';

// S12: every state-changing route refuses a request without the CSRF token, with another
// browser's token, or coming from another site, and such a request changes nothing.

let t: AppDeTest;
let monde: MondeDeTest;

beforeAll(async () => {
  t = await creerAppDeTest(ENV_BALAYAGE);
  monde = await creerActeurs(t);
});
afterAll(async () => t?.close());

const routesQuiEcrivent = () => routesBalayees(t.app.routesDeclarees).filter((r) => ecrit(r) && !r.access.sansJetonCsrf);
const acteurs = () => CLES_ACTEURS.map((c) => monde.acteurs[c]);

// Requests as a browser would send them from the service's own page, and from elsewhere.
const MEME_SITE = { host: 'trajectoires.exemple.fr', origin: 'https://trajectoires.exemple.fr' };
const AUTRE_SITE = { host: 'trajectoires.exemple.fr', origin: 'https://malveillant.exemple' };

describe('S12 : protection contre la falsification de requêtes (CSRF)', () => {
  it('le balayage trouve des routes qui modifient', () => {
    expect(routesQuiEcrivent().length).toBeGreaterThan(0);
  });

  it('toute route qui modifie refuse en 403 la requête sans jeton, avec le jeton d’un autre navigateur ou venue d’un autre site, et rien ne change en base', async () => {
    const ecarts: string[] = [];
    const autreNavigateur = monde.acteurs.autrePersonne.client.jetonCsrf!;
    for (const acteur of acteurs()) await acteur.rouvrirSession();
    const avant = await empreinteBase(t.database.db);

    for (const route of routesQuiEcrivent()) {
      const acteur = acteurQuiFranchit(acteurs(), route);
      const essais: { cas: string; options: Parameters<typeof appeler>[2]; code: string }[] = [
        { cas: 'sans jeton', options: { sansCsrf: true, entetes: MEME_SITE }, code: 'securite.jeton_csrf' },
        { cas: 'jeton d’un autre navigateur', options: { entetes: { ...MEME_SITE, 'x-csrf-token': autreNavigateur } }, code: 'securite.jeton_csrf' },
        { cas: 'origine d’un autre site', options: { entetes: AUTRE_SITE }, code: 'securite.origine_refusee' },
        { cas: 'Sec-Fetch-Site cross-site', options: { entetes: { 'sec-fetch-site': 'cross-site' } }, code: 'securite.origine_refusee' },
        { cas: 'origine opaque (null)', options: { entetes: { ...MEME_SITE, origin: 'null' } }, code: 'securite.origine_refusee' },
      ];
      for (const { cas, options, code } of essais) {
        const reponse = await appeler(acteur, route, options);
        if (reponse.statusCode !== 403 || codeErreur(reponse) !== code) {
          ecarts.push(`${cleRoute(route)} par ${acteur.cle}, ${cas} : attendu 403 ${code}, réponse ${resume(reponse)}`);
        }
      }
    }

    expect(ecarts).toEqual([]);
    expect(await empreinteBase(t.database.db)).toEqual(avant);
  }, 600_000);

  it('la même requête, avec le jeton et depuis le site même, passe la vérification CSRF', async () => {
    const refusees: string[] = [];
    for (const route of routesQuiEcrivent()) {
      const acteur = acteurQuiFranchit(acteurs(), route);
      await acteur.rouvrirSession();
      const reponse = await appeler(acteur, route, { entetes: MEME_SITE });
      if (codeErreur(reponse)?.startsWith('securite.')) refusees.push(`${cleRoute(route)} par ${acteur.cle} : ${resume(reponse)}`);
    }
    expect(refusees).toEqual([]);
  }, 600_000);
});
