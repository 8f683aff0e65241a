// Builds the head-office console into out/console; head office serves it under /console/.
// Same React codebase as the branch UI (shared components, catalogues, styles), own entry.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { screenFont } from '../../scripts/vite-screen-font';

export default defineConfig({
  root: import.meta.dirname,
  base: '/console/',
  plugins: [react(), screenFont()],
  // The bundled Noto Sans SC font (and its licence) for reviewers' PCs without a Chinese font;
  // the print-only fallback fonts stay out (scripts/vite-screen-font.ts).
  publicDir: false,
  build: {
    outDir: '../../out/console',
    emptyOutDir: true,
    // antd is one large vendor chunk; served from the office network, split warnings are noise.
    chunkSizeWarningLimit: 4000,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's sources carry pure-annotations Rollup cannot place; harmless and noisy.
        if (warning.code === 'INVALID_ANNOTATION') return;
        warn(warning);
      },
    },
  },
});
