// Vite plugin for the branch UI and the console: ships the one font the screens use (Noto Sans SC)
// and its licence into the bundle. Invariant: only these files — the print-only fallback fonts in
// assets/fonts (Extension B, emoji, symbols: ~34 MB) stay out of the screen bundles and app.asar.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const FONT_DIR = join(import.meta.dirname, '..', 'assets', 'fonts');
export const SCREEN_FONT_FILES = ['NotoSansSC-Regular.ttf', 'OFL.txt'] as const;

export function screenFont(): Plugin {
  return {
    name: 'branch-desk-screen-font',
    generateBundle() {
      for (const fileName of SCREEN_FONT_FILES)
        this.emitFile({ type: 'asset', fileName, source: readFileSync(join(FONT_DIR, fileName)) });
    },
  };
}
