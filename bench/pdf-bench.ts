// Run in its own process by run.ts (`node --import tsx bench/pdf-bench.ts DIR`), so that the
// first document really includes loading and parsing the CJK fonts. Prints one JSON line.
import { join } from 'node:path';
import { openDatabase } from '../src-main/db/connection';
import { createContext } from '../src-main/services/context';
import { printSlip } from '../src-main/services/print';
import { createUnit, ensureDefaultCategories } from '../src-main/services/reference-data';
import { createSlip } from '../src-main/services/slips';
import { createUser } from '../src-main/services/users';

const dir = process.argv[2] ?? '.';
const { db } = openDatabase(join(dir, 'pdf-bench.sqlite'));
const ctx = createContext(db, { now: () => Date.parse('2026-11-24T10:00:00+08:00') });
ensureDefaultCategories(ctx);
const manager = createUser(ctx, null, { staffNo: 'M001', name: '王建国', role: 'manager', pin: '123456' });
const unit = createUnit(ctx, manager, { code: 'SHOES', name: '鞋部' });
const slip = createSlip(ctx, manager, {
  type: 'exchange',
  customer: { name: '欧阳旻堃', phone: '13800138000' },
  receiptNo: 'R20261120-0042',
  purchaseDate: '2026-11-20',
  unitId: unit.id,
  salespersonName: '刘喆',
  salespersonStaffNo: 'U001',
  returnedLines: [
    { itemCode: '6901234567890', name: '男士真皮商务皮鞋', spec: '42码 黑色', quantity: 1, unitPriceFen: 45_900 },
  ],
  issuedLines: [
    { itemCode: '6901234567891', name: '男士真皮商务皮鞋', spec: '43码 黑色', quantity: 1, unitPriceFen: 41_900 },
  ],
  refundMethod: 'cash',
  reasonCode: 'size_fit',
  reasonText: '尺码偏小,顾客要求换大一码',
  packagingIntact: true,
  accessoriesComplete: true,
  qualityProblem: false,
  deductCommission: false,
});
const fixed = { creationDate: new Date('2026-11-24T00:00:00Z') };

let t = performance.now();
const first = await printSlip(ctx, slip.id, fixed);
const firstMs = performance.now() - t;
const warm: number[] = [];
for (let i = 0; i < 40; i++) {
  t = performance.now();
  await printSlip(ctx, slip.id, fixed);
  if (i >= 5) warm.push(performance.now() - t);
}
warm.sort((a, b) => a - b);
db.close();
process.stdout.write(
  `${JSON.stringify({ firstMs, warmMedianMs: warm[Math.floor(warm.length / 2)], bytes: first.length, pages: 3 })}\n`,
);
