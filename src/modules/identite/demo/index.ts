export { codeTotpDemo, fichierIdentifiantsDemo, preparerComptesDemo, reinitialiserComptesDemo } from './demo.js';
