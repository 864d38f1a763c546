import type { z } from 'zod';
import type {
  referentielsReponse,
  serviceDetailSchema,
  servicesReponse,
  siteSchema,
  structureDetailSchema,
} from '../../../src/modules/annuaire/annuaire.contract.js';
import type { communesReponse, featureCollectionSchema, regionsReponse } from '../../../src/modules/territoire/territoire.contract.js';

export type { Horaires, ServiceResume } from '../../../src/modules/annuaire/annuaire.contract.js';
export type { Commune } from '../../../src/modules/territoire/territoire.contract.js';

export type ServicesReponse = z.infer<typeof servicesReponse>;
export type ServiceDetail = z.infer<typeof serviceDetailSchema>;
export type StructureDetail = z.infer<typeof structureDetailSchema>;
export type Referentiels = z.infer<typeof referentielsReponse>;
export type CommunesReponse = z.infer<typeof communesReponse>;
export type RegionsReponse = z.infer<typeof regionsReponse>;
export type Contours = z.infer<typeof featureCollectionSchema>;
/** A site as shown on a service or structure page (the distance only exists in searches). */
export type Lieu = Omit<z.infer<typeof siteSchema>, 'distance_km'>;

export interface Marque {
  intitule: string;
  service: string;
  baseline: string;
}
