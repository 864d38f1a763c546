import { describe, expect, it } from 'vitest';
import {
  VOCABULAIRES_DATA_INCLUSION,
  type Vocabulaires,
  serviceDataInclusionSchema,
  structureDataInclusionSchema,
} from '../../src/modules/annuaire/echange/echange.contract.js';
import { z } from '../../src/shared/zod.js';
import { feuillesNonGardees } from './textes.js';

describe('la garde des textes instockables', () => {
  it('trouve un z.string() nu, y compris dans une liste, un objet imbriqué ou derrière un prétraitement', () => {
    const schema = z.strictObject({
      nom: z.string().trim().max(100),
      liste: z.array(z.string()).optional(),
      imbrique: z.object({ note: z.preprocess((v) => v, z.string().nullable()) }),
      code: z.string().regex(/^[a-z]{2}$/),
      uuid: z.uuid(),
    });
    expect(feuillesNonGardees(schema)).toEqual(['nom', 'liste.0', 'imbrique.note']);
  });

  it('ne laisse passer aucun texte instockable par les fichiers importés de data·inclusion', () => {
    const vocabulaires = Object.fromEntries(VOCABULAIRES_DATA_INCLUSION.map((nom) => [nom, ['x']])) as unknown as Vocabulaires;
    for (const schema of [structureDataInclusionSchema(vocabulaires), serviceDataInclusionSchema(vocabulaires), structureDataInclusionSchema()]) {
      expect(feuillesNonGardees(schema)).toEqual([]);
    }
  });
});
