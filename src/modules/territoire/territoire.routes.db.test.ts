import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppDeTest, creerAppDeTest } from '../../../test/harness/app.js';

let t: AppDeTest;
beforeAll(async () => {
  t = await creerAppDeTest();
});
afterAll(async () => t?.close());

describe('GET /api/v1/communes', () => {
  it('trouve Saint-Jean-de-Luz sans accents ni tirets, avec « st » abrégé', async () => {
    const res = await t.app.inject({ url: '/api/v1/communes?q=st%20jean%20de%20luz' });
    expect(res.statusCode).toBe(200);
    expect(res.json().communes[0]).toMatchObject({ code: '64483', nom: 'Saint-Jean-de-Luz', region: { code: '75' } });
  });

  it('trouve une commune par son code postal', async () => {
    const res = await t.app.inject({ url: '/api/v1/communes?q=64500' });
    expect(res.statusCode).toBe(200);
    expect(res.json().communes.map((c: { code: string }) => c.code)).toContain('64483');
  });

  it('tolère une faute de frappe dans le nom', async () => {
    const res = await t.app.inject({ url: '/api/v1/communes?q=bordeau' });
    expect(res.json().communes[0].code).toBe('33063');
  });
});
