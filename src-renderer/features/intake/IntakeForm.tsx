// Intake, one form per channel (SPEC §2), showing only the fields that apply. The whole
// form works from the keyboard (Tab, Ctrl+Enter); what is typed is kept as a draft on this
// PC as the clerk types and is never cleared by an error.
import { App, Alert, Checkbox, Form, Input, Radio, Select, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { GOVERNMENT_BODIES, SEVERITIES } from '../../../src-main/shared/enums';
import { CaseIntakeInput } from '../../../src-main/shared/schemas/case';
import { DayPicker } from '../../components/CalendarPickers';
import { InstantPicker } from '../../components/DatePickers';
import { DraftOffer, SubmitWithDraftState } from '../../components/DraftOffer';
import { AmountInput } from '../../components/AmountInput';
import { Field } from '../../components/Field';
import { formKeys } from '../../lib/keys';
import { navigate } from '../../lib/router';
import { useCheckedSubmit } from '../../lib/useCheckedSubmit';
import { useDraft } from '../../lib/useDraft';
import { useCategories, useSession, useUnits } from '../shell/session';
import {
  emptyIntake,
  INTAKE_FORMS,
  type IntakeForm as Kind,
  type IntakeState,
  itemsOf,
  OTHER_CHANNELS,
  SHOWS,
  toIntakeInput,
} from './intake-state';
import { WithGuidance } from '../guidance/GuidancePanel';
import { IntakeGuidance, useIntakeSteps } from '../guidance/IntakeGuidance';
import { PurchaseItemsEditor } from './PurchaseItemsEditor';
import { RepeatNotice } from './RepeatNotice';
import { IntakeMatterNotice } from '../links/IntakeMatterNotice';

/** The longest text a field of the intake schema accepts (through optional and trimming pipes). */
function maxLengthOf(schema: z.core.$ZodType): number | undefined {
  if (schema instanceof z.ZodString) return schema.maxLength ?? undefined;
  if (schema instanceof z.ZodPipe) return maxLengthOf(schema.in);
  if (schema instanceof z.ZodOptional) return maxLengthOf(schema.unwrap());
  return undefined;
}
const CONTENT_MAX = maxLengthOf(CaseIntakeInput.shape.content);
const EXPECTED_MAX = maxLengthOf(CaseIntakeInput.shape.expectedResolution);

const asKind = (c: string): Kind => ((INTAKE_FORMS as string[]).includes(c) ? (c as Kind) : 'phone');

export function IntakeForm({ channel }: { channel: string }) {
  const kind = asKind(channel);
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { settings } = useSession();
  const units = useUnits();
  const categories = useCategories();
  const draft = useDraft<IntakeState>(`intake.${kind}`, emptyIntake);
  const s = draft.value;
  const { issues, error, busy, send } = useCheckedSubmit();
  const show = SHOWS[kind];

  const set = <K extends keyof IntakeState>(k: K, v: IntakeState[K]) => draft.update((prev) => ({ ...prev, [k]: v }));
  const text = (k: keyof IntakeState) => ({
    value: s[k] as string,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => set(k, e.target.value as never),
  });

  const caseChannel = kind === 'other' ? s.subChannel : kind;
  const handlingSteps = useIntakeSteps(caseChannel, s.handlingSteps);
  const submit = async () => {
    const saved = await send('cases.create', toIntakeInput(kind, { ...s, handlingSteps }));
    if (!saved) return;
    draft.clear();
    void message.success(t('intake.saved', { number: saved.number }));
    navigate(`/case/${saved.id}`);
  };

  const unitOptions = (units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }));
  const categoryOptions = (categories.data ?? [])
    .filter((c) => c.active)
    .map((c) => ({ value: c.code, label: i18n.language === 'en' ? c.nameEn : c.nameZh }));

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {t('intake.title')}
      </Typography.Title>
      <Tabs
        activeKey={kind}
        onChange={(k) => navigate(`/intake/${k}`)}
        items={INTAKE_FORMS.map((k) => ({ key: k, label: t(`channel.${k}`) }))}
      />
      <WithGuidance
        panel={
          <IntakeGuidance
            channel={caseChannel}
            ticked={s.handlingSteps}
            onChange={(v) => set('handlingSteps', v)}
            timeZone={settings.timeZone}
          />
        }
      >
        {draft.offer && (
          <DraftOffer
            at={draft.offer.at}
            timeZone={settings.timeZone}
            onRestore={draft.restore}
            onDiscard={draft.discardOffer}
          />
        )}
        {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
        <RepeatNotice
          phone={show.anonymous && s.anonymous ? '' : s.phone}
          name={show.anonymous && s.anonymous ? '' : s.name}
          receiptNo={s.receiptNo}
        />
        <IntakeMatterNotice
          phone={show.anonymous && s.anonymous ? '' : s.phone}
          name={show.anonymous && s.anonymous ? '' : s.name}
          receiptNo={s.receiptNo}
          items={itemsOf(s)}
          content={s.content}
        />
        <Form component={false} layout="vertical">
          <form
            aria-label={t('intake.title')}
            {...formKeys(() => void submit())}
            onSubmit={(e) => (e.preventDefault(), void submit())}
          >
            {kind === 'other' && (
              <Field id="subChannel" label={t('intake.otherChannel')} required>
                <Radio.Group
                  id="subChannel"
                  value={s.subChannel}
                  onChange={(e) => set('subChannel', e.target.value)}
                  options={OTHER_CHANNELS.map((c) => ({ value: c, label: t(`channel.${c}`) }))}
                />
              </Field>
            )}
            {kind === 'other' && (
              <Field id="receivedAt" label={t('intake.receivedAt')} issues={issues}>
                <InstantPicker id="receivedAt" value={s.receivedAt ?? ''} onChange={(v) => set('receivedAt', v)} />
              </Field>
            )}
            {show.government && (
              <fieldset className="form-grid">
                <legend>{t('intake.government')}</legend>
                <Field id="govBody" path="government.body" label={t('intake.body')} issues={issues} required>
                  <Select
                    id="govBody"
                    value={s.govBody || undefined}
                    onChange={(v) => set('govBody', v)}
                    options={GOVERNMENT_BODIES.map((b) => ({ value: b, label: t(`govBody.${b}`) }))}
                  />
                </Field>
                <Field
                  id="govRef"
                  path="government.referenceNo"
                  label={t('intake.referenceNo')}
                  issues={issues}
                  required
                >
                  <Input id="govRef" {...text('govRef')} />
                </Field>
                <Field id="govBodyName" path="government.bodyName" label={t('intake.bodyName')} issues={issues}>
                  <Input id="govBodyName" {...text('govBodyName')} />
                </Field>
                <Field
                  id="govContactPerson"
                  path="government.contactPerson"
                  label={t('intake.contactPerson')}
                  issues={issues}
                >
                  <Input id="govContactPerson" {...text('govContactPerson')} />
                </Field>
                <Field
                  id="govContactPhone"
                  path="government.contactPhone"
                  label={t('intake.contactPhone')}
                  issues={issues}
                >
                  <Input id="govContactPhone" inputMode="tel" {...text('govContactPhone')} />
                </Field>
              </fieldset>
            )}
            <fieldset className="form-grid">
              <legend>{t('intake.customer')}</legend>
              {show.anonymous && (
                <div className="wide" style={{ marginBottom: 8 }}>
                  <Checkbox id="anonymous" checked={s.anonymous} onChange={(e) => set('anonymous', e.target.checked)}>
                    {t('intake.anonymous')}
                  </Checkbox>
                </div>
              )}
              {!(show.anonymous && s.anonymous) && (
                <>
                  <Field
                    id="phone"
                    path="customer.phone"
                    label={t('intake.phone')}
                    issues={issues}
                    required={kind === 'phone'}
                  >
                    <Input id="phone" inputMode="tel" autoFocus={kind === 'phone'} {...text('phone')} />
                  </Field>
                  <Field id="name" path="customer.name" label={t('intake.name')} issues={issues}>
                    <Input id="name" {...text('name')} />
                  </Field>
                  <Field
                    id="contactTime"
                    path="customer.preferredContactTime"
                    label={t('intake.contactTime')}
                    issues={issues}
                  >
                    <Input id="contactTime" {...text('contactTime')} />
                  </Field>
                  {show.otherContact && (
                    <Field
                      id="otherContact"
                      path="customer.otherContact"
                      label={t('intake.otherContact')}
                      issues={issues}
                    >
                      <Input id="otherContact" {...text('otherContact')} />
                    </Field>
                  )}
                </>
              )}
            </fieldset>
            {show.purchase && (
              <fieldset className="form-grid">
                <legend>{t('intake.purchase')}</legend>
                <PurchaseItemsEditor items={itemsOf(s)} issues={issues} onChange={(items) => set('items', items)} />
                <Field id="receiptNo" path="purchase.receiptNo" label={t('intake.receiptNo')} issues={issues}>
                  <Input id="receiptNo" {...text('receiptNo')} />
                </Field>
                <Field id="purchaseDate" path="purchase.purchaseDate" label={t('intake.purchaseDate')} issues={issues}>
                  <DayPicker id="purchaseDate" value={s.purchaseDate} onChange={(x) => set('purchaseDate', x)} />
                </Field>
                <Field id="amount" path="purchase.amountFen" label={t('intake.amount')} issues={issues}>
                  <AmountInput id="amount" {...text('amount')} />
                </Field>
              </fieldset>
            )}
            <fieldset className="form-grid">
              <legend>{t('intake.objection')}</legend>
              <div className="wide">
                <Field id="content" label={t('intake.content')} issues={issues} required>
                  <Input.TextArea
                    id="content"
                    autoFocus={kind !== 'phone'}
                    rows={4}
                    showCount
                    maxLength={CONTENT_MAX}
                    {...text('content')}
                  />
                </Field>
              </div>
              <div className="wide">
                <Field id="expected" path="expectedResolution" label={t('intake.expected')} issues={issues}>
                  <Input.TextArea id="expected" rows={2} showCount maxLength={EXPECTED_MAX} {...text('expected')} />
                </Field>
              </div>
              <Field id="category" path="categoryCode" label={t('intake.category')} issues={issues} required>
                <Select
                  id="category"
                  value={s.categoryCode || undefined}
                  onChange={(v) => set('categoryCode', v)}
                  options={categoryOptions}
                />
              </Field>
              <Field id="severity" label={t('intake.severity')} issues={issues}>
                <Radio.Group
                  id="severity"
                  value={s.severity}
                  onChange={(e) => set('severity', e.target.value)}
                  options={SEVERITIES.map((v) => ({ value: v, label: t(`severity.${v}`) }))}
                />
              </Field>
              <Field id="complainedUnit" path="complainedUnitId" label={t('intake.complainedUnit')} issues={issues}>
                <Select
                  id="complainedUnit"
                  allowClear
                  value={s.complainedUnitId || undefined}
                  onChange={(v) => set('complainedUnitId', v ?? '')}
                  options={unitOptions}
                />
              </Field>
              <Field
                id="complainedStaff"
                path="complainedStaffName"
                label={t('intake.complainedStaff')}
                issues={issues}
              >
                <Input
                  id="complainedStaff"
                  maxLength={50}
                  value={s.complainedStaffName ?? ''}
                  onChange={(e) => set('complainedStaffName', e.target.value)}
                />
              </Field>
              <Field
                id="complainedStaffNo"
                path="complainedStaffNo"
                label={t('intake.complainedStaffNo')}
                issues={issues}
              >
                <Input
                  id="complainedStaffNo"
                  maxLength={12}
                  value={s.complainedStaffNo ?? ''}
                  onChange={(e) => set('complainedStaffNo', e.target.value)}
                />
              </Field>
              <Field id="handlingUnit" path="handlingUnitId" label={t('intake.handlingUnit')} issues={issues}>
                <Select
                  id="handlingUnit"
                  allowClear
                  value={s.handlingUnitId || undefined}
                  onChange={(v) => set('handlingUnitId', v ?? '')}
                  options={unitOptions}
                />
              </Field>
            </fieldset>
            <SubmitWithDraftState
              label={t('intake.submit')}
              busy={busy}
              savedAt={draft.savedAt}
              failed={draft.saveFailed}
              timeZone={settings.timeZone}
            />
          </form>
        </Form>
      </WithGuidance>
    </>
  );
}
