// The screen bundles carry Noto Sans SC and its licence, never the print-only fallback fonts.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { screenFont } from '../../scripts/vite-screen-font';

describe('screen font plugin', () => {
  it('emits only the screen font and its licence into a real vite build', async () => {
    const root = mkdtempSync(join(tmpdir(), 'screen-font-'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><script type="module" src="./main.js"></script>');
    writeFileSync(join(root, 'main.js'), 'document.title = "x";');
    const outDir = join(root, 'out');
    await build({
      root,
      logLevel: 'silent',
      configFile: false,
      publicDir: false,
      plugins: [screenFont()],
      build: { outDir },
    });
    const files = readdirSync(outDir);
    expect(files).toEqual(expect.arrayContaining(['NotoSansSC-Regular.ttf', 'OFL.txt']));
    expect(files.filter((f) => /\.(ttf|otf|woff2?)$/i.test(f))).toEqual(['NotoSansSC-Regular.ttf']);
    expect(readdirSync(join(import.meta.dirname, '../../assets/fonts'))).toEqual(
      expect.arrayContaining(['HanaMinB.ttf', 'Symbola.ttf']),
    );
  });
});
