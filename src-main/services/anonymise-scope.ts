// What an anonymisation covers (issue 20 §2, §3), found before anything changes: the cases and
// slips not yet anonymised, their follow-ups and attachments, the customers no other live case needs,
// and for each record id the redaction of its people (names, phones, contacts as recorded).
import { redactorFor, type Redact } from '../domain/anonymise-scrub';
import type { RedactById } from './anonymise-archives';
import type { ServiceContext } from './context';

/** What an anonymisation covers, found before anything changes (the dry run prints it). */
export interface AnonymisationPlan {
  cases: { id: string; number: string }[];
  slips: { id: string; number: string }[];
  followUps: number;
  attachments: number;
  /** ID copies and recordings whose files are deleted. */
  personalFiles: number;
  customers: number;
}

interface CaseRow {
  id: string;
  rid: number;
  number: string;
  customer_id: string | null;
  customer_name: string | null;
  customer_phone: string | null;
  customer_other_contact: string | null;
  gov_contact_person: string | null;
  gov_contact_phone: string | null;
  content: string;
}
interface SlipRow {
  id: string;
  number: string;
  case_id: string | null;
  customer_name: string | null;
  customer_phone: string | null;
}
interface CustomerRow {
  id: string;
  name: string | null;
  phone: string | null;
  other_contact: string | null;
}

export const ids = (xs: { id: string }[]) => JSON.stringify(xs.map((x) => x.id));
export const IN = 'IN (SELECT value FROM json_each(?))';

export interface Scope {
  cases: CaseRow[];
  slips: SlipRow[];
  followUps: string[];
  attachments: {
    id: string;
    kind: string;
    sha256: string;
    thumb_sha256: string | null;
    original_sha256: string | null;
  }[];
  /** Customers whose every case is anonymised (now or before): their rows are anonymised too. */
  customers: CustomerRow[];
}

export function loadScope(ctx: ServiceContext, caseIds: string[], slipIds: string[]): Scope {
  const db = ctx.db;
  const cases = db
    .prepare(
      `SELECT id, rid, number, customer_id, customer_name, customer_phone, customer_other_contact, gov_contact_person,
         gov_contact_phone, content FROM cases WHERE id ${IN} AND anonymised_at IS NULL ORDER BY rid`,
    )
    .all(JSON.stringify(caseIds)) as CaseRow[];
  const slips = db
    .prepare(
      `SELECT id, number, case_id, customer_name, customer_phone FROM slips
        WHERE (id ${IN} OR case_id ${IN}) AND anonymised_at IS NULL ORDER BY rid`,
    )
    .all(JSON.stringify(slipIds), ids(cases)) as SlipRow[];
  const followUps = (
    db.prepare(`SELECT id FROM follow_ups WHERE case_id ${IN}`).all(ids(cases)) as { id: string }[]
  ).map((r) => r.id);
  const attachments = db
    .prepare(
      `SELECT id, kind, sha256, thumb_sha256, original_sha256 FROM attachments
        WHERE (case_id ${IN} OR (owner_type = 'slip' AND owner_id ${IN})) AND anonymised_at IS NULL`,
    )
    .all(ids(cases), ids(slips)) as Scope['attachments'];
  const customerIds = [...new Set(cases.map((c) => c.customer_id).filter((x): x is string => x !== null))];
  const customers = db
    .prepare(
      `SELECT id, name, phone, other_contact FROM customers c WHERE id ${IN} AND anonymised_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM cases k WHERE k.customer_id = c.id AND k.anonymised_at IS NULL
                           AND k.id NOT ${IN})`,
    )
    .all(JSON.stringify(customerIds), ids(cases)) as CustomerRow[];
  return { cases, slips, followUps, attachments, customers };
}

export const PERSONAL_FILE_KINDS = new Set(['id_copy', 'recording']);

export function planAnonymisation(ctx: ServiceContext, caseIds: string[], slipIds: string[]): AnonymisationPlan {
  const s = loadScope(ctx, caseIds, slipIds);
  return {
    cases: s.cases.map((c) => ({ id: c.id, number: c.number })),
    slips: s.slips.map((x) => ({ id: x.id, number: x.number })),
    followUps: s.followUps.length,
    attachments: s.attachments.length,
    personalFiles: s.attachments.filter((a) => PERSONAL_FILE_KINDS.has(a.kind)).length,
    customers: s.customers.length,
  };
}

/** Each anonymised record id → the redaction of its case's (or its own slip's) people. */
export function redactions(ctx: ServiceContext, s: Scope): RedactById {
  const map: RedactById = new Map();
  const customerById = new Map(
    (
      ctx.db
        .prepare(`SELECT id, name, phone, other_contact FROM customers WHERE id ${IN}`)
        .all(JSON.stringify(s.cases.map((c) => c.customer_id).filter((x) => x !== null))) as CustomerRow[]
    ).map((c) => [c.id, c]),
  );
  const slipsOf = new Map<string, SlipRow[]>();
  for (const x of s.slips) if (x.case_id) slipsOf.set(x.case_id, [...(slipsOf.get(x.case_id) ?? []), x]);
  const caseRedact = new Map<string, Redact>();
  for (const c of s.cases) {
    const cust = c.customer_id ? customerById.get(c.customer_id) : undefined;
    const slips = slipsOf.get(c.id) ?? [];
    const redact = redactorFor({
      names: [c.customer_name, c.gov_contact_person, cust?.name, ...slips.map((x) => x.customer_name)],
      other: [
        c.customer_phone,
        c.customer_other_contact,
        c.gov_contact_phone,
        cust?.phone,
        cust?.other_contact,
        ...slips.map((x) => x.customer_phone),
      ],
    });
    caseRedact.set(c.id, redact);
    map.set(c.id, { redact, entity: 'case' });
  }
  for (const x of s.slips) {
    const redact =
      (x.case_id && caseRedact.get(x.case_id)) || redactorFor({ names: [x.customer_name], other: [x.customer_phone] });
    map.set(x.id, { redact, entity: 'slip' });
  }
  const fuCase = ctx.db
    .prepare(`SELECT id, case_id FROM follow_ups WHERE id ${IN}`)
    .all(JSON.stringify(s.followUps)) as { id: string; case_id: string }[];
  for (const f of fuCase) {
    const r = caseRedact.get(f.case_id);
    if (r) map.set(f.id, { redact: r, entity: 'follow_up' });
  }
  const attOwner = ctx.db
    .prepare(`SELECT id, owner_id, case_id FROM attachments WHERE id ${IN}`)
    .all(ids(s.attachments)) as { id: string; owner_id: string; case_id: string | null }[];
  for (const a of attOwner) {
    const r = map.get(a.owner_id)?.redact ?? (a.case_id ? caseRedact.get(a.case_id) : undefined);
    if (r) map.set(a.id, { redact: r, entity: 'attachment' });
  }
  for (const cust of s.customers) {
    const r = redactorFor({ names: [cust.name], other: [cust.phone, cust.other_contact] });
    map.set(cust.id, { redact: r, entity: 'customer' });
  }
  return map;
}
