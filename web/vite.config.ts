import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { formaterPoids, mesurerPagesPubliques, precompresser } from './poids-des-pages.js';

const ici = path.dirname(fileURLToPath(import.meta.url));

/** After each build: compressed copies for the server, and the first-visit weight of every public page printed. */
function poidsDesPages(): Plugin {
  let dossier = '';
  return {
    name: 'trajectoires:poids-des-pages',
    apply: 'build',
    configResolved(config) {
      dossier = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      precompresser(dossier);
      this.info(`\n${formaterPoids(mesurerPagesPubliques(dossier))}`);
    },
  };
}

export default defineConfig({
  root: ici,
  plugins: [react(), poidsDesPages()],
  // The map library alone is one large chunk, loaded only when a person asks for a map.
  build: { outDir: path.join(ici, 'dist'), emptyOutDir: true, manifest: true, chunkSizeWarningLimit: 1100 },
  server: { proxy: { '/api': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' } },
});
