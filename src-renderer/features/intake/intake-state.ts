// The intake form's state (what the clerk typed, as text) and its translation into the
// shared CaseIntakeInput. Kept as plain strings so a draft restores exactly what was typed.
import type { Channel, GovernmentBody, Severity } from '../../../src-main/shared/enums';
import type { CaseIntakeInput } from '../../../src-main/shared/schemas/case';
import { parseQuantity } from '../../../src-main/shared/quantity-input';
import { toFen } from '../../lib/format';

/** One purchased item as typed. */
export interface ItemState {
  name: string;
  code: string;
  quantity: string;
}
export const emptyItem = (): ItemState => ({ name: '', code: '', quantity: '1' });

/** The four intake forms (SPEC §2); "other" covers letter, online, e-mail and other. */
export type IntakeForm = 'phone' | 'in_store' | 'government' | 'other';
export const INTAKE_FORMS: IntakeForm[] = ['phone', 'in_store', 'government', 'other'];
export const OTHER_CHANNELS: Channel[] = ['letter', 'online', 'email', 'other'];

export interface IntakeState {
  subChannel: Channel;
  /** Letters, e-mail, online messages: when it arrived (branch time), as ISO; empty = now. */
  receivedAt: string;
  severity: Severity;
  anonymous: boolean;
  name: string;
  phone: string;
  otherContact: string;
  contactTime: string;
  govBody: GovernmentBody | '';
  govBodyName: string;
  govRef: string;
  govContactPerson: string;
  govContactPhone: string;
  /** The purchased items, several with their quantities; at least one row is shown. */
  items: ItemState[];
  purchaseDate: string;
  receiptNo: string;
  amount: string;
  content: string;
  expected: string;
  categoryCode: string;
  complainedUnitId: string;
  /** 回避: the staff complained about and her staff number; absent from drafts saved before they existed. */
  complainedStaffName?: string;
  complainedStaffNo?: string;
  handlingUnitId: string;
  /** Steps of guided handling ticked before saving (issue 21 §3); absent from older drafts. */
  handlingSteps?: string[];
}

export const emptyIntake = (): IntakeState => ({
  subChannel: 'letter',
  receivedAt: '',
  severity: 'general',
  anonymous: false,
  name: '',
  phone: '',
  otherContact: '',
  contactTime: '',
  govBody: '',
  govBodyName: '',
  govRef: '',
  govContactPerson: '',
  govContactPhone: '',
  items: [emptyItem()],
  purchaseDate: '',
  receiptNo: '',
  amount: '',
  content: '',
  expected: '',
  categoryCode: '',
  complainedUnitId: '',
  complainedStaffName: '',
  complainedStaffNo: '',
  handlingUnitId: '',
});

/** Which field groups each form shows (only what applies). */
export const SHOWS: Record<
  IntakeForm,
  { anonymous: boolean; government: boolean; purchase: boolean; otherContact: boolean }
> = {
  phone: { anonymous: false, government: false, purchase: true, otherContact: false },
  in_store: { anonymous: true, government: false, purchase: true, otherContact: true },
  government: { anonymous: false, government: true, purchase: true, otherContact: false },
  other: { anonymous: true, government: false, purchase: false, otherContact: true },
};

const opt = (s: string): string | undefined => (s.trim() === '' ? undefined : s);

/** The items of a state, also of a draft saved when the form had one item's name and code only. */
export function itemsOf(s: IntakeState & { itemName?: string; itemCode?: string }): ItemState[] {
  if (Array.isArray(s.items) && s.items.length > 0) return s.items;
  return [{ name: s.itemName ?? '', code: s.itemCode ?? '', quantity: '1' }];
}

const typed = (i: ItemState): boolean => [i.name, i.code].some((v) => v.trim() !== '') || i.quantity.trim() !== '1';

export function toIntakeInput(form: IntakeForm, s: IntakeState): CaseIntakeInput {
  const show = SHOWS[form];
  const channel: Channel = form === 'other' ? s.subChannel : form;
  const anonymous = show.anonymous && s.anonymous;
  const items = itemsOf(s).filter(typed);
  const hasPurchase =
    show.purchase && (items.length > 0 || [s.purchaseDate, s.receiptNo, s.amount].some((v) => v.trim() !== ''));
  const input: CaseIntakeInput = {
    channel,
    severity: s.severity,
    anonymous,
    customer: anonymous
      ? {}
      : {
          name: opt(s.name),
          phone: opt(s.phone),
          otherContact: show.otherContact ? opt(s.otherContact) : undefined,
          preferredContactTime: opt(s.contactTime),
        },
    content: s.content,
    expectedResolution: opt(s.expected),
    categoryCode: s.categoryCode,
  };
  // A letter or an e-mail is registered when it is opened, not when it arrived: the arrival may be typed.
  // (`?? ''`: a draft saved before this field existed has none.)
  const receivedAt = form === 'other' ? opt(s.receivedAt ?? '') : undefined;
  if (receivedAt) input.receivedAt = receivedAt;
  if (show.government) {
    input.government = {
      // An unchosen body reaches the schema as an invalid value, which names the field.
      body: s.govBody as GovernmentBody,
      bodyName: opt(s.govBodyName),
      referenceNo: s.govRef,
      contactPerson: opt(s.govContactPerson),
      contactPhone: opt(s.govContactPhone),
    };
  }
  if (hasPurchase) {
    input.purchase = {
      // An untyped row is left out; a malformed quantity reaches the schema as -1, which names the field.
      items: items.map((i) => ({ name: i.name, code: opt(i.code), quantity: parseQuantity(i.quantity) ?? -1 })),
      purchaseDate: opt(s.purchaseDate),
      receiptNo: opt(s.receiptNo),
      // Malformed money stays visible as a field error instead of being dropped silently.
      amountFen: s.amount.trim() ? (toFen(s.amount) ?? (-1 as number)) : undefined,
    };
  }
  if (s.complainedUnitId) input.complainedUnitId = s.complainedUnitId;
  input.complainedStaffName = opt(s.complainedStaffName ?? '');
  input.complainedStaffNo = opt(s.complainedStaffNo ?? '');
  if (s.handlingUnitId) input.handlingUnitId = s.handlingUnitId;
  if (s.handlingSteps?.length) input.handlingSteps = s.handlingSteps;
  return input;
}
