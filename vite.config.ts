import { defineConfig } from 'vite';
import { sirenCsp } from './src/dev/cspPlugin.ts';
import { sirenRules } from './src/dev/rulesPlugin.ts';

export default defineConfig({
  base: './',
  // A multi-page app: unknown paths are real 404s (not index.html), so a missing ?rules= file says so.
  appType: 'mpa',
  // Every page gets the same Content-Security-Policy from one place (src/dev/cspPlugin.ts).
  plugins: [sirenCsp(), sirenRules()],
  // Tests point the dev server at a copy of public/ so live-edit tests never touch the real rules.
  publicDir: process.env.SIREN_PUBLIC_DIR ?? 'public',
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    // bare.html: an empty Pixi stage, the baseline for `npm run bench:browser`; classroom.html: the teacher's view.
    rollupOptions: { input: { main: 'index.html', bare: 'bare.html', classroom: 'classroom.html' } },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    strictPort: false,
  },
  preview: {
    host: '127.0.0.1',
  },
});
