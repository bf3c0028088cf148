import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // `dependencies` (better-sqlite3, exceljs, zod …) stay external: electron-builder ships them.
      // pdf-lib is bundled: its ES build is 190 files plus 150 of its colour library (culori),
      // and a badge sheet's worker spent ~0.3 s of CPU resolving and compiling them (issue 21).
      externalizeDeps: { exclude: ['@cantoo/pdf-lib', 'zod', 'commander'] },
      // jobs-worker.js: the entry of every job's worker thread (electron/core/jobs/worker.ts),
      // found by main/index.ts beside index.js.
      rollupOptions: {
        input: { index: resolve('electron/main/index.ts'), 'jobs-worker': resolve('electron/core/jobs/worker.ts'), cli: resolve('electron/cli/index.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything, emit CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    // Relative asset URLs work under both app://hadir/ (Electron) and the web host.
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      // print.html: the page electron/main/print.ts renders PDFs in before printing them.
      rollupOptions: { input: { index: resolve('renderer/index.html'), print: resolve('renderer/print.html') } },
    },
  },
});
