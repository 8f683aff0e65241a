// The branch's sync as one object for the app: the scheduler over the real transport, the
// settings read afresh on every run (a new URL or key applies without a restart), the
// status for the UI, and the batch-file export. The shell passes in the OS events and
// the save dialog; nothing here imports Electron.
import type { ServiceContext } from '../services/context';
import { refuse } from '../shared/errors';
import { isUnencryptedRemote } from '../shared/head-office-address';
import { attachmentsWaiting } from './attachment-upload';
import { exportBatches, type ExportResult, writeBatchFile } from './export-batch';
import { exportUsbParts } from './usb-export';

/** A USB part's size from the screen's export: 650 MB, under FAT32's 4 GB file limit and easy to copy. */
export const USB_PART_MAX_BYTES = 650 * 1024 * 1024;
import { HttpTransport } from './http-transport';
import { archiveOutbox } from './outbox-archive';
import { archiveAudit } from '../services/audit-archive';
import { recoverFromHeadOffice } from './recovery';
import { recoveryOf } from './recovery-state';
import { SyncScheduler, type SyncStatus, type Timers } from './scheduler';
import { syncOnce } from './sync-run';
import { importReferenceFile, lastReferenceUpdate } from './reference-pull';
import type { ReferenceImported } from '../shared/schemas/reference-import';
import { lastSuccessAt, waitingCount } from './sync-state';

export interface SyncConfig {
  branch: string;
  url: string;
  key: string;
  /** The manager allowed an http:// head office on another computer; without it the transport refuses to send. */
  allowUnencrypted?: boolean;
}

export interface SyncServiceOptions {
  /** null while head office's URL or the key is not set. */
  config: () => SyncConfig | null;
  intervalMs?: number;
  timers?: Timers;
  fetch?: typeof fetch;
  /** The shell's save dialog for batch files; null when the user cancels. */
  choosePath?: (suggestedName: string) => Promise<string | null>;
  /** Runs after every successful sync (the update check); its failure never fails the sync. */
  afterSuccess?: () => void;
}

export interface SyncService {
  status(): SyncStatus & { configured: boolean; unencrypted: boolean };
  syncNow(): Promise<SyncStatus & { configured: boolean; unencrypted: boolean }>;
  /** The OS reports the network is back. */
  networkBack(): void;
  start(): void;
  stop(): void;
  exportBatch(): Promise<ExportResult & { path: string | null }>;
  /** Restores the store from head office, then syncs (src-main/sync/README.md). */
  recover(): Promise<SyncStatus & { configured: boolean }>;
  /** Issue 21 §1: head office's reference file from a USB stick, checked with this branch's code and key. */
  importReference(bytes: Buffer): ReferenceImported;
}

const notConfigured = () =>
  refuse(
    'VALIDATION',
    '请先在设置中填写总部地址、门店编码和同步密钥',
    "Set head office's address, the branch code and the sync key in the settings first",
  );

export function createSyncService(ctx: ServiceContext, o: SyncServiceOptions): SyncService {
  let transport: { key: string; t: HttpTransport } | null = null;
  let restoring: Promise<unknown> | null = null;
  // One transport per address and key, so the clock offset it learned survives between runs.
  const transportFor = (c: SyncConfig) => {
    const k = `${c.url}|${c.branch}|${c.key}|${c.allowUnencrypted === true}`;
    if (transport?.key !== k)
      transport = {
        key: k,
        t: new HttpTransport({
          url: c.url,
          branch: c.branch,
          key: c.key,
          allowUnencrypted: c.allowUnencrypted === true,
          ...(o.fetch ? { fetch: o.fetch } : {}),
        }),
      };
    return transport.t;
  };
  const scheduler = new SyncScheduler({
    run: (onProgress) => {
      const c = o.config();
      if (!c) throw notConfigured();
      return syncOnce({ ctx, branch: c.branch, transport: transportFor(c), onProgress }).then((r) => {
        try {
          o.afterSuccess?.();
        } catch {
          // The update check reports its own problems; the sync succeeded.
        }
        try {
          // Acknowledged rows past the retention leave the hot table (a few chunks per sync).
          archiveOutbox(ctx.db, { now: ctx.now(), days: ctx.settings().outboxArchiveDays, maxChunks: 20 });
        } catch {
          // The rows stay in the outbox, untouched; the next successful sync tries again.
        }
        try {
          // Audit rows past the same retention move to the audit archive (a few chunks per sync).
          archiveAudit(ctx.db, { now: ctx.now(), days: ctx.settings().outboxArchiveDays, maxChunks: 8 });
        } catch {
          // The rows stay in the audit log, untouched; the next successful sync tries again.
        }
        return r;
      });
    },
    waiting: () => waitingCount(ctx.db),
    lastSuccessAt: () => lastSuccessAt(ctx.db),
    ...(o.intervalMs ? { intervalMs: o.intervalMs } : {}),
    ...(o.timers ? { timers: o.timers } : {}),
  });
  const status = () => {
    const c = o.config();
    // An allowed http:// head office on another computer: the sync line warns while it is in use.
    return {
      ...scheduler.status(),
      configured: c !== null,
      unencrypted: c !== null && isUnencryptedRemote(c.url),
      recovery: recoveryOf(ctx.db)?.state ?? null,
      attachmentsWaiting: attachmentsWaiting(ctx.db),
      referenceUpdate: lastReferenceUpdate(ctx.db, ctx.now()),
    };
  };
  return {
    status,
    async syncNow() {
      await scheduler.trigger('now');
      return status();
    },
    networkBack: () => void scheduler.trigger('network'),
    start: () => void scheduler.start(),
    stop: () => scheduler.stop(),
    async recover() {
      const c = o.config();
      if (!c || !c.key) throw notConfigured();
      // A second click while one runs joins it (one recovery, one new epoch, one sync after).
      restoring ??= recoverFromHeadOffice({ ctx, branch: c.branch, transport: transportFor(c) })
        .then(() => scheduler.trigger('now'))
        .finally(() => (restoring = null));
      await restoring;
      return status();
    },
    importReference(bytes) {
      const c = o.config();
      if (!c || !c.key) throw notConfigured();
      const r = importReferenceFile(ctx, bytes, c.branch, c.key);
      return {
        inFile: r.inFile.length,
        stored: r.stored.map((x) => ({ kind: x.kind, key: x.key, version: x.version })),
      };
    },
    async exportBatch() {
      const c = o.config();
      if (!c || !c.key) throw notConfigured();
      if (!o.choosePath)
        throw refuse(
          'FORBIDDEN',
          '此环境不能选择保存位置,请用命令行 export-batch',
          'Choosing a file is not available here; use the export-batch command',
        );
      const stamp = new Date(ctx.now()).toISOString().slice(0, 10);
      // Attachment bytes head office has not confirmed go on the stick too, in the signed container's parts
      // (usb-export.ts): at most USB_PART_MAX_BYTES each, named NAME-1of3.bdx beside the chosen name.
      if (attachmentsWaiting(ctx.db).count > 0) {
        const path = await o.choosePath(`同步批次-${c.branch}-${stamp}.bdx`);
        const base = { branch: c.branch, key: c.key, now: ctx.now(), blobRoot: ctx.blobRoot };
        if (!path) return { records: 0, batches: 0, firstSeq: null, lastSeq: null, bytes: 0, path: null };
        const r = exportUsbParts(ctx.db, { ...base, out: path, maxBytes: USB_PART_MAX_BYTES });
        return {
          records: r.records,
          batches: r.batches,
          firstSeq: r.firstSeq,
          lastSeq: r.lastSeq,
          bytes: r.bytes,
          path: r.paths[0] ?? null,
        };
      }
      const { text, result } = exportBatches(ctx.db, { branch: c.branch, key: c.key, now: ctx.now() });
      if (result.records === 0) return { ...result, path: null };
      const path = await o.choosePath(`同步批次-${c.branch}-${stamp}.json`);
      if (path) writeBatchFile(path, text, c);
      return { ...result, path };
    },
  };
}
