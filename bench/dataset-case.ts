// One bulk-generated case: the row the services would have left after taking it through its
// life so far (intake, forward, resolve, feedback, submit, review, file), decided by its age.
// Old cases are almost all filed, recent ones spread over every status, a few stale ones are
// stuck, so the queues see the mix a branch has after years of use, not a uniform one.
import { closeOf } from '../src-main/domain/business-time';
import type { ServiceContext } from '../src-main/services/context';
import { dueFor } from '../src-main/services/case-store';
import type { CaseStatus, Channel } from '../src-main/shared/enums';
import { CHANNEL_WEIGHTS, localDateShanghai, SHANGHAI_OFFSET_MS } from './intake-inputs';
import type { Rng } from '../src-main/cli/prng';
import { complaintContent, expectedResolution, mobile, personName } from './texts';
import type { UnitSpec } from './texts';
import { receiptKey } from '../src-main/domain/receipt-number';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export interface PeopleRefs {
  managerId: string;
  secretaryIds: string[];
  /** Receivers at the desk, weighted: some clerks take far more cases than others. */
  receivers: readonly (readonly [string, number])[];
  units: { id: string; spec: UnitSpec; staffIds: string[] }[];
}

export interface CustomerRow {
  id: string;
  name: string | null;
  phone: string | null;
  otherContact: string | null;
  preferredContactTime: string | null;
  version: number;
  createdAt: number;
  updatedAt: number;
}

export interface GeneratedCase {
  row: Record<string, unknown>;
  newCustomer: CustomerRow | null;
  followUp: Record<string, unknown> | null;
  promise: Record<string, unknown> | null;
}

/** Status by age, from today to years ago; 'awaiting_instruction' stands for submitted (stage 4). */
function statusFor(rng: Rng, ageMs: number): CaseStatus {
  if (ageMs < 10 * HOUR)
    return rng.weighted([
      ['registered', 55],
      ['in_progress', 38],
      ['resolved', 7],
    ] as const);
  if (ageMs < 3 * DAY) {
    return rng.weighted([
      ['registered', 4],
      ['in_progress', 22],
      ['resolved', 14],
      ['fed_back', 18],
      ['disputed', 3],
      ['awaiting_instruction', 24],
      ['filed', 15],
    ] as const);
  }
  if (ageMs < 30 * DAY) {
    return rng.weighted([
      ['registered', 0.5],
      ['in_progress', 3],
      ['resolved', 2],
      ['fed_back', 4],
      ['disputed', 1.5],
      ['awaiting_instruction', 14],
      ['filed', 75],
    ] as const);
  }
  if (ageMs < 180 * DAY) {
    return rng.weighted([
      ['registered', 0.05],
      ['in_progress', 0.3],
      ['resolved', 0.1],
      ['fed_back', 0.5],
      ['disputed', 0.3],
      ['awaiting_instruction', 1.2],
      ['filed', 97.55],
    ] as const);
  }
  return rng.weighted([
    ['in_progress', 0.02],
    ['disputed', 0.03],
    ['awaiting_instruction', 0.05],
    ['filed', 99.9],
  ] as const);
}

const STAGE: Record<CaseStatus, number> = {
  registered: 0,
  in_progress: 1,
  resolved: 2,
  fed_back: 3,
  disputed: 3,
  awaiting_instruction: 4,
  awaiting_review: 4,
  filed: 5,
  /** 不予受理 closes the case, as filing does. */
  not_accepted: 5,
};

const RESOLUTIONS = [
  ['explanation', 25],
  ['apology', 10],
  ['repair', 12],
  ['exchange', 18],
  ['refund', 22],
  ['compensation', 6],
  ['gift', 4],
  ['referral', 2],
  ['other', 1],
] as const;
const SUMMARIES = [
  '经核实属商品质量问题,同意退货退款',
  '向顾客解释了相关规定,顾客表示理解',
  '已安排免费维修',
  '同意为顾客调换同款商品',
  '营业员已当面向顾客道歉',
  '按承诺价格退还差价',
  '赠送购物卡一张表示歉意',
];

export interface CaseGenerator {
  next(receivedAt: number, createdAt: number, number: string): GeneratedCase;
}

/**
 * `ctx` is only read for the settings and the deadline rules (dueFor), so due_at is exactly
 * what the services store; customers are matched the way upsertCustomer matches them.
 */
export function caseGenerator(
  rng: Rng,
  ctx: ServiceContext,
  people: PeopleRefs,
  now: number,
  newId: (ms: number) => string,
): CaseGenerator {
  const staffOf = new Map(people.units.map((x) => [x.id, x.staffIds]));
  const settings = ctx.settings();
  const phones = new Set<string>();
  const customers: CustomerRow[] = [];
  const byName = new Map<string, CustomerRow>();

  const customerFor = (createdAt: number, channel: Channel): { customer: CustomerRow; created: boolean } => {
    // Repeat complainants, skewed so that a few customers come back very often.
    if (customers.length > 100 && rng.chance(0.15)) {
      return { customer: customers[Math.floor(customers.length * rng.next() ** 3)] as CustomerRow, created: false };
    }
    let phone: string | null = null;
    if (channel === 'phone' || rng.chance(0.82)) {
      do phone = mobile(rng);
      while (phones.has(phone));
      phones.add(phone);
    }
    const name = personName(rng);
    if (!phone) {
      // upsertCustomer reuses the customer of that name without a phone.
      const same = byName.get(name);
      if (same) return { customer: same, created: false };
    }
    const c: CustomerRow = {
      id: newId(createdAt),
      name,
      phone,
      otherContact: rng.chance(0.05) ? `微信 wx${rng.int(100000, 999999)}` : null,
      preferredContactTime: rng.chance(0.1) ? rng.pick(['工作日晚上', '周末全天', '中午十二点以后', '上午']) : null,
      version: 1,
      createdAt,
      updatedAt: createdAt,
    };
    customers.push(c);
    if (!phone) byName.set(name, c);
    return { customer: c, created: true };
  };

  return {
    next(receivedAt, createdAt, number) {
      const channel = rng.weighted(CHANNEL_WEIGHTS);
      const severity = rng.chance(0.03) ? 'major' : 'general';
      const drawn = statusFor(rng, now - receivedAt);
      const stage = STAGE[drawn];
      // Submitted cases wait for whoever signs off (SPEC §3): the manager for ordinary
      // government cases under the default settings, head office for everything else.
      const review = stage >= 4 && channel === 'government' && severity === 'general';
      const status: CaseStatus = stage === 4 ? (review ? 'awaiting_review' : 'awaiting_instruction') : drawn;
      const u = rng.pick(people.units);
      const product = rng.pick(u.spec.products);
      const content = complaintContent(rng, u.spec, product);
      const service = content.startsWith('顾客反映');
      const anonymous = channel !== 'government' && rng.chance(0.03);
      const picked = anonymous ? null : customerFor(createdAt, channel);
      const customer = picked?.customer ?? null;
      const purchased = !service && rng.chance(0.65);

      // Nominal transition times, squeezed into the case's age when it is recent.
      const offsets = [
        rng.int(5, 180) * MIN,
        rng.int(30, 600) * MIN * (rng.chance(0.1) ? 4 : 1),
        rng.int(10, 300) * MIN,
        rng.int(10, 2880) * MIN,
        rng.int(1, 10) * DAY,
      ];
      let t = 0;
      const at = offsets.map((o) => (t += o));
      const last = at[Math.max(0, stage - 1)] as number;
      const room = now - MIN - createdAt;
      const scale = stage > 0 && last > room ? room / last : 1;
      const when = (s: number) => Math.round(createdAt + (at[s - 1] as number) * scale);
      const forwardedAt = stage >= 1 ? when(1) : null;
      const resolvedAt = stage >= 2 ? when(2) : null;
      const fedBackAt = stage >= 3 ? when(3) : null;
      const submittedAt = stage >= 4 ? when(4) : null;
      const filedAt = stage >= 5 ? when(5) : null;

      const handling = stage >= 1 ? (rng.chance(0.9) ? u : rng.pick(people.units)) : null;
      const extended = channel !== 'government' && rng.chance(0.08);
      const extendedAt = extended ? Math.min(now - MIN, createdAt + rng.int(30, 300) * MIN) : null;
      const disputed = status === 'disputed' || (stage >= 4 && rng.chance(0.03));
      const resumed = status === 'in_progress' && now - receivedAt > DAY && rng.chance(0.1);
      const firstFedBackAt = fedBackAt ?? (resumed ? createdAt + rng.int(2, 20) * HOUR : null);
      const resolution = stage >= 2 ? rng.weighted(RESOLUTIONS) : null;
      const finding =
        stage >= 3 && rng.chance(0.9)
          ? rng.weighted([
              ['founded', 55],
              ['partly_founded', 25],
              ['unfounded', 20],
            ] as const)
          : null;
      const id = newId(createdAt);

      // An open promise (承诺答复时间) is the deadline of some disputed and in-progress cases.
      let promise: Record<string, unknown> | null = null;
      if ((status === 'disputed' && rng.chance(0.5)) || (status === 'in_progress' && rng.chance(0.1))) {
        const madeAt = Math.min(now - MIN, (fedBackAt ?? forwardedAt ?? createdAt) + rng.int(10, 120) * MIN);
        promise = {
          id: newId(madeAt),
          caseId: id,
          promisedAt: madeAt + rng.int(2, 72) * HOUR,
          note: '答应顾客在此时间前回复',
          madeBy: rng.pick(people.secretaryIds),
          madeAt,
          answeredAt: null,
        };
      }
      const due = dueFor(
        ctx,
        { channel, receivedAt, extendedAt, firstFedBackAt, status },
        promise ? [promise.promisedAt as number] : [],
      );

      let followUp: Record<string, unknown> | null = null;
      if (fedBackAt !== null && rng.chance(0.08)) {
        const dueDate = localDateShanghai(fedBackAt + rng.int(3, 14) * DAY);
        const dueAt = closeOf(dueDate, settings.businessHours, settings.timeZone);
        const done = dueAt < now - 3 * DAY ? rng.chance(0.97) : dueAt < now ? rng.chance(0.5) : false;
        const doneAt = done ? Math.min(now - MIN, dueAt - rng.int(0, 480) * MIN) : null;
        followUp = {
          id: newId(fedBackAt),
          caseId: id,
          dueDate,
          dueAt,
          note: rng.chance(0.5) ? '回访顾客对处理结果是否满意' : null,
          scheduledBy: rng.pick(people.secretaryIds),
          doneAt,
          doneBy: done ? rng.pick(people.secretaryIds) : null,
          result: done ? rng.pick(['顾客表示满意', '电话无人接听,改日再访', '顾客对处理结果基本满意']) : null,
          version: done ? 2 : 1,
          createdAt: fedBackAt,
          updatedAt: doneAt ?? fedBackAt,
        };
      }

      const lastChange = Math.max(
        createdAt,
        filedAt ?? 0,
        submittedAt ?? 0,
        fedBackAt ?? 0,
        resolvedAt ?? 0,
        forwardedAt ?? 0,
        extendedAt ?? 0,
      );
      const row: Record<string, unknown> = {
        id,
        number,
        branchCode: settings.branchCode,
        channel,
        status,
        severity,
        receivedAt,
        receivedBy: rng.weighted(people.receivers),
        assigneeId: handling && rng.chance(0.5) ? rng.pick(staffOf.get(handling.id) ?? people.secretaryIds) : null,
        anonymous: anonymous ? 1 : 0,
        customerId: customer?.id ?? null,
        customerName: customer?.name ?? null,
        customerPhone: customer?.phone ?? null,
        phoneLast4: customer?.phone ? customer.phone.slice(-4) : null,
        customerOtherContact: customer?.otherContact ?? null,
        customerContactTime: customer?.preferredContactTime ?? null,
        govBody:
          channel === 'government'
            ? rng.weighted([
                ['12315', 70],
                ['consumer_association', 25],
                ['other_body', 5],
              ] as const)
            : null,
        govBodyName: channel === 'government' ? rng.pick(['区市场监督管理局', '市消费者协会', '区商务委']) : null,
        govReferenceNo:
          channel === 'government'
            ? `GZ${localDateShanghai(receivedAt).replace(/-/g, '')}${String(rng.int(1, 9999)).padStart(4, '0')}`
            : null,
        govContactPerson: channel === 'government' ? personName(rng) : null,
        govContactPhone: channel === 'government' ? `021${rng.int(5000_0000, 6999_9999)}` : null,
        purchaseItems: purchased
          ? JSON.stringify([{ name: product, code: `690${rng.int(1_000_000_000, 9_999_999_999)}` }])
          : '[]',
        purchaseDate: purchased ? localDateShanghai(receivedAt - rng.int(0, 30) * DAY) : null,
        receiptNo:
          purchased && rng.chance(0.8)
            ? `R${localDateShanghai(receivedAt).replace(/-/g, '')}-${String(rng.int(1, 9999)).padStart(4, '0')}`
            : null,
        purchaseAmountFen: purchased ? rng.int(9, 3999) * 100 : null,
        content,
        expectedResolution: expectedResolution(rng) ?? null,
        categoryCode: service
          ? rng.pick(['service_attitude', 'service_facilities', 'staff_service', 'price'])
          : rng.weighted([
              ['product_quality', 80],
              ['price', 10],
              ['other', 10],
            ] as const),
        complainedUnitId: rng.chance(0.8) ? u.id : null,
        handlingUnitId: handling?.id ?? null,
        extensionReason: extended ? '需联系厂家确认,顾客同意次日答复' : null,
        extensionConsent: extended && channel === 'in_store' ? 1 : null,
        extendedAt,
        resolutionType: resolution,
        resolutionSummary: resolution ? rng.pick(SUMMARIES) : null,
        resolutionAmountFen: resolution === 'refund' || resolution === 'compensation' ? rng.int(9, 3999) * 100 : null,
        slipNumbers: '[]',
        resolvedAt,
        resolvedBy: resolvedAt !== null && handling ? rng.pick(staffOf.get(handling.id) ?? people.secretaryIds) : null,
        firstFedBackAt,
        fedBackAt: fedBackAt ?? firstFedBackAt,
        satisfaction:
          firstFedBackAt !== null
            ? disputed
              ? 'unsatisfied'
              : rng.weighted([
                  ['satisfied', 75],
                  ['basically_satisfied', 25],
                ] as const)
            : null,
        disputed: firstFedBackAt !== null ? (disputed || resumed ? 1 : 0) : null,
        disputedAt: disputed || resumed ? (fedBackAt ?? firstFedBackAt) : null,
        cause: finding
          ? rng.weighted([
              ['customer', 20],
              ['staff', 30],
              ['product_or_service', 50],
            ] as const)
          : null,
        finding,
        findingAt: finding ? fedBackAt : null,
        typical: rng.chance(0.01) ? 1 : 0,
        submittedAt,
        reviewText: review && filedAt !== null ? '同意处理意见' : null,
        reviewedBy: review && filedAt !== null ? people.managerId : null,
        reviewedAt: review && filedAt !== null ? filedAt - HOUR : null,
        filedAt,
        filedBy: filedAt !== null ? rng.pick(people.secretaryIds) : null,
        reopenedAt: null,
        reopenCount: 0,
        dueAt: due?.at ?? null,
        version: 1 + stage + (finding ? 1 : 0) + (extended ? 1 : 0) + (promise ? 1 : 0) + (followUp ? 1 : 0),
        createdAt,
        updatedAt: lastChange,
      };
      // As case-intake.ts stores it: the key in the default receipt format, which the dataset's settings keep.
      row.receiptKey = typeof row.receiptNo === 'string' ? receiptKey(row.receiptNo) : null;
      return { row, newCustomer: picked?.created ? customer : null, followUp, promise };
    },
  };
}

/** yyyymm of the local month (numbering period) of an instant in Shanghai. */
export const shanghaiMonth = (ms: number): string =>
  new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 7).replace('-', '');
