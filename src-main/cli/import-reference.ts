// `import-reference`: head office's calendar and phrase-library file from a USB stick (issue 21 §1), checked for
// this branch with its sync key and applied (a newer version replaces the one held; the same file twice, or an
// older one, changes nothing). The branch code and key come from options or the environment.
import { readFileSync } from 'node:fs';
import { createBranchApp } from '../app';
import { BranchSettingsSchema, DEFAULT_BRANCH_SETTINGS } from '../shared/settings-schema';
import { parseInput } from '../shared/validation';
import { checkBranchAndKey } from '../sync/export-batch';
import { importReferenceFile } from '../sync/reference-pull';
import { branchAndKeyFrom, EXIT, type Out, requireExistingFile } from './output';
import { openStore } from './store-open';

export interface ImportReferenceOptions {
  db: string;
  file: string;
  branch?: string;
  key?: string;
}

const label = (r: { kind: string; key: string; version: number }) =>
  `${r.kind === 'calendar' ? `日历 calendar ${r.key}` : '话术库 phrase library'}: 第 ${r.version} 版 version ${r.version}`;

export function importReferenceCommand(
  o: ImportReferenceOptions,
  out: Out,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const given = branchAndKeyFrom(o, env);
  const { branch, key } = checkBranchAndKey(given.branch, given.key);
  requireExistingFile(o.db);
  const bytes = readFileSync(o.file);
  const settings = parseInput(BranchSettingsSchema, { ...DEFAULT_BRANCH_SETTINGS, branchCode: branch });
  const { db } = openStore(o.db);
  try {
    const { ctx } = createBranchApp({ db, settings: { branch: () => settings } });
    const r = importReferenceFile(ctx, bytes, branch, key);
    out.line(`文件中 In the file: ${r.inFile.length}; 已更新 updated: ${r.stored.length}`);
    for (const x of r.stored) out.line(`  ${label(x)}`);
    if (r.stored.length === 0)
      out.line(
        '本店已有这些版本或更新的版本,未作改动 This branch already holds these versions or newer; nothing changed',
      );
    return EXIT.ok;
  } finally {
    db.close();
  }
}
