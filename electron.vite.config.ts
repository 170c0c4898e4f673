import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy, cspPageOf } from './electron/shared/csp.ts';

/** Puts each built page's CSP (the Connect window's has its own) into it as a <meta> tag, from the one definition. */
function cspMetaTag(): Plugin {
  return {
    name: 'balancete:csp-meta',
    apply: 'build',
    transformIndexHtml: (_html, context) => [
      {
        tag: 'meta',
        attrs: {
          'http-equiv': 'Content-Security-Policy',
          content: contentSecurityPolicy({ page: cspPageOf(context.path) }),
        },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  main: {
    build: {
      // keytar is an optional dependency (it may fail to build); it must stay external too.
      externalizeDeps: { include: ['keytar'] },
      rolldownOptions: {
        input: {
          index: resolve('electron/main/index.ts'),
          // The books — database, sync, rules, reports, exports — in a worker thread off main's event loop (electron/core/books-host).
          'books-worker': resolve('electron/core/books-host/books-worker.ts'),
          // The worker threads that apply rules to existing transactions and preview a rule being edited (electron/core/rules/worker-client.ts).
          'apply-worker': resolve('electron/core/rules/apply-worker.ts'),
          'preview-worker': resolve('electron/core/rules/preview-worker.ts'),
          // The worker thread that writes exports (electron/core/exports/worker-client.ts).
          'export-worker': resolve('electron/core/exports/export-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() packages: bundle everything it uses.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react(), cspMetaTag()],
    build: {
      rolldownOptions: {
        input: {
          index: resolve('renderer/index.html'),
          connect: resolve('renderer/connect.html'),
          report: resolve('renderer/report.html'),
        },
      },
    },
  },
});
