// A 批示's versions: head office never changes a 批示 it sent; it corrects or withdraws one by a
// new version naming the one it supersedes, with a reason. This reads the chains as shown.
export const INSTRUCTION_KINDS = ['instruction', 'correction', 'withdrawal'] as const;
export type InstructionKind = (typeof INSTRUCTION_KINDS)[number];

export interface InstructionVersion {
  id: string;
  text: string;
  /** Absent on an instruction stored before versions existed: a plain 批示. */
  kind?: InstructionKind | null;
  reason?: string | null;
  supersedesId?: string | null;
}

export interface InstructionChain<T extends InstructionVersion> {
  /** The 批示 as first sent. */
  original: T;
  /** Its newest version (the original itself when never corrected or withdrawn). */
  latest: T;
  /** The text in force: the latest correction's, or the last text before a withdrawal. */
  text: string;
  state: 'current' | 'corrected' | 'withdrawn';
}

/** Each 批示 with its newest version, in the order given (a version whose target is unknown stands alone). */
export function instructionChains<T extends InstructionVersion>(list: readonly T[]): InstructionChain<T>[] {
  const byId = new Map(list.map((i) => [i.id, i]));
  const next = new Map<string, T>();
  for (const i of list) if (i.supersedesId && byId.has(i.supersedesId)) next.set(i.supersedesId, i);
  const chains: InstructionChain<T>[] = [];
  for (const original of list) {
    if (original.supersedesId && byId.has(original.supersedesId)) continue;
    let latest = original;
    let text = original.text;
    const seen = new Set([original.id]);
    for (let n = next.get(latest.id); n && !seen.has(n.id); n = next.get(latest.id)) {
      seen.add(n.id);
      latest = n;
      if (n.kind !== 'withdrawal') text = n.text;
    }
    const state = latest.kind === 'withdrawal' ? 'withdrawn' : latest === original ? 'current' : 'corrected';
    chains.push({ original, latest, text, state });
  }
  return chains;
}

/** Whether any 批示 is in force (neither withdrawn nor superseded). */
export const hasInstructionInForce = (list: readonly InstructionVersion[]): boolean =>
  instructionChains(list).some((c) => c.state !== 'withdrawn');
