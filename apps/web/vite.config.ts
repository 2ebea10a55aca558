/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Workspace packages are consumed from source (their `exports["."].source` condition), so the
// web app needs no build of @factoryspace/domain or @factoryspace/api-client.
export default defineConfig({
  base: '/',
  plugins: [vue()],
  resolve: {
    conditions: ['source', ...defaultClientConditions],
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
    },
  },
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: 'http://localhost:3000', changeOrigin: true },
    },
  },
  preview: {
    port: 4173,
    proxy: {
      '/api': {
        target: process.env.API_PROXY_TARGET ?? 'http://localhost:3000',
        changeOrigin: true,
      },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.ts'],
    restoreMocks: true,
  },
});
