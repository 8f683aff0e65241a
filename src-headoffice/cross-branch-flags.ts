// The cross-branch flags one branch is told on sync (issue 18 §3, §4; src-main/sync/README.md):
// its hashing key, the keyed hashes of customers unfounded at other branches with their count,
// and the double refunds its own slips are part of. The phone itself is never in the answer.
import { createHmac, randomBytes } from 'node:crypto';
import { type CrossBranchFlags, PHONE_HASH } from '../src-main/shared/cross-branch-protocol';
import type { ChainFacts, ChainFactsCache } from './cross-branch-facts';
import type { HqStore } from './store';

const SECRET = 'cross_branch_phone';

/** Head office's secret, made at the first ask (two first asks at once keep the one stored first). */
export async function crossBranchSecret(store: HqStore): Promise<Buffer> {
  await store.run('INSERT INTO hq_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [
    SECRET,
    randomBytes(32).toString('hex'),
  ]);
  const row = await store.get<{ value: string }>('SELECT value FROM hq_secrets WHERE name = ?', [SECRET]);
  return Buffer.from(row?.value ?? '', 'hex');
}

/** Head office's side of PHONE_HASH (the branch computes it alike in db/repositories/cross-branch-repo.ts). */
const phoneHash = (phoneKeyHex: string, normalizedPhone: string): string =>
  createHmac(PHONE_HASH.algorithm, Buffer.from(phoneKeyHex, 'hex'))
    .update(normalizedPhone)
    .digest('hex')
    .slice(0, PHONE_HASH.hexChars);

/** The branch's hashing key: one per branch, so one branch's list and key say nothing of another's. */
export const branchPhoneKey = (secret: Buffer, branch: string): string =>
  createHmac('sha256', secret).update(`phone-key\u0000${branch}`).digest('hex');

export function flagsFor(branch: string, phoneKey: string, facts: ChainFacts): CrossBranchFlags {
  const complainants: CrossBranchFlags['complainants'] = [];
  for (const [phone, perBranch] of facts.unfounded) {
    let unfounded = 0;
    for (const [b, n] of perBranch) if (b !== branch) unfounded += n;
    if (unfounded > 0) complainants.push({ h: phoneHash(phoneKey, phone), unfounded });
  }
  complainants.sort((a, b) => (a.h < b.h ? -1 : 1));
  return {
    asOf: facts.computedAt,
    phoneKey,
    complainants,
    doubleRefunds: facts.doubleRefunds.filter((p) => p.slips.some((s) => s.branch === branch)),
  };
}

/** The answer of GET /v1/cross-branch for the signed branch. */
export async function crossBranchAnswer(
  store: HqStore,
  cache: ChainFactsCache,
  branch: string,
  now: number,
): Promise<CrossBranchFlags> {
  const key = branchPhoneKey(await crossBranchSecret(store), branch);
  return flagsFor(branch, key, await cache.get(now));
}
