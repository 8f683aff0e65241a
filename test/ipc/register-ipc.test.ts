// The IPC binding through a fake ipcMain: every contract channel is registered, only the
// app's own top-level frame is answered, bad input and failures come back as envelopes,
// and each window has its own session.
import { afterEach, describe, expect, it } from 'vitest';
import { registerIpc, SessionRegistry } from '../../src-main/ipc/register-ipc';
import { CHANNEL_NAMES } from '../../src-main/shared/ipc/contract';
import { DEFAULT_APP_SETTINGS } from '../../src-main/shared/settings-schema';
import type { Result } from '../../src-main/shared/result';
import { openTestStore, PIN, type TestStore } from '../helpers/store';

let s: TestStore;
afterEach(() => s?.close());

type Listener = (event: unknown, input: unknown) => Promise<Result<unknown>> | Result<unknown>;

function fakeIpc() {
  const handlers = new Map<string, Listener>();
  return {
    handlers,
    ipcMain: { handle: (channel: string, fn: Listener) => void handlers.set(channel, fn) },
    invoke(channel: string, input: unknown, from: { url?: string; parent?: unknown; id?: number } = {}) {
      const fn = handlers.get(channel);
      if (!fn) throw new Error(`no handler for ${channel}`);
      const event = {
        sender: { id: from.id ?? 1 },
        senderFrame: { url: from.url ?? 'app://branch-desk/index.html', parent: from.parent ?? null },
      };
      return Promise.resolve(fn(event, input));
    },
  };
}

describe('IPC registry', () => {
  it('registers a handler for every channel of the contract', () => {
    s = openTestStore();
    const ipc = fakeIpc();
    registerIpc(ipc.ipcMain as never, s.ctx, new SessionRegistry(), () => {});
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('answers only the app’s own top-level frame', async () => {
    s = openTestStore();
    const ipc = fakeIpc();
    const logged: string[] = [];
    registerIpc(ipc.ipcMain as never, s.ctx, new SessionRegistry(), (_id, ch) => logged.push(ch));
    for (const from of [
      { url: 'https://evil.example/' },
      { url: 'file:///etc/passwd' },
      { url: 'app://branch-desk/index.html', parent: {} },
      { url: 'app://other-host/' },
    ]) {
      expect(await ipc.invoke('setup.status', {}, from)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(logged).toHaveLength(4);
    expect(await ipc.invoke('setup.status', {})).toEqual({ ok: true, value: { needsFirstManager: false } });
  });

  it('keeps one session per window, from main, and refuses bad input with an envelope', async () => {
    s = openTestStore();
    const ipc = fakeIpc();
    registerIpc(ipc.ipcMain as never, s.ctx, new SessionRegistry(), () => {});
    expect(await ipc.invoke('auth.signIn', { staffNo: 'M001', pin: PIN }, { id: 7 })).toMatchObject({ ok: true });
    expect(await ipc.invoke('queues.counts', {}, { id: 7 })).toMatchObject({ ok: true });
    expect(await ipc.invoke('queues.counts', {}, { id: 8 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_SIGNED_IN' },
    });
    const bad = await ipc.invoke('cases.create', { channel: 'phone', content: 42 }, { id: 7 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    if (!bad.ok) expect(bad.error.issues.map((i) => i.field)).toContain('content');
    // A renderer cannot pass an acting user: unknown fields are refused.
    expect(
      await ipc.invoke(
        'cases.addNote',
        { caseId: '01936f5e-0000-7000-8000-000000000001', text: 'x', actorId: 'someone' },
        { id: 7 },
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('renders a form for the in-app preview, and says when the OS print dialog is not available', async () => {
    s = openTestStore();
    const ipc = fakeIpc();
    registerIpc(ipc.ipcMain as never, s.ctx, new SessionRegistry(), () => {});
    await ipc.invoke('auth.signIn', { staffNo: 'S001', pin: PIN });
    const created = (await ipc.invoke('cases.create', {
      channel: 'letter',
      customer: { name: '许旻' },
      content: '来信反映',
      categoryCode: 'other',
    })) as Result<{ id: string }>;
    if (!created.ok) throw new Error('create failed');
    const r = (await ipc.invoke('print.render', { kind: 'case_record', id: created.value.id })) as Result<{
      pdfBase64: string;
      fileName: string;
    }>;
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(Buffer.from(r.value.pdfBase64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      expect(r.value.fileName).toMatch(/^顾客异议处理记录表-SH01-YY-202611-\d{4}\.pdf$/);
    }
    expect(await ipc.invoke('print.toPrinter', { kind: 'case_record', id: created.value.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('printing through the platform port', () => {
  it('prints with the remembered printer and remembers a new printer and paper', async () => {
    s = openTestStore();
    let settings = { printerName: 'HP-Counter', slipPaper: 'A4' } as Record<string, unknown>;
    const printed: { printerName: string; bytes: number }[] = [];
    const ctx = {
      ...s.ctx,
      platform: {
        printPdf: async (pdf: Buffer, o: { printerName: string }) => {
          printed.push({ printerName: o.printerName, bytes: pdf.length });
          return { printed: true, printerName: 'Epson-Office' };
        },
        savePdf: async () => '/home/clerk/slip.pdf',
        listPrinters: async () => [{ name: 'Epson-Office', displayName: 'Epson 前台', description: 'LQ-630K' }],
      },
      settingsAccess: {
        get: () => settings as never,
        update: (raw: unknown) => (settings = { ...settings, ...(raw as object) }) as never,
      },
    };
    const ipc = fakeIpc();
    registerIpc(ipc.ipcMain as never, ctx, new SessionRegistry(), () => {});
    await ipc.invoke('auth.signIn', { staffNo: 'S001', pin: PIN });
    const created = (await ipc.invoke('cases.create', {
      channel: 'letter',
      customer: { name: '许旻' },
      content: '来信',
      categoryCode: 'other',
    })) as Result<{ id: string }>;
    if (!created.ok) throw new Error('create failed');
    expect(await ipc.invoke('print.toPrinter', { kind: 'case_record', id: created.value.id, paper: 'A5' })).toEqual({
      ok: true,
      value: { printed: true, printerName: 'Epson-Office' },
    });
    expect(printed[0]).toMatchObject({ printerName: 'HP-Counter' });
    expect(printed[0]!.bytes).toBeGreaterThan(1000);
    // The record form is always A4: its paper is not remembered as the slip paper.
    expect(settings).toMatchObject({ printerName: 'Epson-Office', slipPaper: 'A4' });
    const units = (await ipc.invoke('units.list', {})) as Result<{ id: string }[]>;
    if (!units.ok) throw new Error('units failed');
    const slip = (await ipc.invoke('slips.create', {
      type: 'return',
      receiptNo: 'R-1',
      unitId: units.value[0]!.id,
      returnedLines: [{ itemCode: 'A1', name: '袜子', quantity: 1, unitPriceFen: 1_990 }],
      refundFen: 1_990,
      refundMethod: 'cash',
      reasonCode: 'size_fit',
      packagingIntact: true,
      accessoriesComplete: true,
      qualityProblem: false,
      deductCommission: false,
    })) as Result<{ id: string }>;
    if (!slip.ok) throw new Error(JSON.stringify(slip));
    expect(await ipc.invoke('print.toPrinter', { kind: 'slip', id: slip.value.id, paper: 'A5' })).toMatchObject({
      ok: true,
    });
    expect(settings).toMatchObject({ slipPaper: 'A5' });
    expect(await ipc.invoke('print.saveAs', { kind: 'case_record', id: created.value.id })).toEqual({
      ok: true,
      value: { path: '/home/clerk/slip.pdf' },
    });
    expect(await ipc.invoke('print.printers', {})).toEqual({
      ok: true,
      value: {
        available: true,
        printers: [{ name: 'Epson-Office', displayName: 'Epson 前台', description: 'LQ-630K' }],
      },
    });
  });

  it('says printers cannot be listed where there is no operating-system printing', async () => {
    s = openTestStore();
    const ipc = fakeIpc();
    registerIpc(ipc.ipcMain as never, s.ctx, new SessionRegistry(), () => {});
    expect(await ipc.invoke('print.printers', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    await ipc.invoke('auth.signIn', { staffNo: 'S001', pin: PIN });
    expect(await ipc.invoke('print.printers', {})).toEqual({ ok: true, value: { available: false, printers: [] } });
    expect(await ipc.invoke('print.printers', { all: true })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});

describe('settings through the contract', () => {
  it('lets only the manager change settings and store the sync key, never returning the key', async () => {
    s = openTestStore();
    const stored: string[] = [];
    let current = { ...DEFAULT_APP_SETTINGS };
    const ctx = {
      ...s.ctx,
      settingsAccess: {
        get: () => current,
        update: (raw: unknown) => (current = { ...current, ...(raw as object) }),
        setSyncKey: (key: string) => {
          stored.push(key);
          current = { ...current, syncKeyEncrypted: 'ZW5jcnlwdGVk' };
          return current;
        },
      },
    };
    const ipc = fakeIpc();
    registerIpc(ipc.ipcMain as never, ctx, new SessionRegistry(), () => {});
    const key = 'QnJhbmNoRGVza1N5bmNLZXlGb3JTSDAxLTIwMjYxMTI0';
    await ipc.invoke('auth.signIn', { staffNo: 'S001', pin: PIN }, { id: 1 });
    expect(await ipc.invoke('settings.setSyncKey', { key }, { id: 1 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(await ipc.invoke('settings.update', { branchName: '北京一店' }, { id: 1 })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await ipc.invoke('auth.signIn', { staffNo: 'M001', pin: PIN }, { id: 2 });
    expect(await ipc.invoke('settings.setSyncKey', { key: 'short' }, { id: 2 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    const r = (await ipc.invoke('settings.setSyncKey', { key }, { id: 2 })) as Result<Record<string, unknown>>;
    expect(r).toMatchObject({ ok: true, value: { hasSyncKey: true } });
    if (r.ok) expect(JSON.stringify(r.value)).not.toContain('ZW5jcnlwdGVk');
    expect(stored).toEqual([key]);
    expect(await ipc.invoke('settings.update', { branchName: '北京一店' }, { id: 2 })).toMatchObject({
      ok: true,
      value: { branchName: '北京一店' },
    });
  });
});
