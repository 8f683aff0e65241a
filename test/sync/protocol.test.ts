// The sync wire's contract on the branch side: answers and refusals of head office are parsed
// with protocol.ts, so a malformed answer is a retryable 502 in words, never a crash or a false acknowledgement.
import { describe, expect, it } from 'vitest';
import { decodeBatchFile, encodeBatchFile } from '../../src-main/sync/batch-file';
import { HttpTransport } from '../../src-main/sync/http-transport';
import { BatchEnvelope, ErrorBody, PushAnswer } from '../../src-main/sync/protocol';
import { TransportError } from '../../src-main/sync/transport';

const answering = (status: number, body: unknown) =>
  new HttpTransport({
    url: 'https://hq.invalid',
    branch: 'SH01',
    key: 'key-of-sh01-0123456789',
    fetch: async () => new Response(JSON.stringify(body), { status }),
  });

async function failure(p: Promise<unknown>): Promise<TransportError> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(TransportError);
  if (!(e instanceof TransportError)) throw new Error('expected a TransportError');
  return e;
}

describe('the sync contract', () => {
  it('reads the push and pull answers head office gives', async () => {
    const push = {
      ackedSeq: 3,
      imported: 3,
      unchanged: 0,
      duplicate: false,
      quarantined: [{ seq: null, reason: 'x' }],
    };
    expect(await answering(200, push).push(Buffer.from('b'))).toEqual(push);
    const pull = {
      instructions: [
        {
          seq: 1,
          instructionId: 'i',
          caseId: 'c',
          caseNumber: 'SH01-YY-202611-0001',
          branch: 'SH01',
          text: '同意',
          reviewerName: '部本部',
          instructedAt: '2026-11-01T00:00:00.000Z',
        },
      ],
      cursor: 1,
    };
    expect(await answering(200, pull).pull(0)).toEqual(pull);
  });

  it('treats an answer that does not match as a retryable 502, not as an acknowledgement', async () => {
    const e = await failure(answering(200, { ackedSeq: '9' }).push(Buffer.from('b')));
    expect(e.status).toBe(502);
    expect(e.retryable).toBe(true);
    expect(e.messages.zh).toContain('无法读取');
    expect((await failure(answering(200, { instructions: [{ seq: 1 }], cursor: 1 }).pull(0))).status).toBe(502);
  });

  it('takes the reason of a refusal from the error body, and only a sync reason as `why`', async () => {
    const gap = await failure(
      answering(409, { code: 'GAP', message: { zh: '缺口', en: 'gap' }, expectedSeq: 4 }).push(Buffer.from('b')),
    );
    expect([gap.why, gap.detail.expectedSeq, gap.messages.en, gap.retryable]).toEqual(['GAP', 4, 'gap', false]);
    const limited = await failure(
      answering(429, { code: 'RATE_LIMITED', message: { zh: '太频繁', en: 'too many' } }).pull(0),
    );
    expect([limited.why, limited.messages.en, limited.retryable]).toEqual([null, 'too many', true]);
    const page = await failure(answering(502, '<html>bad gateway</html>').pull(0));
    expect(page.messages.en).toBe('Head office answered HTTP 502');
  });

  it('describes every wire shape with its schema', () => {
    expect(
      PushAnswer.safeParse({ ackedSeq: 1, imported: 1, unchanged: 0, duplicate: false, quarantined: [] }).success,
    ).toBe(true);
    expect(
      BatchEnvelope.safeParse({
        protocol: 1,
        schema: 1,
        branch: 'SH01',
        epoch: 'e',
        firstSeq: 1,
        lastSeq: 1,
        count: 1.5,
        sha256: 'x',
      }).success,
    ).toBe(false);
    expect(
      ErrorBody.safeParse({ code: 'GAP', message: { zh: '缺口', en: 'gap' }, expectedSeq: 4, seq: 9 }).success,
    ).toBe(true);
    const text = encodeBatchFile({
      branch: 'SH01',
      createdAt: 0,
      batches: [{ branch: 'SH01', timestamp: 0, nonce: 'n', signature: 's', body: 'b' }],
    });
    expect(decodeBatchFile(text).batches).toHaveLength(1);
    expect(() => decodeBatchFile(text.replace('"timestamp":0', '"timestamp":"0"'))).toThrow(
      /not a branch sync batch file/,
    );
  });
});
