// `import FILE` on head office's command line (registered by cli.ts): a batch file (sealed or plain) or a USB
// container part, in any order; importing it again changes nothing. Prints what each branch's batches did.
import type { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { refuse } from '../src-main/shared/errors';
import { isContainer, PART_MAGIC } from '../src-main/sync/batch-container';
import type { PushAnswer } from '../src-main/sync/protocol';
import { ATTACHMENTS_DIR_REQUIRED, attachmentRootOf } from './attachment-root';
import { openAttachmentStore } from './attachment-store';
import { type CliKit, type KeyOptions } from './cli-kit';
import { fileHead } from './file-head';
import { importBatchFileText } from './file-import';
import { withUnsealed } from './file-unseal';
import { importUsbPart } from './usb-import';

/** A USB container part starts with its magic; anything else is read as the JSON batch file. */
const isContainerFile = (file: string): boolean => isContainer(fileHead(file, PART_MAGIC.length));

export function importCommand(program: Command, k: CliKit): void {
  k.withKeyOptions(program.command('import <file>'))
    .description(
      '导入批次文件或 U 盘分卷(任意顺序;重复导入不会改变数据)Import a batch file or a USB part (any order; importing it again changes nothing)',
    )
    .option(
      '--attachments-dir <dir>',
      '附件目录(或 HQ_ATTACHMENTS_DIR;SQLite 默认在数据库旁)attachments folder (or HQ_ATTACHMENTS_DIR; SQLite: beside the store)',
    )
    .action((file: string, o: KeyOptions & { attachmentsDir?: string }) =>
      k.withStore(async (store) => {
        await k.useMasterKey(store, k.masterKeyOf(o));
        const sum = (answers: PushAnswer[], field: 'imported' | 'unchanged') =>
          answers.reduce((n, a) => n + a[field], 0);
        const report = (branch: string, answers: PushAnswer[]) => {
          const q = answers.flatMap((a) => a.quarantined);
          k.say(
            `门店 Branch ${branch}: 批次 batches ${answers.length}, 导入 imported ${sum(answers, 'imported')}, 未变 unchanged ${sum(answers, 'unchanged')}, 隔离 quarantined ${q.length}`,
          );
          k.say(`已确认至序号 Acknowledged up to sequence ${Math.max(0, ...answers.map((a) => a.ackedSeq))}`);
          for (const x of q) k.say(`  隔离 quarantined seq ${x.seq}: ${x.reason}`);
        };
        // A sealed file (issue 20 §4) is decrypted with its branch's key first; an older plain file imports as before.
        await withUnsealed(store, file, async (plain) => {
          if (!isContainerFile(plain)) {
            const r = await importBatchFileText(store, readFileSync(plain, 'utf8'), Date.now());
            return report(r.branch, r.answers);
          }
          const root = attachmentRootOf(store, o.attachmentsDir);
          if (root === null)
            throw refuse('VALIDATION', ATTACHMENTS_DIR_REQUIRED.zh, ATTACHMENTS_DIR_REQUIRED.en, [
              { field: 'attachmentsDir', message: { zh: '缺少', en: 'is missing' } },
            ]);
          const r = await importUsbPart(store, openAttachmentStore(root), plain, Date.now());
          k.say(`分卷 Part ${r.part}/${r.parts} (${r.exportId.slice(0, 8)})`);
          report(r.branch, r.answers);
          if (r.waitingForEarlierPart)
            k.say(
              '部分记录须先导入前面的分卷,之后再导入本卷 Some records need an earlier part first; import this part again after it',
            );
          k.say(
            `附件分块 Attachment chunks ${r.chunks}: 完整 complete ${r.completed.length}, 待其他分卷 waiting for other parts ${r.incomplete.length}`,
          );
        });
      }),
    );
}
