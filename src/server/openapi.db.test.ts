import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDeTest, creerAppDeTest } from '../../test/harness/app.js';
import type { Access, RouteDeclaree } from './access.js';

let t: AppDeTest;
beforeAll(async () => {
  t = await creerAppDeTest({ COOKIE_SECURISE: 'true' });
});
afterAll(async () => t?.close());

interface Operation {
  security?: Record<string, string[]>[];
  'x-acces'?: string;
  'x-permission'?: string;
  description?: string;
  tags?: string[];
}

const METHODES = ['get', 'put', 'post', 'delete', 'patch', 'options'] as const;

async function documentOpenApi() {
  const res = await t.app.inject({ url: '/api/openapi.json' });
  expect(res.statusCode).toBe(200);
  return res.json<{
    info: { description: string };
    tags: { name: string }[];
    components: { securitySchemes: Record<string, { type: string; in: string; name: string }> };
    paths: Record<string, Partial<Record<(typeof METHODES)[number], Operation>>>;
  }>();
}

const versOpenApi = (url: string) => url.replace(/:(\w+)/g, '{$1}');

/** What the declaration means, spelled out here independently of the code that writes the document. */
function attendu(route: RouteDeclaree): { session: boolean; csrf: boolean; acces: string; permission?: string } {
  const access: Access = route.access;
  const ecriture = !['GET', 'HEAD', 'OPTIONS'].includes(route.method);
  const csrf = ecriture && !access.sansJetonCsrf;
  if ('public' in access) return { session: false, csrf, acces: 'public' };
  if ('connecte' in access) return { session: true, csrf, acces: 'connecte' };
  return { session: true, csrf, acces: 'permission', permission: access.permission };
}

describe('document OpenAPI : ce qui est privé', () => {
  it('déclare le cookie de session et l’en-tête CSRF comme schémas de sécurité', async () => {
    const doc = await documentOpenApi();
    expect(doc.components.securitySchemes).toEqual({
      session: expect.objectContaining({ type: 'apiKey', in: 'cookie', name: '__Host-trajectoires_session' }),
      jetonCsrf: expect.objectContaining({ type: 'apiKey', in: 'header', name: 'x-csrf-token' }),
    });
  });

  it('chaque opération porte l’exigence de sécurité et la permission de la déclaration d’accès de sa route', async () => {
    const doc = await documentOpenApi();
    const declarees = new Map(t.app.routesDeclarees.map((r) => [`${r.method} ${versOpenApi(r.url)}`, r]));
    const ecarts: string[] = [];
    let operations = 0;
    for (const [chemin, item] of Object.entries(doc.paths)) {
      for (const methode of METHODES) {
        const operation = item[methode];
        if (!operation) continue;
        operations += 1;
        const cle = `${methode.toUpperCase()} ${chemin}`;
        const route = declarees.get(cle);
        if (!route) {
          ecarts.push(`${cle} : décrite mais aucune route enregistrée`);
          continue;
        }
        const a = attendu(route);
        const exigence: Record<string, string[]> = {};
        if (a.session) exigence.session = [];
        if (a.csrf) exigence.jetonCsrf = [];
        const security = Object.keys(exigence).length > 0 ? [exigence] : [];
        if (JSON.stringify(operation.security) !== JSON.stringify(security)) {
          ecarts.push(`${cle} : security ${JSON.stringify(operation.security)} au lieu de ${JSON.stringify(security)}`);
        }
        if (operation['x-acces'] !== a.acces) ecarts.push(`${cle} : x-acces ${operation['x-acces']} au lieu de ${a.acces}`);
        if (operation['x-permission'] !== a.permission) ecarts.push(`${cle} : x-permission ${operation['x-permission']} au lieu de ${a.permission}`);
        if (a.permission && !operation.description?.includes(a.permission)) ecarts.push(`${cle} : la description ne nomme pas ${a.permission}`);
      }
    }
    expect(ecarts).toEqual([]);
    // Every documented route of the API is in the document (hidden ones: the document itself, the site).
    const api = t.app.routesDeclarees.filter((r) => r.url.startsWith('/api/v1/'));
    for (const r of api) expect(doc.paths[versOpenApi(r.url)]?.[r.method.toLowerCase() as (typeof METHODES)[number]], `${r.method} ${r.url}`).toBeDefined();
    expect(operations).toBeGreaterThanOrEqual(api.length);
    expect(api.some((r) => 'permission' in r.access)).toBe(true);
  });

  it('une opération qui exige la session répond 401 sans session, une opération publique en lecture répond sans', async () => {
    const doc = await documentOpenApi();
    const lectures = Object.entries(doc.paths).flatMap(([chemin, item]) => (item.get ? [{ chemin, operation: item.get }] : []));
    const privees = lectures.filter(({ operation }) => operation.security?.some((e) => 'session' in e));
    expect(privees.length).toBeGreaterThan(3);
    for (const { chemin } of privees) {
      const url = chemin.replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.app.inject({ url });
      expect(res.statusCode, `GET ${chemin}`).toBe(401);
    }
    const sante = doc.paths['/health']?.get;
    expect(sante?.security).toEqual([]);
    expect((await t.app.inject({ url: '/health' })).statusCode).toBe(200);
  });

  it('la description de l’API nomme chacune des capacités dont elle décrit des opérations', async () => {
    const doc = await documentOpenApi();
    const declarees = doc.tags.map((tag) => tag.name);
    const utilisees = new Set(Object.values(doc.paths).flatMap((item) => METHODES.flatMap((m) => item[m]?.tags ?? [])));
    for (const tag of utilisees) expect(declarees, `étiquette ${tag}`).toContain(tag);
    for (const tag of declarees) expect(doc.info.description, `capacité ${tag}`).toContain(tag);
    expect(utilisees.size).toBeGreaterThanOrEqual(10);
  });
});
