// @vitest-environment jsdom
// A 批示's correction and another's withdrawal, written in the console of a real head office
// (every store), reach a real branch store by its instruction pull and are shown by the branch's
// case screen: the corrected text with 已更正 and the reason, the withdrawn one struck through
// with 已撤回 and the reason; the originals stay stored.
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { InstructionAnswer } from '../../src-headoffice/console/api-contract';
import { loadCase } from '../../src-main/db/repositories/case-repo';
import { forwardCase } from '../../src-main/services/case-workflow';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { syncOnce } from '../../src-main/sync/sync-run';
import { CaseDetail } from '../../src-renderer/features/cases/CaseDetail';
import { startConsole } from '../headoffice/console-harness';
import { HQ_BACKENDS } from '../helpers/hq-backends';
import { phoneCase } from '../helpers/store';
import { renderSigned, resetDrafts, testStore } from './render';

const uuid = (n: number) => `0190b000-0000-7000-8000-${String(n).padStart(12, '0')}`;

afterEach(() => {
  cleanup();
  resetDrafts();
});

describe.each(HQ_BACKENDS.map((b) => [b.name, b] as const))('批示 versions reach the branch (%s)', (_name, backend) => {
  it('shows a corrected 批示 with 已更正 and a withdrawn one struck through with 已撤回, each with its reason', async () => {
    const { hq, client, keys } = await startConsole(backend);
    try {
      await client.signIn();
      const s = testStore();
      const c = phoneCase(s);
      forwardCase(s.ctx, s.users.secretary, { caseId: c.id, handlingUnitId: s.units.shoes });
      const transport = new HttpTransport({ url: hq.url, branch: 'SH01', key: keys.SH01 as string });
      await syncOnce({ ctx: s.ctx, branch: 'SH01', transport });
      const base = `/console/api/cases/SH01/${c.id}/instructions`;
      const post = async (path: string, body: Record<string, unknown>) => {
        const r = await client.call<InstructionAnswer>('POST', path, body);
        expect(r.status).toBe(201);
        return r.json.instruction;
      };
      await post(base, { clientId: uuid(1), text: '请退货' });
      await post(base, { clientId: uuid(2), text: '请书面致歉', confirmAnother: true });
      // The branch pulls the two originals first, then the versions: each version supersedes one it holds.
      expect((await syncOnce({ ctx: s.ctx, branch: 'SH01', transport })).instructionsApplied).toBe(2);
      await post(`${base}/${uuid(1)}/versions`, {
        clientId: uuid(3),
        version: 'correction',
        text: '请换货并致歉',
        reason: '顾客改为要求换货',
      });
      await post(`${base}/${uuid(2)}/versions`, { clientId: uuid(4), version: 'withdrawal', reason: '已当面致歉' });
      expect((await syncOnce({ ctx: s.ctx, branch: 'SH01', transport })).instructionsApplied).toBe(2);

      const stored = loadCase(s.db, c.id)?.instructions ?? [];
      expect(stored.map((i) => [i.id, i.kind, i.reason, i.supersedesId])).toEqual([
        [uuid(1), 'instruction', null, null],
        [uuid(2), 'instruction', null, null],
        [uuid(3), 'correction', '顾客改为要求换货', uuid(1)],
        [uuid(4), 'withdrawal', '已当面致歉', uuid(2)],
      ]);
      expect(stored[0]?.text).toBe('请退货');

      await renderSigned(<CaseDetail id={c.id} />);
      const corrected = await screen.findByTestId(`instruction-${uuid(1)}`);
      expect(corrected.textContent).toContain('请换货并致歉');
      expect(corrected.textContent).not.toContain('请退货');
      expect(corrected.textContent).toContain('已更正');
      expect(corrected.textContent).toContain('理由:顾客改为要求换货');
      const withdrawn = screen.getByTestId(`instruction-${uuid(2)}`);
      expect(withdrawn.textContent).toContain('已撤回');
      expect(withdrawn.textContent).toContain('理由:已当面致歉');
      const struck = withdrawn.querySelector<HTMLElement>('[data-testid="instruction-struck"]');
      expect(struck?.textContent).toBe('请书面致歉');
      expect(struck?.style.textDecoration).toBe('line-through');
      // The versions are shown on their 批示, not as 批示 of their own.
      expect(screen.queryByTestId(`instruction-${uuid(3)}`)).toBeNull();
      expect(screen.queryByTestId(`instruction-${uuid(4)}`)).toBeNull();
    } finally {
      hq.close();
    }
  });
});
