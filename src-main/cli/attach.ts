// `attach` and `attachments-check` (issue 19): a file attached to a case or slip found by its number,
// for a scanner's folder and for support — the same service and checks as the screen, acting as the
// member of staff named by --staff (her role decides what she may attach to) — and the sweep's report.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createBranchApp } from '../app';
import { openStore } from './store-open';
import { findCaseIdByNumber } from '../db/repositories/case-repo';
import { findSlipIdByNumber } from '../db/repositories/slip-repo';
import { parseNumber } from '../domain/numbering';
import { addAttachment } from '../services/attachment-intake';
import { sweepAttachments, sweepIsClean } from '../services/attachment-sweep';
import { listUsers } from '../services/users';
import type { AttachmentKind } from '../shared/attachment-types';
import { refuse } from '../shared/errors';
import { ATTACHMENT_KIND_LABELS } from '../shared/i18n/vocabulary';
import { DEFAULT_BRANCH_SETTINGS } from '../shared/settings-schema';
import { EXIT, formatBytes, type Out, requireExistingFile } from './output';

export interface AttachOptions {
  db: string;
  number: string;
  file: string;
  kind: AttachmentKind;
  staff: string;
}

/** The case or slip of a number (TH… is a slip). */
function ownerOf(db: Parameters<typeof findCaseIdByNumber>[0], number: string): { type: 'case' | 'slip'; id: string } {
  const parsed = parseNumber(number);
  if (!parsed)
    throw refuse(
      'VALIDATION',
      `编号 ${number} 格式不正确,应如 SH01-YY-202611-0001`,
      `${number} is not a number like SH01-YY-202611-0001`,
    );
  const slip = parsed.kindCode === 'TH';
  const id = slip ? findSlipIdByNumber(db, number) : findCaseIdByNumber(db, number);
  if (!id)
    throw refuse(
      'NOT_FOUND',
      `找不到${slip ? '退换货单' : '个案'} ${number}`,
      `No ${slip ? 'slip' : 'case'} numbered ${number}`,
    );
  return { type: slip ? 'slip' : 'case', id };
}

export async function attachFile(opts: AttachOptions, out: Out): Promise<number> {
  requireExistingFile(opts.db);
  if (!statSync(opts.file, { throwIfNoEntry: false })?.isFile())
    throw refuse('NOT_FOUND', `找不到文件 ${opts.file}`, `File ${opts.file} not found`);
  const { db } = openStore(opts.db);
  try {
    const { ctx } = createBranchApp({ db, settings: { branch: () => DEFAULT_BRANCH_SETTINGS } });
    const staffNo = opts.staff.trim().toUpperCase();
    const actor = listUsers(ctx).find((u) => u.staffNo.toUpperCase() === staffNo && u.active);
    if (!actor)
      throw refuse('NOT_FOUND', `没有在职的工号 ${opts.staff}`, `No active member of staff numbered ${opts.staff}`);
    const number = opts.number.trim();
    const owner = ownerOf(db, number);
    const { attachment: a, duplicateOf } = await addAttachment(ctx, actor, {
      owner,
      kind: opts.kind,
      name: basename(opts.file),
      dataBase64: readFileSync(opts.file).toString('base64'),
    });
    const kind = ATTACHMENT_KIND_LABELS[a.kind];
    const size = `${formatBytes(a.size)}${a.width ? `, ${a.width}×${a.height}` : ''}`;
    if (duplicateOf) {
      out.line(`同一文件已附加在 ${number},未重复添加(附件 ${duplicateOf})`);
      out.line(`The same file is already attached to ${number}: nothing added (attachment ${duplicateOf})`);
    } else {
      out.line(`已附加到 ${number}:${kind.zh} ${basename(opts.file)}(${a.mime},${size})附件 ${a.id}`);
      out.line(`Attached to ${number}: ${kind.en} ${basename(opts.file)} (${a.mime}, ${size}) attachment ${a.id}`);
    }
    return EXIT.ok;
  } finally {
    db.close();
  }
}

/** The sweep: files without rows, rows without files; exit 1 when anything is wrong. Deletes nothing. */
export function checkAttachments(opts: { db: string; verify?: boolean }, out: Out): number {
  requireExistingFile(opts.db);
  const { db } = openStore(opts.db);
  try {
    const { ctx } = createBranchApp({ db, settings: { branch: () => DEFAULT_BRANCH_SETTINGS } });
    const r = sweepAttachments(ctx, { verify: opts.verify ?? false });
    out.line(`附件目录 Attachment folder: ${r.blobRoot ?? '-'}`);
    out.line(
      `文件 Files: ${r.files}    记录 Rows: ${r.rows}${opts.verify ? '    已逐个校验哈希 hashes verified' : ''}`,
    );
    const section = (zh: string, en: string, items: string[]) => {
      out.line(`${zh} ${en}: ${items.length === 0 ? 'ok' : items.length}`);
      for (const i of items.slice(0, 50)) out.line(`  ${i}`);
      if (items.length > 50) out.line(`  … 另有 ${items.length - 50} 个 ${items.length - 50} more`);
    };
    section(
      '无记录的文件(孤立)',
      'Files without a row (orphans)',
      r.orphans.map((o) => `${o.sha256}  ${formatBytes(o.size)}`),
    );
    section('记录的文件缺失', 'Rows whose file is missing', r.missing);
    section('文件大小或内容不符', 'Files of another size or content', r.damaged);
    section('附件引用但无文件记录', 'Named by an attachment without a blob row', r.unrecorded);
    if (sweepIsClean(r)) {
      out.line('附件检查通过 Attachments OK');
      return EXIT.ok;
    }
    out.line('发现问题(未删除任何文件)Problems found (nothing was deleted)');
    return EXIT.problem;
  } finally {
    db.close();
  }
}
