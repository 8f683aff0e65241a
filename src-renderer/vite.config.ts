// Builds the renderer into out/renderer, where the Electron shell (app://) and the dev
// server both serve it. Relative asset paths so the same build works under either origin.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { screenFont } from '../scripts/vite-screen-font';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react(), screenFont()],
  // The Noto Sans SC font of the printed forms (with its licence) also serves the screen on
  // PCs without a Chinese system font (Linux installs); Windows uses Microsoft YaHei first. The
  // print-only fallback fonts stay out of the bundle (scripts/vite-screen-font.ts).
  publicDir: false,
  build: {
    // Relative to root: <repo>/out/renderer.
    outDir: '../out/renderer',
    emptyOutDir: true,
    // antd is one large vendor chunk; the app loads from disk, so size warnings do not apply.
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
