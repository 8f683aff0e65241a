// Head office's CLI commands of issue 21, registered by cli.ts: `reviewer editor USERNAME on|off` (whether the
// reviewer may publish the calendar and the phrase library in the console) and `reference export --branch CODE
// --out FILE` (the signed reference file for that branch's USB stick).
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { type CliKit, type KeyOptions, reviewerSwitch } from './cli-kit';
import { referenceFileFor } from './reference-export';
import { setEditsReference } from './reference-store';

export function referenceCommands(program: Command, reviewer: Command, k: CliKit): void {
  reviewerSwitch(reviewer, k, {
    name: 'editor',
    description:
      "允许(on)或撤销(off)该审核人员在控制台编辑并发布工作日历和话术库 Allow (on) or withdraw (off) the reviewer's editing and publishing of the working calendar and the phrase library",
    set: setEditsReference,
    said: (username, on) =>
      on
        ? `${username} 可编辑并发布工作日历和话术库 may edit and publish the calendar and the phrase library`
        : `${username} 不可编辑工作日历和话术库 may not edit the calendar or the phrase library`,
  });

  k.withKeyOptions(
    program
      .command('reference')
      .description('总部发布的工作日历和话术库 The calendar and phrase library head office publishes')
      .command('export'),
  )
    .description(
      '为一家门店写出现行的日历和话术库文件(用该店同步密钥签名,供 U 盘带去导入)Write the records in force for one branch, signed with its sync key, for a USB stick',
    )
    .requiredOption('--branch <code>', '门店编码 branch code')
    .requiredOption('--out <file>', '输出文件 output file')
    .action((o: KeyOptions & { branch: string; out: string }) =>
      k.withStore(async (store) => {
        await k.useMasterKey(store, k.masterKeyOf(o));
        const f = await referenceFileFor(store, o.branch, Date.now());
        writeFileSync(o.out, f.text);
        k.say(`已写出 Written ${o.out} → 门店 branch ${o.branch.trim().toUpperCase()}`);
        if (f.records.length === 0)
          k.say(
            '总部尚未发布任何版本(门店已有随应用发布的版本)Nothing published yet (the branch has the shipped versions)',
          );
        for (const r of f.records)
          k.say(
            `  ${r.kind === 'calendar' ? `日历 calendar ${r.key}` : '话术库 phrase library'}: 第 ${r.version} 版 version ${r.version}`,
          );
      }),
    );
}
