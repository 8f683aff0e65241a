// What the head-office CLI's command modules share (cli.ts builds it): the store, the master-key options, the
// printer, and the reviewer permission switches (`reviewer personal|restricted|editor USERNAME on|off`).
import type { Command } from 'commander';
import { refuse } from '../src-main/shared/errors';
import type { HqStore } from './store';

export interface KeyOptions {
  masterKeyFile?: string;
  insecureKeys?: boolean;
}

export interface CliKit {
  /** Runs fn with the store (--db, else HQ_DATABASE_URL) open, closing it after. */
  withStore<T>(fn: (s: HqStore) => Promise<T>): Promise<T>;
  /** --master-key-file and --insecure-keys on a command that reads or writes branch keys. */
  withKeyOptions(c: Command): Command;
  /** The master key (read before the store is touched), or null with --insecure-keys; else a refusal. */
  masterKeyOf(o: KeyOptions): Buffer | null;
  /** Seals the store's clear branch keys with the master key (after checking it opens the sealed ones). */
  useMasterKey(store: HqStore, master: Buffer | null): Promise<void>;
  say(s: string): void;
}

/** A reviewer switch's argument: `on` is true, `off` false; anything else is refused in both languages. */
export function onOffOf(onOff: string): boolean {
  if (onOff !== 'on' && onOff !== 'off')
    throw refuse('VALIDATION', '须为 on 或 off', 'Must be on or off', [
      { field: 'onOff', message: { zh: '须为 on 或 off', en: 'must be on or off' } },
    ]);
  return onOff === 'on';
}

export interface ReviewerSwitch {
  /** The sub-command: `reviewer NAME <username> <onOff>`. */
  name: string;
  description: string;
  /** Sets the permission; false when there is no such reviewer. */
  set(store: HqStore, username: string, on: boolean): Promise<boolean>;
  /** What is printed after, in both languages. */
  said(username: string, on: boolean): string;
}

/** Registers one reviewer permission switch: on/off checked, an unknown reviewer refused in both languages. */
export function reviewerSwitch(reviewer: Command, k: CliKit, w: ReviewerSwitch): void {
  reviewer
    .command(`${w.name} <username> <onOff>`)
    .description(w.description)
    .action((username: string, onOff: string) =>
      k.withStore(async (store) => {
        const on = onOffOf(onOff);
        if (!(await w.set(store, username, on)))
          throw refuse('NOT_FOUND', `没有审核人员 ${username}`, `No reviewer ${username}`);
        k.say(w.said(username, on));
      }),
    );
}
