// npm run smoke:electron [-- --app PACKAGED_EXE]: starts the real Electron app in a temp profile, creates the first
// manager, registers a case, saves its record as a PDF through print.saveAs, checks the file and quits; never a silent pass.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron, type Browser, chromium, type ElectronApplication, type Page } from 'playwright-core';
import { type Invoke, SmokeFailure, smokeFlow } from './smoke-flow';

const ROOT = resolve(import.meta.dirname, '..');
const STEP_TIMEOUT = 60_000;

interface Target {
  executable: string;
  /** The unpackaged app runs as `electron .` from the repository; a packaged app is its own executable. */
  packaged: boolean;
}

/** The executable to start: --app PATH or BRANCH_DESK_SMOKE_APP (a packaged app), else node_modules/electron's binary. */
function findTarget(argv: string[], env: NodeJS.ProcessEnv): Target {
  const i = argv.indexOf('--app');
  const given = i >= 0 ? argv[i + 1] : env.BRANCH_DESK_SMOKE_APP;
  if (i >= 0 && !given)
    throw new SmokeFailure('--app 后须给出安装版可执行文件的路径 / --app needs the path of a packaged executable');
  if (given) {
    const executable = resolve(given);
    if (!existsSync(executable))
      throw new SmokeFailure(
        `找不到 Electron 可执行文件(安装版):${executable} / Electron binary not found (packaged app): ${executable}`,
      );
    return { executable, packaged: true };
  }
  // The same lookup as the electron package's index.js, without its throw.
  const pkg = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const executable = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative
      ? join(pkg, 'dist', relative)
      : '';
  if (!executable || !existsSync(executable))
    throw new SmokeFailure(
      `找不到 Electron 可执行文件(${executable || pathFile}),请在能下载 Electron 的机器上不设 ELECTRON_SKIP_BINARY_DOWNLOAD 重新 npm ci / ` +
        `Electron binary not found (${executable || pathFile}); run npm ci without ELECTRON_SKIP_BINARY_DOWNLOAD on a machine that can download it`,
    );
  for (const built of [
    'out/main/main.cjs',
    'out/preload/preload.cjs',
    'out/renderer/index.html',
    'out/native/better_sqlite3.node',
  ])
    if (!existsSync(join(ROOT, built)))
      throw new SmokeFailure(
        `应用尚未构建(缺 ${built}),请先运行 npm run build:renderer、npm run build:shell 和 npm run rebuild:native / ` +
          `The app is not built (${built} is missing); run npm run build:renderer, npm run build:shell and npm run rebuild:native first`,
      );
  return { executable, packaged: false };
}

interface Running {
  page: Page;
  quit(): Promise<void>;
}

/** The unpackaged app through Playwright's Electron driver (it attaches through the Node inspector). */
async function launchUnpackaged(t: Target, env: Record<string, string>): Promise<Running> {
  const app: ElectronApplication = await _electron.launch({
    executablePath: t.executable,
    args: ['.'],
    cwd: ROOT,
    env,
    timeout: STEP_TIMEOUT,
  });
  const page = await app.firstWindow({ timeout: STEP_TIMEOUT });
  return { page, quit: () => app.close() };
}

/**
 * A packaged app has the Node-inspector fuse off (electron-builder.yml), so Playwright's Electron driver cannot attach;
 * Chromium's DevTools port still lets it drive the window, and the app quits when its window closes.
 */
async function launchPackaged(t: Target, env: Record<string, string>): Promise<Running> {
  const proc: ChildProcess = spawn(t.executable, ['--remote-debugging-port=0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((done) => proc.on('exit', (code) => done(code)));
  const ws = await new Promise<string>((done, fail) => {
    let out = '';
    const timer = setTimeout(
      () => fail(new SmokeFailure(`应用未打开调试端口 / The app opened no DevTools port:\n${out}`)),
      STEP_TIMEOUT,
    );
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        done(m[1]);
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    void exited.then((code) =>
      fail(new SmokeFailure(`应用启动即退出(${code}) / The app exited at start (${code}):\n${out}`)),
    );
  });
  const browser: Browser = await chromium.connectOverCDP(ws, { timeout: STEP_TIMEOUT });
  const deadline = Date.now() + STEP_TIMEOUT;
  let page: Page | undefined;
  while (!page && Date.now() < deadline) {
    page = browser.contexts().flatMap((c) => c.pages())[0];
    if (!page) await new Promise((r) => setTimeout(r, 250));
  }
  if (!page) throw new SmokeFailure('应用没有打开窗口 / The app opened no window');
  const win = page;
  return {
    page: win,
    async quit() {
      await win.evaluate(() => (globalThis as unknown as { close(): void }).close()).catch(() => undefined);
      const code = await Promise.race([exited, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 15_000))]);
      if (code === 'timeout') {
        proc.kill();
        throw new SmokeFailure('关闭窗口后应用未退出 / The app did not quit when its window closed');
      }
    },
  };
}

async function main(): Promise<void> {
  const target = findTarget(process.argv.slice(2), process.env);
  const dir = mkdtempSync(join(tmpdir(), 'branch-desk-smoke-'));
  const saveDir = join(dir, 'saved');
  const env: Record<string, string> = {
    ...Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)),
    BRANCH_DESK_USER_DATA: join(dir, 'profile'),
    BRANCH_DESK_SAVE_DIR: saveDir,
    BRANCH_DESK_SMOKE: '1',
  };
  console.log(`冒烟测试:启动 ${target.executable} / Smoke test: starting ${target.executable}`);
  const running = target.packaged ? await launchPackaged(target, env) : await launchUnpackaged(target, env);
  try {
    const { page } = running;
    // The sign-in (or first-manager setup) screen is a form in the main landmark.
    await page.waitForSelector('main form', { timeout: STEP_TIMEOUT });
    const invoke: Invoke = (channel, input) =>
      page.evaluate(([c, i]) => (globalThis as unknown as { branchDesk: { invoke: Invoke } }).branchDesk.invoke(c, i), [
        channel,
        input,
      ] as const);
    const outcome = await smokeFlow(invoke);
    if (!outcome.pdfPath || !outcome.pdfPath.startsWith(saveDir) || !existsSync(outcome.pdfPath))
      throw new SmokeFailure(
        `print.saveAs 没有写出 PDF(${outcome.pdfPath}) / print.saveAs wrote no PDF (${outcome.pdfPath})`,
      );
    const head = readFileSync(outcome.pdfPath).subarray(0, 4).toString('latin1');
    if (head !== '%PDF')
      throw new SmokeFailure(
        `保存的文件不是 PDF(开头为 ${JSON.stringify(head)}) / The saved file is not a PDF (starts ${JSON.stringify(head)})`,
      );
    await running.quit();
    console.log(
      `冒烟测试通过:店长 ${outcome.managerStaffNo},个案 ${outcome.caseNumber},记录 ${outcome.pdfPath} / ` +
        `Smoke test passed: manager ${outcome.managerStaffNo}, case ${outcome.caseNumber}, record ${outcome.pdfPath}`,
    );
  } catch (e) {
    await running.quit().catch(() => undefined);
    throw e;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(
      e instanceof SmokeFailure
        ? e.message
        : `冒烟测试失败 / Smoke test failed: ${String(e instanceof Error ? e.stack : e)}`,
    );
    process.exit(1);
  },
);
