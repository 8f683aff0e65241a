// @vitest-environment jsdom
// The attachments panel over the real handler map (a real store): a file over the setting's limit is
// refused in words before anything is sent to main; the list from attachments.list shows a photo with its
// kind, name and who, and an ID copy by its kind only (no name, no buttons) to a clerk, by name to the
// secretary. Adding through main is exercised in Chromium (test/e2e/attachments.e2e.ts): file-type does
// not recognise jsdom's typed arrays, so the add path is not run under jsdom.
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { writeBlob } from '../../src-main/db/blob-store';
import type { AttachmentKind } from '../../src-main/shared/attachment-types';
import { AttachmentsPanel } from '../../src-renderer/features/attachments/AttachmentsPanel';
import { phoneCase, type TestStore } from '../helpers/store';
import { renderSigned, testStore } from './render';

/** A row as attachments.add leaves one (its blob written first); the bytes need not be an image here. */
function stored(s: TestStore, caseId: string, kind: AttachmentKind, name: string): void {
  const root = s.ctx.blobRoot;
  if (!root) throw new Error('the test store has a blob folder');
  const sha = writeBlob(root, Buffer.from(name)).sha256;
  s.db
    .prepare(
      `INSERT INTO attachments (id, owner_type, owner_id, case_id, kind, mime, name, sha256, size, added_at,
         added_by, added_by_name, updated_at) VALUES (?, 'case', ?, ?, ?, 'image/jpeg', ?, ?, 10, ?, ?, ?, ?)`,
    )
    .run(`att-${kind}`, caseId, caseId, kind, name, sha, s.clock.t, s.users.secretary.id, '李秘书', s.clock.t);
}

afterEach(() => cleanup());

describe('AttachmentsPanel', () => {
  it('refuses a file over the limit in words without sending it', async () => {
    const s = testStore();
    const c = phoneCase(s);
    const { invoke } = await renderSigned(<AttachmentsPanel owner={{ type: 'case', id: c.id }} />);
    await screen.findByText('尚无附件');
    fireEvent.change(screen.getByTestId('attachment-input'), {
      target: { files: [new File([new Uint8Array(21 * 1024 * 1024)], '录音.wav', { type: 'audio/wav' })] },
    });
    await waitFor(() =>
      expect(screen.getByTestId('attachment-refusals').textContent).toBe('“录音.wav”有 21.0 MB,超过上限 20 MB,未添加'),
    );
    expect(invoke.mock.calls.some(([ch]) => ch === 'attachments.add')).toBe(false);
  });

  it('lists a photo by name and an ID copy by its kind only for a clerk', async () => {
    const s = testStore();
    const c = phoneCase(s);
    stored(s, c.id, 'goods_photo', '开胶鞋底.jpg');
    stored(s, c.id, 'id_copy', '张三身份证.jpg');
    await renderSigned(<AttachmentsPanel owner={{ type: 'case', id: c.id }} />);
    const photo = (await screen.findByText('开胶鞋底.jpg')).closest('li');
    expect(photo?.textContent).toContain('商品照片');
    expect(photo?.textContent).toContain('李秘书');
    const restricted = await screen.findByTestId('attachment-restricted');
    expect(restricted.textContent).toBe('仅秘书室、值班主管、店长可查看');
    const item = restricted.closest('li');
    expect(item?.textContent).toContain('身份证复印件');
    expect(item?.textContent).not.toContain('张三身份证');
    expect(item?.querySelectorAll('button').length).toBe(0);
  });

  it('names the ID copy to the secretary', async () => {
    const s = testStore();
    const c = phoneCase(s);
    stored(s, c.id, 'id_copy', '张三身份证.jpg');
    await renderSigned(<AttachmentsPanel owner={{ type: 'case', id: c.id }} />, { signedAs: 'secretary' });
    expect((await screen.findByText('张三身份证.jpg')).closest('li')?.textContent).toContain('身份证复印件');
    expect(screen.queryByTestId('attachment-restricted')).toBeNull();
  });
});
