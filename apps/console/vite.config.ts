import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = dirname(fileURLToPath(import.meta.url));

/** Groups the heavy dependencies into a few long-lived vendor chunks. */
const vendorChunk = (id: string): string | undefined => {
  if (!id.includes('node_modules')) return undefined;
  if (/node_modules\/(recharts|d3-|victory-vendor|decimal\.js|eventemitter3)/.test(id)) return 'vendor-charts';
  if (/node_modules\/(@mui|@emotion|@popperjs)/.test(id)) return 'vendor-mui';
  if (/node_modules\/(react-admin|ra-|@tanstack|react-hook-form|react-router|lodash|date-fns|inflection|query-string)/.test(id)) {
    return 'vendor-admin';
  }
  return 'vendor';
};

export default defineConfig({
  root,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: resolve(root, '../../dist/console'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 900,
    rollupOptions: {
      output: { manualChunks: vendorChunk },
    },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/admin/api': { target: 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: { port: 4173 },
});
