/// <reference types="vitest/config" />
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const outDir = resolve(import.meta.dirname, 'dist');

// The Go side embeds frontend/dist, and the repo tracks dist/.gitkeep so the
// embed always has a directory to read. Vite empties dist before each build;
// put the placeholder back afterwards.
function keepGitkeep(): Plugin {
  return {
    name: 'steward-keep-gitkeep',
    apply: 'build',
    closeBundle() {
      writeFileSync(resolve(outDir, '.gitkeep'), '');
    },
  };
}

// Everything is bundled: the app makes no network requests of its own.
export default defineConfig({
  plugins: [svelte(), keepGitkeep()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 800,
    // Screens are loaded on demand (App.svelte); libraries share one chunk
    // rather than one tiny request per icon.
    rollupOptions: {
      output: {
        manualChunks: (id) => (id.includes('node_modules') ? 'vendor' : undefined),
      },
    },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
