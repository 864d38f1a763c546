import { createContext } from 'react';
import type { Marque } from '../api/types.js';

export const marqueParDefaut: Marque = { intitule: 'République\nFrançaise', service: 'Trajectoires', baseline: '' };

export const MarqueContexte = createContext<Marque>(marqueParDefaut);
