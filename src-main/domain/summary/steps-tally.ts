// The summary's "handling steps followed" (issue 21 §3), pure: from the period's cases per channel and the
// steps ticked on each case, by the library in force: the cases with every step for their channel ticked,
// and per step how many of the cases it applies to ticked it. A tick of a step the library no longer has,
// or of a step not for the case's channel, counts nowhere.
import { CHANNELS, type Channel } from '../../shared/enums';
import { stepsForChannel } from '../../shared/handling-guide';
import type { PhraseLibrary } from '../../shared/reference-data';
import type { HandlingStepsSummary } from '../../shared/summary-types';

export function tallyHandlingSteps(
  lib: PhraseLibrary,
  casesByChannel: readonly { channel: Channel; n: number }[],
  ticked: Iterable<{ channel: Channel; keys: string }>,
): HandlingStepsSummary {
  const forChannel = new Map(CHANNELS.map((ch) => [ch, new Set(stepsForChannel(lib, ch).map((s) => s.key))]));
  const casesOf = new Map(casesByChannel.map((r) => [r.channel, r.n]));
  const tickedBy = new Map<string, number>();
  let allSteps = 0;
  for (const row of ticked) {
    const applies = forChannel.get(row.channel);
    if (!applies || applies.size === 0) continue;
    const keys = new Set(row.keys.split(' ').filter((k) => applies.has(k)));
    for (const k of keys) tickedBy.set(k, (tickedBy.get(k) ?? 0) + 1);
    if (keys.size === applies.size) allSteps += 1;
  }
  return {
    cases: casesByChannel.reduce((n, r) => n + r.n, 0),
    allSteps,
    steps: lib.steps.map((s) => ({
      key: s.key,
      title: s.title,
      applicable: CHANNELS.filter((ch) => forChannel.get(ch)?.has(s.key)).reduce(
        (n, ch) => n + (casesOf.get(ch) ?? 0),
        0,
      ),
      ticked: tickedBy.get(s.key) ?? 0,
    })),
  };
}
