// Settings (manager only, SPEC §11): the device and branch settings main keeps. Main
// refuses other roles anyway; the screen says so instead of showing a form that will fail.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UNENCRYPTED_WORDS } from '../../../src-main/shared/i18n/vocabulary-connection';
import { inputSchemaOf, type PublicSettings } from '../../../src-main/shared/ipc/contract';
import { AMOUNT_CEILING_FEN, formatYuan, parseMoney } from '../../../src-main/shared/money-input';
import { AmountInput } from '../../components/AmountInput';
import { Field } from '../../components/Field';
import { pick, setLang } from '../../i18n';
import { invoke } from '../../lib/api';
import { checkWith, type IssueMap, toIssueMap } from '../../lib/issues';
import { formKeys } from '../../lib/keys';
import { useSession } from '../shell/session';
import { DeclineReasonSettings } from './DeclineReasonSettings';
import { FollowUpSettings } from './FollowUpSettings';
import { ProductFlagSettings } from './ProductFlagSettings';
import { AttachmentSettings } from './AttachmentSettings';
import { PersonalDataSettings } from './PersonalDataSettings';
import { RetentionSettings } from './RetentionSettings';
import { PrinterSelect } from './PrinterSelect';
import { SyncKeyForm } from './SyncKeyForm';
import { UpdateCard } from './UpdateCard';

type Editable = Pick<
  PublicSettings,
  | 'branchName'
  | 'lockAfterMinutes'
  | 'businessHours'
  | 'dueSoonHours'
  | 'governmentReplyDays'
  | 'governmentDayCount'
  | 'approvalLimits'
  | 'maskPhoneOnCustomerCopy'
  | 'slipPaper'
  | 'language'
  | 'printerName'
  | 'headOfficeUrl'
  | 'allowUnencrypted'
  | 'syncIntervalMinutes'
  | 'outboxArchiveDays'
  | 'maxAmountFen'
  | 'unitStaffSeeAllUnits'
  | 'followUpDays'
  | 'unreachableAttemptsToFile'
  | 'declineReasons'
  | 'receiptSerialStart'
  | 'productFlagMinCases'
  | 'productFlagDays'
  | 'attachmentMaxMb'
  | 'attachmentKeepOriginals'
  | 'personalDataRoles'
  | 'retentionYears'
>;

/** The maximum amount as typed in yuan: fen, or the field's message. */
function maxAmountIssues(text: string): { fen: number } | { issues: IssueMap } {
  const r = parseMoney(text, AMOUNT_CEILING_FEN);
  if (!r.ok) return { issues: { maxAmountFen: r.message } };
  if (r.fen < 100) return { issues: { maxAmountFen: { zh: '至少 ¥1', en: 'must be at least ¥1' } } };
  return { fen: r.fen };
}

export function SettingsScreen() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user, settings } = useSession();
  const qc = useQueryClient();
  const [v, setV] = useState<Editable>(() => ({
    branchName: settings.branchName,
    lockAfterMinutes: settings.lockAfterMinutes,
    businessHours: settings.businessHours,
    dueSoonHours: settings.dueSoonHours,
    governmentReplyDays: settings.governmentReplyDays,
    governmentDayCount: settings.governmentDayCount,
    approvalLimits: settings.approvalLimits,
    maskPhoneOnCustomerCopy: settings.maskPhoneOnCustomerCopy,
    slipPaper: settings.slipPaper,
    language: settings.language,
    printerName: settings.printerName,
    headOfficeUrl: settings.headOfficeUrl,
    allowUnencrypted: settings.allowUnencrypted,
    syncIntervalMinutes: settings.syncIntervalMinutes,
    outboxArchiveDays: settings.outboxArchiveDays,
    maxAmountFen: settings.maxAmountFen,
    unitStaffSeeAllUnits: settings.unitStaffSeeAllUnits,
    followUpDays: settings.followUpDays,
    unreachableAttemptsToFile: settings.unreachableAttemptsToFile,
    declineReasons: settings.declineReasons,
    receiptSerialStart: settings.receiptSerialStart,
    productFlagMinCases: settings.productFlagMinCases,
    productFlagDays: settings.productFlagDays,
    attachmentMaxMb: settings.attachmentMaxMb,
    attachmentKeepOriginals: settings.attachmentKeepOriginals,
    personalDataRoles: settings.personalDataRoles,
    retentionYears: settings.retentionYears,
  }));
  const [maxAmountText, setMaxAmountText] = useState(() => formatYuan(settings.maxAmountFen));
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<string | null>(null);

  if (user.role !== 'manager') return <Alert type="info" showIcon message={t('settings.managerOnly')} />;
  const set = <K extends keyof Editable>(k: K, val: Editable[K]) => setV((p) => ({ ...p, [k]: val }));

  const save = async () => {
    const max = maxAmountIssues(maxAmountText);
    const patch = 'fen' in max ? { ...v, maxAmountFen: max.fen } : v;
    const found = { ...checkWith(inputSchemaOf('settings.update'), patch), ...('issues' in max ? max.issues : {}) };
    setIssues(found);
    if (Object.keys(found).length) return;
    const r = await invoke('settings.update', patch);
    if (!r.ok) {
      setError(pick(r.error.message));
      setIssues(toIssueMap(r.error.issues));
      return;
    }
    setError(null);
    setV((p) => ({ ...p, maxAmountFen: r.value.maxAmountFen }));
    setMaxAmountText(formatYuan(r.value.maxAmountFen));
    qc.setQueryData(['settings'], r.value);
    await setLang(r.value.language);
    void message.success(t('settings.saved'));
  };
  // No min on the field: an out-of-range number stays as typed and the store's refusal names it (a clamp would change it silently).
  const num = (
    k: 'lockAfterMinutes' | 'dueSoonHours' | 'governmentReplyDays' | 'syncIntervalMinutes' | 'outboxArchiveDays',
  ) => <InputNumber id={k} value={v[k]} onChange={(n) => set(k, Number(n ?? 0))} style={{ width: '100%' }} />;

  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 20, marginTop: 0 }}>
        {t('settings.title')}
      </Typography.Title>
      <UpdateCard />
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form component={false} layout="vertical">
        <form
          aria-label={t('settings.title')}
          {...formKeys(() => void save())}
          onSubmit={(e) => (e.preventDefault(), void save())}
          style={{ maxWidth: 900 }}
        >
          <div className="form-grid">
            <Field id="branchName" label={t('settings.branchName')} issues={issues}>
              <Input id="branchName" value={v.branchName} onChange={(e) => set('branchName', e.target.value)} />
            </Field>
            <Field id="lockAfterMinutes" label={t('settings.lockAfterMinutes')} issues={issues}>
              {num('lockAfterMinutes')}
            </Field>
            <Field id="language" label={t('settings.language')} issues={issues}>
              <Select
                id="language"
                value={v.language}
                onChange={(x) => set('language', x)}
                options={[
                  { value: 'zh-CN', label: t('app.langZh') },
                  { value: 'en', label: t('app.langEn') },
                ]}
              />
            </Field>
            <Field id="open" path="businessHours.open" label={t('settings.open')} issues={issues}>
              <Input
                id="open"
                value={v.businessHours.open}
                onChange={(e) => set('businessHours', { ...v.businessHours, open: e.target.value })}
              />
            </Field>
            <Field id="close" path="businessHours.close" label={t('settings.close')} issues={issues}>
              <Input
                id="close"
                value={v.businessHours.close}
                onChange={(e) => set('businessHours', { ...v.businessHours, close: e.target.value })}
              />
            </Field>
            <Field id="dueSoonHours" label={t('settings.dueSoonHours')} issues={issues}>
              {num('dueSoonHours')}
            </Field>
            <Field id="governmentReplyDays" label={t('settings.governmentReplyDays')} issues={issues}>
              {num('governmentReplyDays')}
            </Field>
            {/* Issue 21 §2: how the government reply days count (the working calendar). */}
            <Field id="governmentDayCount" label={t('cal.countLabel')} issues={issues}>
              <Select
                id="governmentDayCount"
                value={v.governmentDayCount}
                onChange={(x) => set('governmentDayCount', x)}
                options={[
                  { value: 'working', label: t('cal.countWorking') },
                  { value: 'calendar', label: t('cal.countCalendar') },
                ]}
              />
            </Field>
            <Field id="clerkLimit" path="approvalLimits.clerkFen" label={t('settings.clerkLimit')} issues={issues}>
              <InputNumber
                id="clerkLimit"
                min={0}
                value={v.approvalLimits.clerkFen / 100}
                onChange={(n) =>
                  set('approvalLimits', { ...v.approvalLimits, clerkFen: Math.round(Number(n ?? 0) * 100) })
                }
                style={{ width: '100%' }}
              />
            </Field>
            <Field
              id="supervisorLimit"
              path="approvalLimits.supervisorFen"
              label={t('settings.supervisorLimit')}
              issues={issues}
            >
              <InputNumber
                id="supervisorLimit"
                min={0}
                value={v.approvalLimits.supervisorFen / 100}
                onChange={(n) =>
                  set('approvalLimits', { ...v.approvalLimits, supervisorFen: Math.round(Number(n ?? 0) * 100) })
                }
                style={{ width: '100%' }}
              />
            </Field>
            <Field id="receiptSerialStart" label={t('settings.receiptSerialStart')} issues={issues}>
              <InputNumber
                id="receiptSerialStart"
                value={v.receiptSerialStart}
                onChange={(n) => set('receiptSerialStart', Number(n ?? 0))}
                style={{ width: '100%' }}
              />
            </Field>
            <Field id="maxAmount" path="maxAmountFen" label={t('staff.maxAmount')} issues={issues}>
              <AmountInput id="maxAmount" value={maxAmountText} onChange={(e) => setMaxAmountText(e.target.value)} />
            </Field>
            <Field id="unitStaffSeeAll" path="unitStaffSeeAllUnits" label={t('staff.unitStaffSeeAll')} issues={issues}>
              <Switch
                id="unitStaffSeeAll"
                checked={v.unitStaffSeeAllUnits}
                onChange={(x) => set('unitStaffSeeAllUnits', x)}
              />
            </Field>
            <Field id="maskPhone" path="maskPhoneOnCustomerCopy" label={t('settings.maskPhone')} issues={issues}>
              <Switch
                id="maskPhone"
                checked={v.maskPhoneOnCustomerCopy}
                onChange={(x) => set('maskPhoneOnCustomerCopy', x)}
              />
            </Field>
            <Field id="slipPaper" label={t('settings.slipPaper')} issues={issues}>
              <Radio.Group
                id="slipPaper"
                value={v.slipPaper}
                onChange={(e) => set('slipPaper', e.target.value)}
                options={[
                  { value: 'A4', label: 'A4' },
                  { value: 'A5', label: 'A5' },
                ]}
              />
            </Field>
            <Field id="printerName" label={t('settings.printer')} issues={issues}>
              <PrinterSelect id="printerName" value={v.printerName} onChange={(x) => set('printerName', x)} />
            </Field>
          </div>
          <FollowUpSettings
            value={{ followUpDays: v.followUpDays, unreachableAttemptsToFile: v.unreachableAttemptsToFile }}
            onChange={(x) => setV((p) => ({ ...p, ...x }))}
            issues={issues}
          />
          <ProductFlagSettings
            value={{ productFlagMinCases: v.productFlagMinCases, productFlagDays: v.productFlagDays }}
            onChange={(x) => setV((p) => ({ ...p, ...x }))}
            issues={issues}
          />
          <AttachmentSettings
            value={{ attachmentMaxMb: v.attachmentMaxMb, attachmentKeepOriginals: v.attachmentKeepOriginals }}
            onChange={(x) => setV((p) => ({ ...p, ...x }))}
            issues={issues}
          />
          <PersonalDataSettings
            value={v.personalDataRoles}
            onChange={(x) => set('personalDataRoles', x)}
            issues={issues}
          />
          <RetentionSettings value={v.retentionYears} onChange={(x) => set('retentionYears', x)} issues={issues} />
          <DeclineReasonSettings
            value={v.declineReasons}
            onChange={(x) => set('declineReasons', x)}
            issues={issues}
            now={Date.now}
          />
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            {t('settings.syncSection')}
          </Typography.Title>
          <div className="form-grid">
            <Field id="branchCode" label={t('settings.branchCode')}>
              <Input id="branchCode" value={settings.branchCode} disabled />
            </Field>
            <Field id="headOfficeUrl" label={t('settings.headOfficeUrl')} issues={issues}>
              <Input
                id="headOfficeUrl"
                inputMode="url"
                placeholder="https://"
                value={v.headOfficeUrl}
                onChange={(e) => set('headOfficeUrl', e.target.value.trim())}
              />
            </Field>
            <Field id="allowUnencrypted" label={pick(UNENCRYPTED_WORDS.allowLabel)} issues={issues}>
              <Checkbox
                id="allowUnencrypted"
                checked={v.allowUnencrypted}
                onChange={(e) => set('allowUnencrypted', e.target.checked)}
              >
                {pick(UNENCRYPTED_WORDS.allowHelp)}
              </Checkbox>
            </Field>
            <Field id="syncIntervalMinutes" label={t('settings.syncIntervalMinutes')} issues={issues}>
              {num('syncIntervalMinutes')}
            </Field>
            <Field id="outboxArchiveDays" label={t('settings.outboxArchiveDays')} issues={issues}>
              {num('outboxArchiveDays')}
            </Field>
          </div>
          <Button type="primary" htmlType="submit">
            {t('settings.save')}
          </Button>
        </form>
        <div style={{ maxWidth: 600, marginTop: 24 }}>
          <SyncKeyForm hasKey={settings.hasSyncKey} />
        </div>
      </Form>
    </>
  );
}
