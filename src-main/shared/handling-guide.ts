// Guided handling (issue 21 §3), pure: which steps of the phrase library apply to a channel, the phrases
// shown beside a step, a step ticked on a case, and the inputs of ticking. Shared by main and the renderer.
import { z } from 'zod';
import type { Channel } from './enums';
import { type HandlingStep, LibraryKey, type Phrase, type PhraseLibrary, type Situation } from './reference-data';
import { Id } from './schemas/common';

/** A step ticked on a case: who ticked it and when (ms). Unticking removes it. */
export interface HandlingStepTick {
  stepKey: string;
  tickedBy: string;
  tickedByName: string;
  tickedAt: number;
}

/** The steps for a channel, in the library's order: those naming it and those naming no channel. */
export const stepsForChannel = (lib: PhraseLibrary, channel: Channel): HandlingStep[] =>
  lib.steps.filter((s) => s.channels.length === 0 || s.channels.includes(channel));

/** A step's situations with their phrases, in the step's order (a situation without phrases is left out). */
export function phrasesOfStep(lib: PhraseLibrary, step: HandlingStep): { situation: Situation; phrases: Phrase[] }[] {
  return step.situations.flatMap((key) => {
    const situation = lib.situations.find((s) => s.key === key);
    const phrases = lib.phrases.filter((p) => p.situation === key);
    return situation && phrases.length > 0 ? [{ situation, phrases }] : [];
  });
}

/** The phrases beside a step, flat, in the order the panel numbers them (Alt+1 … Alt+9). */
export const stepPhrases = (lib: PhraseLibrary, step: HandlingStep): Phrase[] =>
  phrasesOfStep(lib, step).flatMap((g) => g.phrases);

/** The library in force at the branch, as the panel reads it (version null: the one shipped with the app). */
export interface GuidanceLibrary {
  library: PhraseLibrary;
  version: number | null;
}

export const TickStepInput = z.strictObject({ caseId: Id, stepKey: LibraryKey, ticked: z.boolean() });
export type TickStepInput = z.input<typeof TickStepInput>;

/** Steps ticked at intake before the case is saved (saved with it). */
export const IntakeSteps = z.array(LibraryKey).max(30);

/** Of the keys ticked (at intake), those the library has for the channel, in order (a draft may predate a new library). */
export const knownSteps = (lib: PhraseLibrary | undefined, channel: Channel, keys: readonly string[]): string[] => {
  const known = new Set(lib ? stepsForChannel(lib, channel).map((s) => s.key) : []);
  return keys.filter((k) => known.has(k));
};
