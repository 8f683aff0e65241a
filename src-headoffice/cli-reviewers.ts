// Head office's console accounts on the command line (registered by cli.ts): `reviewer add USERNAME --name NAME`
// (the password from standard input or a prompt that does not echo it), and the switches `reviewer personal` and
// `reviewer restricted USERNAME on|off` (customers' full contact details; ID copies and recordings).
import type { Command } from 'commander';
import { type CliKit, reviewerSwitch } from './cli-kit';
import { setSeesRestricted } from './console/attachments';
import { setSeesPersonal } from './console/personal-data';
import { addReviewer } from './console/reviewers';

/** The password: the first line of standard input, or typed at a prompt that does not echo it. */
async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  }
  process.stdout.write('密码 Password (至少 10 个字符 at least 10 characters): ');
  process.stdin.setRawMode(true);
  process.stdin.resume();
  let typed = '';
  return new Promise((resolve) => {
    const onData = (b: Buffer) => {
      for (const ch of b.toString('utf8')) {
        if (ch === '\r' || ch === '\n') {
          process.stdin.setRawMode(false);
          process.stdin.pause();
          process.stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(typed);
          return;
        }
        if (ch === '\u0003') process.exit(130);
        typed = ch === '\u007f' ? typed.slice(0, -1) : typed + ch;
      }
    };
    process.stdin.on('data', onData);
  });
}

/** Registers `reviewer …` and returns the group, which reference-cli.ts adds `reviewer editor` to. */
export function reviewerCommands(program: Command, k: CliKit): Command {
  const reviewer = program
    .command('reviewer')
    .description('总部审核人员(控制台账号)Head-office reviewers (console accounts)');
  reviewer
    .command('add <username>')
    .description(
      '添加审核人员;密码从标准输入读取或在提示时输入 Add a reviewer; the password comes from standard input or a prompt',
    )
    .requiredOption('--name <name>', '姓名(批示人)name shown as the reviewer of instructions')
    .action(async (username: string, o: { name: string }) => {
      const password = await readPassword();
      await k.withStore(async (store) => {
        const r = await addReviewer(store, { username, name: o.name, password }, Date.now());
        k.say(`已添加审核人员 Reviewer added: ${r.username} (${r.name})`);
      });
    });

  reviewerSwitch(reviewer, k, {
    name: 'personal',
    description:
      "允许(on)或撤销(off)该审核人员填写理由后查看顾客完整联系方式 Allow (on) or withdraw (off) the reviewer's reveal of customers' full contact details (with a reason, logged)",
    set: setSeesPersonal,
    said: (username, on) =>
      on
        ? `${username} 可填写理由后查看顾客完整联系方式 may reveal customers' contact details with a reason`
        : `${username} 不可查看顾客完整联系方式 may not reveal customers' contact details`,
  });
  reviewerSwitch(reviewer, k, {
    name: 'restricted',
    description:
      "允许(on)或撤销(off)该审核人员查看身份证复印件和录音 Allow (on) or withdraw (off) the reviewer's access to ID copies and recordings",
    set: setSeesRestricted,
    said: (username, on) =>
      on
        ? `${username} 可查看身份证复印件和录音 may open ID copies and recordings`
        : `${username} 不可查看身份证复印件和录音 may not open ID copies and recordings`,
  });
  return reviewer;
}
