// Sync through the contract: the status for every signed-in user, "sync now", and the batch
// file for those who submit cases to head office. The shell supplies the sync service; where
// it does not (the browser mode), the status still tells what is waiting, read from the store.
import { can } from '../domain/permissions';
import { refuse } from '../shared/errors';
import type { SyncStatusView } from '../shared/ipc/contract';
import { recoveryOf } from '../sync/recovery-state';
import { lastReferenceUpdate } from '../sync/reference-pull';
import { lastSuccessAt, waitingCount } from '../sync/sync-state';
import type { AppContext, PrivateHandlers } from './types';

function service(ctx: AppContext) {
  if (!ctx.sync) throw refuse('FORBIDDEN', '此环境没有同步服务', 'Sync is not available here');
  return ctx.sync;
}

const offline = (ctx: AppContext): SyncStatusView => ({
  configured: false,
  state: 'idle',
  waiting: waitingCount(ctx.db),
  lastSuccessAt: lastSuccessAt(ctx.db),
  lastError: null,
  progress: null,
  nextRetryAt: null,
  recovery: recoveryOf(ctx.db)?.state ?? null,
  referenceUpdate: lastReferenceUpdate(ctx.db, ctx.now()),
});

export const syncHandlers = {
  'sync.status': (ctx) => (ctx.sync ? ctx.sync.status() : offline(ctx)),
  'sync.now': (ctx) => service(ctx).syncNow(),
  'sync.exportBatch': async (ctx, s) => {
    if (!can(s.actor.role, 'submit'))
      throw refuse(
        'FORBIDDEN',
        '只有秘书室、值班主管和店长可以导出同步批次',
        'Only the secretary office, duty supervisors and the manager may export sync batches',
      );
    const r = await service(ctx).exportBatch();
    return { path: r.path, records: r.records, batches: r.batches };
  },
  // Restore from head office (src-main/sync/README.md): the manager only, after a confirmation in the UI.
  'sync.recover': async (ctx, s) => {
    if (s.actor.role !== 'manager')
      throw refuse(
        'FORBIDDEN',
        '只有店长可以从总部恢复本店数据',
        'Only the manager may restore the branch from head office',
      );
    return service(ctx).recover();
  },
  // Issue 21 §1: head office's calendar and phrase-library file, brought on a USB stick; the manager only.
  'sync.importReference': (ctx, s, input) => {
    if (s.actor.role !== 'manager')
      throw refuse('FORBIDDEN', '只有店长可以导入总部文件', "Only the manager may import head office's file");
    if (!ctx.sync)
      throw refuse(
        'FORBIDDEN',
        '此环境没有同步密钥,请用命令行 import-reference 导入',
        'There is no sync key here; import with the import-reference command',
      );
    return ctx.sync.importReference(Buffer.from(input.dataBase64, 'base64'));
  },
} satisfies Partial<PrivateHandlers>;
