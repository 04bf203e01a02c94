import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// Built into dist/web, which the API serves at `/` (apps/api/src/web-app.ts). `vite` on its
// own is the development server on 3117, sending /api to an API on 3107.
export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 3117,
    strictPort: true,
    proxy: { '/api': 'http://localhost:3107' },
  },
});
