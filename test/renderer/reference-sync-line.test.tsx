// @vitest-environment jsdom
// The sync line and head office's file (issue 21 §1), over the real handler map and a real head office: the
// manager picks head office's signed file in 导入总部文件, main applies it, the line then says 日历已更新 2027;
// a second import of the same file says nothing changed; a clerk has no such button.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { referenceFileFor } from '../../src-headoffice/reference-export';
import { publishReference } from '../../src-headoffice/reference-store';
import { SHIPPED_CALENDAR } from '../../src-main/db/repositories/reference-repo';
import { createSyncService } from '../../src-main/sync/sync-service';
import { SyncStatus } from '../../src-renderer/features/sync/SyncStatus';
import { type Hq, startHq } from '../sync/sync-harness';
import { renderSigned, resetDrafts, testStore } from './render';

const noTimers = { setTimeout: () => 0, clearTimeout: () => undefined };

describe('the sync line and head office’s reference file', () => {
  let hq: Hq;
  let key = '';
  let text = '';
  beforeAll(async () => {
    hq = await startHq();
    key = await hq.addBranch('SH01');
    const y2027 = SHIPPED_CALENDAR.find((y) => y.year === 2027);
    await publishReference(
      hq.db,
      { kind: 'calendar', key: '2027', body: { ...y2027, provisional: false } },
      { reviewerId: 'li', name: '李审核' },
    );
    text = (await referenceFileFor(hq.db, 'SH01', Date.now())).text;
  }, 60_000);
  afterAll(() => hq.close());
  afterEach(() => {
    cleanup();
    resetDrafts();
  });

  const withSync = () => {
    const s = testStore();
    Object.assign(s.ctx, {
      sync: createSyncService(s.ctx, { config: () => ({ branch: 'SH01', url: hq.url, key }), timers: noTimers }),
    });
  };
  const pick = async (name: string) => {
    const input = await screen.findByTestId('reference-import-input');
    fireEvent.change(input, { target: { files: [new File([text], name, { type: 'application/json' })] } });
  };

  it('the manager imports the file; the line says 日历已更新 2027; the same file again changes nothing', async () => {
    withSync();
    await renderSigned(<SyncStatus />, { signedAs: 'manager' });
    expect(screen.queryByTestId('sync-reference-news')).toBeNull();
    await pick('总部文件-SH01.json');
    expect(await screen.findByText('已导入总部文件:更新 1 项(2027 年日历)')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('sync-reference-news').textContent).toContain('日历已更新 2027'));
    await pick('总部文件-SH01.json');
    expect(await screen.findByText('本店已有文件中的版本或更新的版本,未作改动')).toBeTruthy();
  }, 60_000);

  it('a clerk sees no import button', async () => {
    withSync();
    await renderSigned(<SyncStatus />);
    await screen.findByTestId('sync-status');
    expect(screen.queryByText('导入总部文件')).toBeNull();
    expect(screen.queryByTestId('reference-import-input')).toBeNull();
  });
});
