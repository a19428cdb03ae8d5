import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The web app: built into web/dist, which `npm start` serves and the CDK app uploads. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  // Always React's production build: a build started under vitest (NODE_ENV=test) would otherwise ship the development one.
  mode: 'production',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The CSP the app is served with forbids inline scripts; Vite's module preload polyfill is one.
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 600,
  },
});
