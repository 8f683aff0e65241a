// Personal data at head office, on both stores (issue 20 §1): a branch's access log arrives with sync and
// is readable there; the console's case detail and record PDF carry the phone and other contact masked
// for every reviewer; a reviewer allowed (`reviewer personal … on`, through the CLI) reveals one case with
// a reason, logged in head office's own access log; others and reasonless reveals are refused.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addReviewer } from '../../src-headoffice/console/reviewers';
import { recordAccess } from '../../src-main/services/access-log';
import { revealPersonalData } from '../../src-main/services/personal-data-reveal';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { syncOnce } from '../../src-main/sync/sync-run';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { readPdf, squash } from '../helpers/pdf-text';
import { openTestStore, phoneCase, type TestStore } from '../helpers/store';
import { ConsoleClient, PASSWORD, startConsole } from './console-harness';
import type { Hq } from '../sync/sync-harness';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const hqCli = (args: string[], env: Record<string, string>) =>
  run(process.execPath, ['--import', 'tsx', join(ROOT, 'src-headoffice/cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  }).then(
    (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout, err: e.stderr }),
  );

const FULL = '13800138000';
const WECHAT = 'zhangsan_wx88';

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('personal data at head office on %s', (_n, backend) => {
  let hq: Hq;
  let li: ConsoleClient;
  let s: TestStore;
  let caseId: string;
  beforeEach(async () => {
    const c = await startConsole(backend);
    hq = c.hq;
    li = c.client;
    await li.signIn();
    s = openTestStore();
    caseId = phoneCase(s, { customer: { name: '张三', phone: FULL, otherContact: WECHAT } }).id;
    revealPersonalData(s.ctx, s.users.supervisor, { caseId, reason: '回访核实' });
    recordAccess(s.ctx, {
      by: s.users.manager.id,
      action: 'person_export',
      entityType: 'person',
      entityId: FULL,
      fields: ['cases'],
      reason: '本人申请',
    });
    await syncOnce({
      ctx: s.ctx,
      branch: 'SH01',
      transport: new HttpTransport({ url: hq.url, branch: 'SH01', key: c.keys.SH01 as string }),
    });
  });
  afterEach(async () => {
    s.close();
    await hq.close();
  });

  it('imports the branch access log, masks the case detail and print, reveals with a reason to an allowed reviewer', async () => {
    const rows = await hq.db.all<{ action: string; user_name: string; entity_id: string; reason: string }>(
      'SELECT action, user_name, entity_id, reason FROM hq_branch_access_log WHERE branch = ? ORDER BY at, action',
      ['SH01'],
    );
    expect(rows.map((r) => [r.action, r.user_name, r.reason]).sort()).toEqual([
      ['person_export', '王店长', '本人申请'],
      ['reveal', '赵主管', '回访核实'],
    ]);
    expect(rows.find((r) => r.action === 'person_export')?.entity_id).toBe('138****8000');

    const detail = await li.call('GET', `/console/api/cases/SH01/${caseId}`);
    expect(detail.status).toBe(200);
    const text = JSON.stringify(detail.json);
    expect(text).not.toContain(FULL);
    expect(text).not.toContain(WECHAT);
    expect(text).toContain('138****8000');
    expect(detail.json.personalData).toEqual({ masked: true, mayReveal: false });
    const pdf = await fetch(`${hq.url}/console/api/cases/SH01/${caseId}/record.pdf`, {
      headers: { cookie: li.cookie },
    });
    const printed = squash((await readPdf(Buffer.from(await pdf.arrayBuffer()))).map((p) => p.text).join(''));
    expect(printed).toContain('138****8000');
    expect(printed).not.toContain(FULL);
    expect(printed).not.toContain(WECHAT);

    // Not allowed: refused, nothing logged; the access logs are not readable either.
    const refused = await li.call('POST', `/console/api/cases/SH01/${caseId}/reveal`, { reason: '核实' });
    expect(refused.status).toBe(403);
    expect((await li.call('GET', '/console/api/access-log')).status).toBe(403);

    await addReviewer(hq.db, { username: 'wang', name: '王主任', password: PASSWORD }, Date.now());
    const cli = hq.backend.cli(hq.dir);
    const bad = await hqCli(['--db', cli.db, 'reviewer', 'personal', 'wang', 'maybe'], cli.env);
    expect(bad.code).not.toBe(0);
    const granted = await hqCli(['--db', cli.db, 'reviewer', 'personal', 'wang', 'on'], cli.env);
    expect(granted.code).toBe(0);
    const wang = new ConsoleClient(hq);
    await wang.signIn('wang');
    const hers = await wang.call('GET', `/console/api/cases/SH01/${caseId}`);
    expect(hers.json.personalData).toEqual({ masked: true, mayReveal: true });
    expect(JSON.stringify(hers.json)).not.toContain(FULL);
    const noReason = await wang.call('POST', `/console/api/cases/SH01/${caseId}/reveal`, { reason: ' ' });
    expect(noReason.status).toBe(400);
    const shown = await wang.call('POST', `/console/api/cases/SH01/${caseId}/reveal`, { reason: '  总部复核  ' });
    expect(shown.status).toBe(200);
    expect(shown.json).toEqual({ customerPhone: FULL, customerOtherContact: WECHAT });
    const own = await hq.db.all<{
      reviewer: string;
      action: string;
      entity_id: string;
      fields: string;
      reason: string;
    }>('SELECT reviewer, action, entity_id, fields, reason FROM hq_access_log');
    expect(own).toEqual([
      {
        reviewer: 'wang',
        action: 'reveal',
        entity_id: caseId,
        fields: '["customerPhone","customerOtherContact"]',
        reason: '总部复核',
      },
    ]);
    await expect(hq.db.run('DELETE FROM hq_access_log')).rejects.toThrow(/append-only/);
    const logs = await wang.call<{ entries: { source: string; who: string; action: string }[] }>(
      'GET',
      '/console/api/access-log?branch=SH01',
    );
    expect(logs.json.entries.map((e) => [e.source, e.action]).sort()).toEqual([
      ['branch', 'person_export'],
      ['branch', 'reveal'],
      ['head_office', 'reveal'],
    ]);
  });
});
