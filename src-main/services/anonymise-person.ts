// A person's deletion request (issue 20 §3): every case and slip of one normalised phone is
// anonymised now, whatever its age (not deleted: numbers and statistics stay), by the secretary
// office or the manager, with a reason, recorded in the access log in the same transaction.
// Refused while any of them is still open (a case not filed nor declined, a slip awaiting
// approval): anonymising it would take away what is needed to handle it; the refusal names them.
import { can } from '../domain/permissions';
import type { Actor } from '../domain/case-machine';
import { refuse } from '../shared/errors';
import { normalizePhone } from '../shared/phone';
import { AnonymisePersonInput, type AnonymisePersonResult } from '../shared/schemas/anonymise-person';
import { recordAccess } from './access-log';
import { anonymise, compactAfterAnonymisation } from './anonymise';
import { authorOf } from './case-store';
import type { ServiceContext } from './context';
import { type Parsed, withInput } from './with-input';

const CLOSED_CASE = new Set(['filed', 'not_accepted']);

export const anonymisePerson = withInput(
  AnonymisePersonInput,
  function anonymisePerson(
    ctx: ServiceContext,
    actor: Actor,
    input: Parsed<typeof AnonymisePersonInput>,
  ): AnonymisePersonResult {
    if (!can(actor.role, 'anonymise_person'))
      throw refuse(
        'FORBIDDEN',
        '只有秘书室或店长可以按本人要求匿名化个人信息',
        'Only the secretary office or the manager may anonymise a person’s data on request',
      );
    const phone = normalizePhone(input.phone);
    if (!phone)
      throw refuse('VALIDATION', '电话号码格式不正确', 'Not a phone number', [
        { field: 'phone', message: { zh: '请输入 5–15 位数字的电话号码', en: 'Enter a phone number of 5–15 digits' } },
      ]);
    const cases = ctx.db
      .prepare(
        `SELECT id, number, status FROM cases WHERE anonymised_at IS NULL AND (customer_phone = ?
           OR customer_id IN (SELECT id FROM customers WHERE phone = ?)) ORDER BY rid`,
      )
      .all(phone, phone) as { id: string; number: string; status: string }[];
    const slips = ctx.db
      .prepare('SELECT id, number, status FROM slips WHERE anonymised_at IS NULL AND customer_phone = ? ORDER BY rid')
      .all(phone) as { id: string; number: string; status: string }[];
    if (cases.length === 0 && slips.length === 0)
      throw refuse('NOT_FOUND', '本店没有该电话号码的个人信息', 'This branch holds no data of that phone number', [
        { field: 'phone', message: { zh: '没有该号码的个案或退换货单', en: 'No case or slip with this number' } },
      ]);
    const open = [
      ...cases.filter((c) => !CLOSED_CASE.has(c.status)).map((c) => c.number),
      ...slips.filter((x) => x.status === 'pending_approval').map((x) => x.number),
    ];
    if (open.length > 0)
      throw refuse(
        'CONFLICT',
        `以下个案或退换货单仍在处理中,办结(建档)后才能匿名化:${open.join('、')}`,
        `These cases or slips are still being handled; they can be anonymised once closed (filed): ${open.join(', ')}`,
      );
    const result = anonymise(
      ctx,
      authorOf(actor),
      { caseIds: cases.map((c) => c.id), slipIds: slips.map((x) => x.id), reason: 'person_request' },
      () =>
        recordAccess(ctx, {
          by: actor.id,
          action: 'person_anonymise',
          entityType: 'person',
          // recordAccess keeps the phone masked with a keyed hash (finds the person's rows again), never in full.
          entityId: phone,
          fields: ['customerName', 'customerPhone', 'customerOtherContact', 'freeText', 'idCopies', 'recordings'],
          reason: input.reason,
        }),
    );
    compactAfterAnonymisation(ctx);
    return {
      recordId: result.recordId ?? '',
      cases: result.cases,
      slips: result.slips,
      followUps: result.followUps,
      attachments: result.attachments,
      personalFiles: result.personalFiles,
      customers: result.customers,
      filesDeleted: result.filesDeleted,
    };
  },
);
