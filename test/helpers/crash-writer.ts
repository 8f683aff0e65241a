// Child process of the durability test (test/db/crash.test.ts): registers cases one at a
// time, as fast as it can, until it is killed. After each createCase returns, the case id
// and number are appended to a side file and fsynced, so the parent knows exactly which
// creations the program had been told were done.
//
// Usage: node --import tsx test/helpers/crash-writer.ts <db file> <side file>
import { fsyncSync, openSync, writeSync } from 'node:fs';
import { createBranchApp } from '../../src-main/app';
import { openDatabase } from '../../src-main/db/connection';
import type { Actor } from '../../src-main/domain/case-machine';
import { createCase } from '../../src-main/services/case-intake';
import { createUser, listUsers } from '../../src-main/services/users';
import { DEFAULT_BRANCH_SETTINGS } from '../../src-main/shared/settings-schema';

const [file, sideFile] = process.argv.slice(2);
if (!file || !sideFile) throw new Error('usage: crash-writer <db file> <side file>');

const { db } = openDatabase(file);
const { ctx } = createBranchApp({ db, settings: { branch: () => DEFAULT_BRANCH_SETTINGS } });
// Each round restarts on the same store: the account exists from the first round on.
const actor: Actor =
  listUsers(ctx).find((u) => u.staffNo === 'M001') ??
  createUser(ctx, null, { staffNo: 'M001', name: '王店长', role: 'manager', pin: '246810' });

const side = openSync(sideFile, 'a');
process.stdout.write('ready\n');

const products = ['男士皮鞋', '电饭煲', '盒装牛奶', '羽绒服', '面霜'];
for (let i = 0; ; i++) {
  const product = products[i % products.length] as string;
  const c = createCase(ctx, actor, {
    channel: i % 3 === 0 ? 'in_store' : 'phone',
    // A new customer most of the time, a returning one now and then: both paths of upsertCustomer.
    customer: {
      name: `顾客${i % 50}`,
      phone: `139${String(process.pid % 10_000).padStart(4, '0')}${String(i % 7 === 0 ? 0 : i)
        .padStart(4, '0')
        .slice(-4)}`,
    },
    content: `购买的${product}有质量问题,要求退货(第 ${i} 件)`,
    categoryCode: 'product_quality',
    purchase: { items: [{ name: product }], amountFen: 10_000 + i },
  });
  writeSync(side, `${c.id} ${c.number}\n`);
  fsyncSync(side);
}
