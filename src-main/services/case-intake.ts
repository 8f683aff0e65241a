// Intake (SPEC §2–3): registers a case in every channel, numbers it, and tells the clerk
// about repeat complainants (SPEC §9) while the form is still open.
import { reachesThreshold } from '../domain/repeat-threshold';
import { otherBranchesUnfounded } from '../db/repositories/cross-branch-repo';
import { newCaseOfRow } from '../db/repositories/case-repo';
import { nextSerial } from '../db/repositories/numbers';
import { inTransaction, insertRowReturning } from '../db/statements';
import type { Actor } from '../domain/case-machine';
import { localMonth, twelveMonthsBefore } from '../domain/business-time';
import { formatNumber, NUMBER_KINDS } from '../domain/numbering';
import { can } from '../domain/permissions';
import { refuse } from '../shared/errors';
import { requireWithinMaxAmount } from './amount-limit';
import { receiptKey } from '../domain/receipt-number';
import { normalizePhone, phoneLast4 } from '../shared/phone';
import { CaseIntakeInput } from '../shared/schemas/case';
import { IntakeCheckInput } from '../shared/schemas/query';
import type { CaseRecord, IntakeCheck } from '../shared/types';
import { addEvent, authorOf, dueFor } from './case-store';
import { recordChange } from './changes';
import type { ServiceContext } from './context';
import { matchCustomerIds, upsertCustomer } from './customers';
import { requireActiveCategory, requireActiveUnit } from './reference-checks';
import { tickAtIntake } from './handling-steps';
import { withInput, type Parsed } from './with-input';

const FUTURE_TOLERANCE_MS = 5 * 60_000;

export const createCase = withInput(
  CaseIntakeInput,
  function createCase(ctx: ServiceContext, actor: Actor, input: Parsed<typeof CaseIntakeInput>): CaseRecord {
    if (!can(actor.role, 'intake'))
      throw refuse('FORBIDDEN', '您的角色无权登记个案', 'Your role may not register cases');
    const now = ctx.now();
    const receivedAt = input.receivedAt ? Date.parse(input.receivedAt) : now;
    if (receivedAt > now + FUTURE_TOLERANCE_MS) {
      throw refuse('VALIDATION', '受理时间不能晚于现在', 'The received time cannot be in the future', [
        { field: 'receivedAt', message: { zh: '受理时间:不能晚于现在', en: 'Received at cannot be in the future' } },
      ]);
    }
    const settings = ctx.settings();
    requireWithinMaxAmount(ctx, [{ field: 'purchase.amountFen', fen: input.purchase?.amountFen }]);
    const author = authorOf(actor);

    return inTransaction(ctx.db, () => {
      requireActiveCategory(ctx, input.categoryCode);
      if (input.complainedUnitId) requireActiveUnit(ctx, input.complainedUnitId, 'complainedUnitId');
      if (input.handlingUnitId) requireActiveUnit(ctx, input.handlingUnitId, 'handlingUnitId');

      const customer = input.anonymous ? null : upsertCustomer(ctx, author, input.customer);
      const phone = input.customer.phone ? normalizePhone(input.customer.phone) : null;
      // The number is given at registration, in the branch's local month of registration.
      const period = localMonth(now, settings.timeZone);
      const number = formatNumber(
        settings.branchCode,
        'case',
        period,
        nextSerial(ctx.db, settings.branchCode, NUMBER_KINDS.case, period),
      );
      const id = ctx.newId();
      const due = dueFor(
        ctx,
        {
          channel: input.channel,
          receivedAt,
          extendedAt: null,
          firstFedBackAt: null,
          counterResolvedAt: null,
          status: 'registered',
        },
        [],
      );
      const gov = input.government;
      const row = insertRowReturning(ctx.db, 'cases', {
        id,
        number,
        branchCode: settings.branchCode,
        channel: input.channel,
        status: 'registered',
        severity: input.severity,
        receivedAt,
        receivedBy: actor.id,
        anonymous: input.anonymous,
        customerId: customer?.id ?? null,
        customerName: input.anonymous ? null : (input.customer.name ?? null),
        customerPhone: phone,
        phoneLast4: phone ? phoneLast4(phone) : null,
        customerOtherContact: input.customer.otherContact ?? null,
        customerContactTime: input.customer.preferredContactTime ?? null,
        govBody: gov?.body ?? null,
        govBodyName: gov?.bodyName ?? null,
        govReferenceNo: gov?.referenceNo ?? null,
        govContactPerson: gov?.contactPerson ?? null,
        govContactPhone: gov?.contactPhone ? normalizePhone(gov.contactPhone) : null,
        purchaseItems: JSON.stringify(input.purchase?.items ?? []),
        purchaseDate: input.purchase?.purchaseDate ?? null,
        receiptNo: input.purchase?.receiptNo ?? null,
        receiptKey: input.purchase?.receiptNo
          ? receiptKey(input.purchase.receiptNo, settings.receiptSerialStart)
          : null,
        purchaseAmountFen: input.purchase?.amountFen ?? null,
        content: input.content,
        expectedResolution: input.expectedResolution ?? null,
        categoryCode: input.categoryCode,
        complainedUnitId: input.complainedUnitId ?? null,
        complainedStaffName: input.complainedStaffName ?? null,
        complainedStaffNo: input.complainedStaffNo ?? null,
        handlingUnitId: input.handlingUnitId ?? null,
        dueAt: due?.at ?? null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
      // The search documents are written after the commit, with the next flush (search-backlog.ts).
      const intake = addEvent(ctx, id, author, 'intake', null, { channel: input.channel, severity: input.severity });
      // What was written, as loadCase would read it: the case is not read back.
      const handlingSteps = tickAtIntake(ctx, actor, id, input.channel, input.handlingSteps ?? []);
      const after = { ...newCaseOfRow(row, intake), handlingSteps };
      recordChange(ctx, author, {
        action: 'case.create',
        entity: 'case',
        entityId: id,
        before: null,
        after: after as unknown as Record<string, unknown>,
        version: 1,
        sync: true,
      });
      return after;
    });
  },
);

export const intakeCheck = withInput(
  IntakeCheckInput,
  function intakeCheck(ctx: ServiceContext, actor: Actor, input: Parsed<typeof IntakeCheckInput>): IntakeCheck {
    if (!can(actor.role, 'intake'))
      throw refuse('FORBIDDEN', '您的角色无权登记个案', 'Your role may not register cases');
    const ids = matchCustomerIds(ctx, input.phone, input.name);
    const otherBranches = input.phone ? otherBranchesUnfounded(ctx.db, input.phone) : null;
    const others = otherBranches?.unfounded ?? 0;
    if (ids.length === 0)
      return {
        customerIds: [],
        unfoundedLast12Months: 0,
        flagged: reachesThreshold(0, others),
        openCases: [],
        otherBranches,
      };
    const marks = ids.map(() => '?').join(', ');
    const since = twelveMonthsBefore(ctx.now(), ctx.settings().timeZone);
    const { n } = ctx.db
      .prepare(
        `SELECT count(*) AS n FROM cases WHERE customer_id IN (${marks}) AND finding = 'unfounded' AND finding_at >= ?`,
      )
      .get(...ids, since) as { n: number };
    const open = ctx.db
      .prepare(
        `SELECT id, number, status, received_at AS receivedAt, receipt_no AS receiptNo FROM cases WHERE customer_id IN (${marks}) AND status NOT IN ('filed', 'not_accepted') ORDER BY received_at DESC LIMIT 50`,
      )
      .all(...ids) as {
      id: string;
      number: string;
      status: CaseRecord['status'];
      receivedAt: number;
      receiptNo: string | null;
    }[];
    return {
      customerIds: ids,
      unfoundedLast12Months: n,
      flagged: reachesThreshold(n, others),
      otherBranches,
      openCases: open.map(({ receiptNo, ...c }) => ({
        ...c,
        samePurchase: !!input.receiptNo && receiptNo === input.receiptNo,
      })),
    };
  },
);
