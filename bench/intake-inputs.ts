// Realistic, varied intake forms for createCase: every channel, anonymous and government
// cases, purchases with receipts, and repeat complainants (so the customer-update branch of
// upsertCustomer is part of the measured path, not only the insert branch).
import type { Actor } from '../src-main/domain/case-machine';
import type { CaseIntakeInput } from '../src-main/shared/schemas/case';
import type { Rng } from '../src-main/cli/prng';
import type { Staff } from './staff';
import { complaintContent, expectedResolution, mobile, personName, typedPhone } from './texts';

export const CHANNEL_WEIGHTS = [
  ['phone', 40],
  ['in_store', 35],
  ['government', 5],
  ['letter', 3],
  ['online', 10],
  ['email', 4],
  ['other', 3],
] as const;

/** Shanghai has had no DST since 1991, so local time is UTC+8 by plain arithmetic. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

export const isoShanghai = (ms: number): string =>
  new Date(ms + SHANGHAI_OFFSET_MS).toISOString().replace('Z', '+08:00');
export const localDateShanghai = (ms: number): string => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);

export interface IntakeForm {
  actor: Actor;
  input: CaseIntakeInput;
}

/** Generates intake forms; remembers phones so that some later forms are repeat complainants. */
export function intakeForms(rng: Rng, staff: Staff) {
  const known: { phone: string; name: string }[] = [];

  return (now: number): IntakeForm => {
    const channel = rng.weighted(CHANNEL_WEIGHTS);
    const unit = rng.pick(staff.units);
    const product = rng.pick(unit.spec.products);
    const content = complaintContent(rng, unit.spec, product);
    const service = content.startsWith('顾客反映');
    const anonymous = channel !== 'government' && rng.chance(0.03);

    let customer: CaseIntakeInput['customer'] = {};
    if (!anonymous) {
      const repeat = known.length > 0 && rng.chance(0.15) ? rng.pick(known) : null;
      const phone = repeat?.phone ?? (channel === 'phone' || rng.chance(0.8) ? mobile(rng) : undefined);
      const name = repeat && rng.chance(0.9) ? repeat.name : personName(rng);
      if (phone && !repeat) known.push({ phone, name });
      customer = {
        ...(rng.chance(0.95) || !phone ? { name } : {}),
        ...(phone ? { phone: typedPhone(rng, phone) } : {}),
        ...(rng.chance(0.05) ? { otherContact: `微信 wx${rng.int(100000, 999999)}` } : {}),
        ...(rng.chance(0.1)
          ? { preferredContactTime: rng.pick(['工作日晚上', '周末全天', '中午十二点以后', '上午']) }
          : {}),
      };
    }

    const purchased = !service && rng.chance(0.65);
    const amountFen = rng.int(9, 3999) * 100;
    const input: CaseIntakeInput = {
      channel,
      ...(rng.chance(0.7) ? { receivedAt: isoShanghai(now - rng.int(0, 20) * 60_000) } : {}),
      severity: rng.chance(0.03) ? 'major' : 'general',
      anonymous,
      customer,
      ...(channel === 'government'
        ? {
            government: {
              body: rng.weighted([
                ['12315', 70],
                ['consumer_association', 25],
                ['other_body', 5],
              ] as const),
              bodyName: rng.pick(['区市场监督管理局', '市消费者协会', '区商务委']),
              referenceNo: `GZ${localDateShanghai(now).replace(/-/g, '')}${String(rng.int(1, 9999)).padStart(4, '0')}`,
              contactPerson: personName(rng),
              contactPhone: `021-${rng.int(5000_0000, 6999_9999)}`,
            },
          }
        : {}),
      ...(purchased
        ? {
            purchase: {
              items: [{ name: product, code: `690${rng.int(1_000_000_000, 9_999_999_999)}` }],
              purchaseDate: localDateShanghai(now - rng.int(0, 30) * 86_400_000),
              receiptNo: `R${localDateShanghai(now).replace(/-/g, '')}-${String(rng.int(1, 9999)).padStart(4, '0')}`,
              amountFen,
            },
          }
        : {}),
      content,
      expectedResolution: expectedResolution(rng),
      categoryCode: service
        ? rng.pick(['service_attitude', 'service_facilities', 'staff_service', 'price'])
        : rng.weighted([
            ['product_quality', 80],
            ['price', 10],
            ['other', 10],
          ] as const),
      ...(rng.chance(0.8) ? { complainedUnitId: unit.id } : {}),
      ...(rng.chance(0.1) ? { handlingUnitId: unit.id } : {}),
    };
    const actor = rng.chance(0.6) ? rng.pick(staff.clerks) : rng.pick(staff.secretaries);
    return { actor, input };
  };
}
