import { startReactDsfr } from '@codegouvfr/react-dsfr/spa';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { Lien } from './routeur.js';
import './styles.css';

startReactDsfr({ defaultColorScheme: 'system', Link: Lien });

const racine = document.getElementById('root');
if (!racine) throw new Error('élément #root absent de index.html');

createRoot(racine).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
