// Builds one demo intake (the raw input createCase validates) for every channel: government
// cases carry the body and its reference number, letters a postal address, e-mails an address.
import type { Channel, GovernmentBody } from '../shared/enums';
import type { CaseIntakeInput } from '../shared/schemas/case';
import { type DemoCustomer, emailAddress, postalAddress } from './demo-people';
import { DEMO_UNITS, type DemoUnit, objectionText, type DemoText } from './demo-text';
import type { Rng } from './prng';

export const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ['in_store', 38],
  ['phone', 30],
  ['government', 10],
  ['online', 9],
  ['letter', 4],
  ['email', 5],
  ['other', 4],
];

export const CATEGORY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['product_quality', 36],
  ['service_attitude', 18],
  ['price', 15],
  ['service_facilities', 11],
  ['staff_service', 10],
  ['other', 10],
];

const BODIES: Record<GovernmentBody, { names: readonly string[]; contacts: readonly string[] }> = {
  '12315': { names: ['区市场监督管理局(12315)', '市市场监管局 12315 热线'], contacts: ['周科员', '钱科员', '郑科长'] },
  consumer_association: { names: ['区消费者权益保护委员会(消委会)', '市消保委'], contacts: ['吴老师', '冯干事'] },
  other_body: { names: ['市民服务热线 12345', '街道办事处', '区商务委员会'], contacts: ['陈主任', '蒋同志'] },
};

/** A unit that plausibly caused an objection of this category. */
export function unitFor(rng: Rng, category: string): DemoUnit {
  const byCode = (code: string) => DEMO_UNITS.find((u) => u.code === code) as DemoUnit;
  const selling = DEMO_UNITS.filter((u) => u.goods.length > 0);
  switch (category) {
    case 'service_facilities':
      return byCode('DESK');
    case 'staff_service':
      return byCode(rng.pick(['APPL', 'APPL', 'COSM', 'CLOTH']));
    case 'price':
      return rng.chance(0.3) ? byCode('CASH') : rng.pick(selling);
    case 'other':
      return byCode(rng.pick(['DESK', 'CASH']));
    case 'service_attitude':
      return rng.chance(0.15) ? byCode('CASH') : rng.pick(selling);
    default:
      return rng.pick(selling);
  }
}

/** EAN-13 barcode with a valid check digit, Chinese prefix 690–695. */
export function barcode(rng: Rng): string {
  const body = `69${rng.int(0, 5)}${Array.from({ length: 9 }, () => rng.int(0, 9)).join('')}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return body + String((10 - (sum % 10)) % 10);
}

export interface DemoIntake {
  input: CaseIntakeInput;
  text: DemoText;
  unit: DemoUnit;
}

export interface IntakeSpec {
  channel: Channel;
  category: string;
  severity: 'general' | 'major';
  /** Null for an anonymous complaint. */
  customer: DemoCustomer | null;
  /** Local date of receipt (yyyy-mm-dd), for the purchase date and reference numbers. */
  localDate: string;
  unitIds: Map<string, string>;
  unit?: DemoUnit;
}

export function buildIntake(rng: Rng, spec: IntakeSpec): DemoIntake {
  const unit = spec.unit ?? unitFor(rng, spec.category);
  let government: CaseIntakeInput['government'];
  if (spec.channel === 'government') {
    const body = rng.weighted<GovernmentBody>([
      ['12315', 6],
      ['consumer_association', 3],
      ['other_body', 1],
    ]);
    const info = BODIES[body];
    const ymd = spec.localDate.replaceAll('-', '');
    const referenceNo =
      body === '12315'
        ? `12315-${ymd}-${rng.int(10000, 99999)}`
        : body === 'consumer_association'
          ? `XWH-${ymd.slice(0, 4)}-${rng.int(1000, 9999)}`
          : `12345-${ymd}${rng.int(100, 999)}`;
    government = {
      body,
      bodyName: rng.pick(info.names),
      referenceNo,
      contactPerson: rng.pick(info.contacts),
      contactPhone: body === '12315' ? '12315' : `021-${rng.int(5000, 6999)} ${rng.int(1000, 9999)}`,
    };
  }
  const text = objectionText(rng, spec.category, spec.channel, unit, government?.bodyName);
  const customer: CaseIntakeInput['customer'] = spec.customer ? { ...spec.customer } : {};
  if (spec.customer && !customer.otherContact) {
    if (spec.channel === 'letter') customer.otherContact = `通信地址:${postalAddress(rng)}`;
    if (spec.channel === 'email') customer.otherContact = emailAddress(rng);
  }
  const purchase: CaseIntakeInput['purchase'] = text.item
    ? {
        items: [{ name: text.item.name, code: barcode(rng) }],
        purchaseDate: shiftDate(spec.localDate, -rng.int(0, 10)),
        receiptNo: `R${spec.localDate.replaceAll('-', '')}-${String(rng.int(1, 12)).padStart(2, '0')}${String(rng.int(1, 9999)).padStart(4, '0')}`,
        amountFen: text.item.priceFen,
      }
    : undefined;
  const input: CaseIntakeInput = {
    channel: spec.channel,
    severity: spec.severity,
    anonymous: spec.customer === null,
    customer,
    content: text.content,
    categoryCode: spec.category,
    complainedUnitId: spec.unitIds.get(unit.code),
    ...(text.expected ? { expectedResolution: text.expected } : {}),
    ...(government ? { government } : {}),
    ...(purchase ? { purchase } : {}),
  };
  return { input, text, unit };
}

/** yyyy-mm-dd moved by whole days (calendar arithmetic, no time zone involved). */
export function shiftDate(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
