// Bundles the plain-Node host (`sesame serve`) into out/headless/headless.js. Dependencies stay external
// (better-sqlite3 is native); our own TypeScript is compiled into one file so start-up parses once.
import { resolve } from 'node:path';
import { builtinModules } from 'node:module';
import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';

const pkg = JSON.parse(readFileSync(resolve('package.json'), 'utf8'));
const deps = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];

export default defineConfig({
  build: {
    ssr: true,
    target: 'node22',
    outDir: 'out/headless',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { headless: resolve('src-main/headless.ts') },
      output: { format: 'es', entryFileNames: '[name].js' },
      external: (id) => id.startsWith('node:') || builtinModules.includes(id) || deps.some((d) => id === d || id.startsWith(d + '/')),
    },
  },
});
