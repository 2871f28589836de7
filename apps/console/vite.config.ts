import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = dirname(fileURLToPath(import.meta.url));

const CHART_ONLY =
  /node_modules\/(recharts|d3-[a-z-]+|internmap|victory-vendor|decimal\.js-light|@reduxjs|redux|redux-thunk|react-redux|immer|reselect|es-toolkit|tiny-invariant)\//;

/**
 * Long-lived vendor chunks for the eagerly loaded framework code. Chart-only
 * dependencies are left to Rollup so they stay in the lazily loaded chart chunk.
 */
const vendorChunk = (id: string): string | undefined => {
  if (!id.includes('node_modules') || CHART_ONLY.test(id)) return undefined;
  if (/node_modules\/(@mui|@emotion|@popperjs)\//.test(id)) return 'vendor-mui';
  if (
    /node_modules\/(react-admin|ra-[a-z-]+|@tanstack|react-hook-form|react-router|react-router-dom)\//.test(
      id,
    )
  ) {
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
    sourcemap: false,
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
