export { codeTotpDemo, fichierIdentifiantsDemo, preparerComptesDemo } from './demo.js';
