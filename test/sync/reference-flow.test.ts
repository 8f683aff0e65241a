// Reference records flowing down (issue 21 §1, §4) on every head-office store, over real HTTP: a non-editor is
// refused (403 in words), an editor publishes 2027's 调休 in the console, the preview shows exactly what a
// branch receives, a real branch store pulls it once (cursor moved, open deadlines recomputed, the sync line's
// news), and the same by a signed file from the real CLI (`reference export`): twice changes nothing, an
// older file after a newer pull changes nothing, another branch's file, a changed byte and a wrong format refused.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addReviewer } from '../../src-headoffice/console/reviewers';
import type {
  ReferenceAuditAnswer,
  ReferenceListAnswer,
  ReferencePreviewAnswer,
  ReferenceRecordAnswer,
} from '../../src-headoffice/console/contract-reference';
import { calendarYears, referenceVersions, SHIPPED_CALENDAR } from '../../src-main/db/repositories/reference-repo';
import { isAppError } from '../../src-main/shared/errors';
import type { CalendarYear } from '../../src-main/shared/reference-data';
import type { ErrorBody } from '../../src-main/sync/protocol';
import { pullInstructions } from '../../src-main/sync/instructions-pull';
import { importReferenceFile, lastReferenceUpdate, referenceCursor } from '../../src-main/sync/reference-pull';
import { ConsoleClient, PASSWORD, startConsole } from '../headoffice/console-harness';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { type Hq, transportFor } from './sync-harness';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const y2027 = SHIPPED_CALENDAR.find((y) => y.year === 2027) as CalendarYear;
const completed = (extra: string): CalendarYear => ({
  ...y2027,
  provisional: false,
  source: '国务院办公厅关于2027年部分节假日安排的通知(测试)',
  days: [...y2027.days, { date: extra, kind: 'workday', name: { zh: '春节', en: 'Spring Festival' } }],
});

function refusedWith(f: () => unknown): { code: string; zh: string } {
  try {
    f();
  } catch (e) {
    if (isAppError(e)) return { code: e.code, zh: e.messages.zh };
    throw e;
  }
  throw new Error('not refused');
}

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))(
  'reference records head office → branch (%s)',
  (_n, backend) => {
    let hq: Hq;
    let editor: ConsoleClient;
    let other: ConsoleClient;
    let keys: Record<string, string>;
    let s: TestStore;
    const hqCli = (...args: string[]) => {
      const c = hq.backend.cli(hq.dir);
      return run(process.execPath, ['--import', 'tsx', join(ROOT, 'src-headoffice/cli.ts'), '--db', c.db, ...args], {
        cwd: ROOT,
        env: { ...process.env, ...c.env },
      }).then(
        (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
      );
    };

    beforeAll(async () => {
      ({ hq, client: editor, keys } = await startConsole(backend));
      await addReviewer(hq.db, { username: 'zhao', name: '赵审核', password: PASSWORD }, Date.now());
      other = new ConsoleClient(hq);
      await editor.signIn();
      await other.signIn('zhao');
      s = openTestStore();
    }, 120_000);
    afterAll(async () => {
      s.close();
      await hq.close();
    });

    const put = (c: ConsoleClient, body: unknown) =>
      c.call<ReferenceRecordAnswer & ErrorBody>('PUT', '/console/api/reference/calendar/2027', { body });

    it('a reviewer without the editor permission is refused in words; the CLI grants it; invalid bodies are refused', async () => {
      const before = await editor.call<ReferenceListAnswer>('GET', '/console/api/reference');
      expect(before.json.mayEdit).toBe(false);
      expect(before.json.records.find((r) => r.key === '2027')).toMatchObject({
        version: 1,
        published: false,
        provisional: true,
      });
      const refused = await put(editor, completed('2027-02-20'));
      expect(refused.status).toBe(403);
      expect(refused.json.message.zh).toContain('没有编辑日历和话术库的权限');
      const grant = await hqCli('reviewer', 'editor', 'li', 'on');
      expect(grant.code).toBe(0);
      expect(grant.out).toContain('li 可编辑并发布工作日历和话术库');
      expect((await hqCli('reviewer', 'editor', 'nobody', 'on')).err).toContain('没有审核人员 nobody');
      expect((await put(other, completed('2027-02-20'))).status).toBe(403);
      const bad = await put(editor, { ...completed('2027-02-30'), source: '' });
      expect(bad.status).toBe(400);
      expect(bad.json.issues?.map((i) => i.field)).toEqual(['body.source', `body.days.${y2027.days.length}.date`]);
      const wrongYear = await put(editor, { ...completed('2027-02-20'), year: 2026 });
      expect(wrongYear.status).toBe(400);
      const noCsrf = await editor.call<ErrorBody>(
        'PUT',
        '/console/api/reference/calendar/2027',
        { body: completed('2027-02-20') },
        { csrf: null },
      );
      expect(noCsrf.status).toBe(403);
      expect((await editor.call<ReferenceAuditAnswer>('GET', '/console/api/reference/audit')).json.entries).toEqual([]);
      const missing = await editor.call<ErrorBody>('GET', '/console/api/reference/calendar/2031');
      expect(missing.status).toBe(404);
      expect(missing.json.message.zh).toBe('总部没有 2031 年的日历');
      expect((await editor.call<ErrorBody>('GET', '/console/api/reference/calendar/1999')).status).toBe(400);
      const lib = await editor.call<ReferenceRecordAnswer>('GET', '/console/api/reference/phrases');
      expect(lib.json).toMatchObject({ record: { kind: 'phrases', key: 'library', version: 1 }, published: false });
      const noBody = await editor.call<ErrorBody>('PUT', '/console/api/reference/phrases', {});
      expect(noBody.status).toBe(400);
      expect(noBody.json.issues?.[0]?.field).toBe('body');
      expect((await editor.call<ErrorBody>('GET', '/console/api/reference/audit?kind=holidays')).status).toBe(400);
    }, 120_000);

    it('published by the editor, previewed, pulled once by the branch: cursor moved, deadlines recomputed, news kept', async () => {
      const open = phoneCase(s);
      s.db.prepare('UPDATE cases SET due_at = 1 WHERE id = ?').run(open.id);
      const r = await put(editor, completed('2027-02-20'));
      expect(r.status).toBe(201);
      expect(r.json.record).toMatchObject({ kind: 'calendar', key: '2027', version: 2, publishedBy: '李审核' });
      const audit = await editor.call<ReferenceAuditAnswer>(
        'GET',
        '/console/api/reference/audit?kind=calendar&key=2027',
      );
      expect(audit.json.entries.map((e) => [e.version, e.reviewer, e.reviewerName])).toEqual([[2, 'li', '李审核']]);
      const preview = await editor.call<ReferencePreviewAnswer>('GET', '/console/api/reference/preview');
      expect(preview.json.reference.map((x) => x.record)).toEqual([r.json.record]);
      const same = await put(editor, completed('2027-02-20'));
      expect(same.status).toBe(409);

      const pulled = await pullInstructions(s.ctx, transportFor(hq, 'SH01', keys.SH01 as string));
      expect(pulled.reference).toBe(1);
      expect(referenceCursor(s.db)).toBe(preview.json.referenceCursor);
      const held = calendarYears(s.db).find((y) => y.year === 2027);
      expect(held?.provisional).toBe(false);
      expect(held?.days.some((d) => d.date === '2027-02-20' && d.kind === 'workday')).toBe(true);
      expect(referenceVersions(s.db)).toEqual([
        expect.objectContaining({ kind: 'calendar', key: '2027', version: 2, receivedVia: 'network' }),
      ]);
      // refreshDeadlines ran: the spoiled deadline is computed again.
      const due = s.db.prepare('SELECT due_at AS d FROM cases WHERE id = ?').get(open.id) as { d: number };
      expect(due.d).toBe(open.dueAt);
      expect(lastReferenceUpdate(s.db, s.clock.t)).toMatchObject({
        calendarYears: [2027],
        phrases: false,
        via: 'network',
      });
      expect(lastReferenceUpdate(s.db, s.clock.t + 8 * 24 * 3_600_000)).toBeNull();
      expect((await pullInstructions(s.ctx, transportFor(hq, 'SH01', keys.SH01 as string))).reference).toBe(0);
      const after = await editor.call<ReferencePreviewAnswer>(
        'GET',
        `/console/api/reference/preview?after=${referenceCursor(s.db)}`,
      );
      expect(after.json.reference).toEqual([]);
    }, 120_000);

    it('by file: applied once (twice changes nothing), an older file changes nothing, refusals in words', async () => {
      const out = join(hq.dir, 'SH01-reference.json');
      const exp = await hqCli('reference', 'export', '--branch', 'sh01', '--out', out, '--insecure-keys');
      expect(exp.code).toBe(0);
      expect(exp.out).toContain('日历 calendar 2027: 第 2 版');
      const bytes = readFileSync(out);
      const b = openTestStore();
      try {
        const first = importReferenceFile(b.ctx, bytes, 'SH01', keys.SH01 as string);
        expect(first.stored.map((x) => `${x.key}@${x.version}`)).toEqual(['2027@2']);
        const snapshot = JSON.stringify(referenceVersions(b.db));
        expect(importReferenceFile(b.ctx, bytes, 'SH01', keys.SH01 as string).stored).toEqual([]);
        expect(JSON.stringify(referenceVersions(b.db))).toBe(snapshot);
        expect(referenceVersions(b.db)[0]?.receivedVia).toBe('file');

        expect(refusedWith(() => importReferenceFile(b.ctx, bytes, 'SH02', keys.SH02 as string)).zh).toContain(
          '这个文件是总部写给门店 SH01 的',
        );
        const tampered = Buffer.from(bytes.toString('utf8').replace('2027-02-20', '2027-02-21'));
        expect(refusedWith(() => importReferenceFile(b.ctx, tampered, 'SH01', keys.SH01 as string))).toMatchObject({
          code: 'AUTH_FAILED',
          zh: expect.stringContaining('文件签名不符'),
        });
        expect(
          refusedWith(() => importReferenceFile(b.ctx, Buffer.from('{"x":1}'), 'SH01', keys.SH01 as string)).zh,
        ).toContain('格式不对');

        // The branch CLI: a newer version by pull first, then the older file: nothing changes.
        expect((await put(editor, completed('2027-02-27'))).json.record?.version).toBe(3);
        await pullInstructions(s.ctx, transportFor(hq, 'SH01', keys.SH01 as string));
        s.db.close();
        const cli = await run(
          process.execPath,
          [
            '--import',
            'tsx',
            join(ROOT, 'src-main/cli/index.ts'),
            'import-reference',
            '--db',
            s.file,
            '--file',
            out,
            '--branch',
            'SH01',
            '--key',
            keys.SH01 as string,
          ],
          { cwd: ROOT },
        );
        expect(cli.stdout).toContain('已更新 updated: 0');
        expect(cli.stdout).toContain('本店已有这些版本或更新的版本');
        const wrong = join(hq.dir, 'wrong.json');
        writeFileSync(wrong, 'not json');
        const refused = await run(
          process.execPath,
          [
            '--import',
            'tsx',
            join(ROOT, 'src-main/cli/index.ts'),
            'import-reference',
            '--db',
            s.file,
            '--file',
            wrong,
            '--branch',
            'SH01',
            '--key',
            keys.SH01 as string,
          ],
          { cwd: ROOT },
        ).then(
          () => ({ code: 0, err: '' }),
          (e: { code: number; stderr: string }) => ({ code: e.code, err: e.stderr }),
        );
        expect(refused.code).toBe(2);
        expect(refused.err).toContain('这不是总部的日历和话术库文件');
      } finally {
        b.close();
      }
    }, 180_000);
  },
);
