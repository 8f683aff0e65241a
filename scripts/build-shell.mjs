// Bundles the Electron shell: main (CommonJS, native and data-file packages left external)
// and the preload bridge (one self-contained file, as a sandboxed preload must be).
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'info' };

await build({
  ...common,
  entryPoints: ['src-main/main.ts'],
  outfile: 'out/main/main.cjs',
  format: 'cjs',
  // Native addons and packages that read their own data files at run time stay in node_modules:
  // sharp (libvips from @img/*), pdfjs-dist and the canvas it renders PDF thumbnails on (issue 19)
  // fail when bundled (sharp cannot find its binary).
  external: [
    'electron',
    'better-sqlite3',
    'pdfkit',
    'fontkit',
    'bwip-js',
    'electron-log',
    'sharp',
    'pdfjs-dist',
    '@napi-rs/canvas',
  ],
  define: { 'import.meta.dirname': '__dirname' },
});

await build({
  ...common,
  entryPoints: ['src-main/preload/preload.ts'],
  outfile: 'out/preload/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});
