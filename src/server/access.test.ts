import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { enforceAccessDeclarations } from './access.js';

describe('enforceAccessDeclarations', () => {
  it('refuse d’enregistrer une route qui ne déclare pas son accès', async () => {
    const app = Fastify();
    enforceAccessDeclarations(app);
    expect(() => app.get('/api/oubliee', async () => ({}))).toThrow(/ne déclare pas d’accès/);
    await app.close();
  });

  it('enregistre et recense une route qui déclare son accès', async () => {
    const app = Fastify();
    const routes = enforceAccessDeclarations(app);
    app.get('/api/publique', { config: { access: { public: 'test' } } }, async () => ({}));
    await app.ready();
    expect(routes).toContainEqual(expect.objectContaining({ method: 'GET', url: '/api/publique', access: { public: 'test' } }));
    await app.close();
  });
});
