// One action in a dialog (on a case, a follow-up or a slip): fields from its spec, checked
// with the channel's schema before sending and with main's answer after; on refusal the
// typed values stay. The caller puts main's answer into its own cache entry.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputSchemaOf } from '../../../src-main/shared/ipc/contract';
import { DayPicker } from '../../components/CalendarPickers';
import { InstantPicker } from '../../components/DatePickers';
import { Field } from '../../components/Field';
import { pick } from '../../i18n';
import { invoke } from '../../lib/api';
import { checkWith, type IssueMap, toIssueMap } from '../../lib/issues';
import { formKeys } from '../../lib/keys';
import { useSession, useUnits } from '../shell/session';
import { ACTION_SPECS, type ActionField } from './action-specs';
import { ResolutionOfferField } from './ResolutionOfferField';
import type { CaseView } from '../../../src-main/shared/types';

/** The values a dialog starts with on this case (e.g. the follow-up's assignee: the viewer herself). */
function initialValues(fields: ActionField[], c: CaseView | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const v = c && f.initial ? f.initial(c) : undefined;
    if (v !== undefined) out[f.name] = v;
  }
  return out;
}

interface Props {
  action: string;
  /** The case, follow-up or slip the action is on (the spec knows which). */
  targetId: string;
  /** The case's channel: fields meant for other channels are not asked. */
  caseChannel?: string;
  /** The case the target belongs to (the target itself for a case action). */
  caseId?: string;
  /** What the action will do, shown above the fields (the confirmation says what happens). */
  notice?: string;
  /** The dialog's title when the case words the action its own way (呈领导审核, 答复部门). */
  title?: string;
  /** The case the action is on: its own options (follow-up assignees), starting values and required marks. */
  caseView?: CaseView;
  /** With main's answer after success; without when cancelled. */
  onClose: (answer?: unknown) => void;
}

export function ActionDialog({ action, targetId, caseId, notice, caseChannel, title, caseView, onClose }: Props) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const units = useUnits();
  const { settings } = useSession();
  const spec = ACTION_SPECS[action];
  const [values, setValues] = useState<Record<string, string>>(() => initialValues(spec?.fields ?? [], caseView));
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!spec) return null;

  const set = (k: string, v: string) => {
    setValues((p) => ({ ...p, [k]: v }));
    // An edited field's message (the schema's or main's refusal) is stale: it goes, with the refusal above.
    const path = spec.fields.find((f) => f.name === k)?.path ?? k;
    // A field with parts (the options offered) answers to its name's whole subtree.
    const stale = (key: string) => key === path || key.startsWith(`${k}.`);
    if (Object.keys(issues).some(stale)) {
      setIssues((p) => Object.fromEntries(Object.entries(p).filter(([key]) => !stale(key))));
      setError(null);
    }
  };

  const submit = async () => {
    if (busy) return;
    const input = spec.build(targetId, values, caseId ?? targetId);
    const found = checkWith(inputSchemaOf(spec.channel), input);
    setIssues(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    // The channel is chosen by the spec; its input was just checked against that channel's schema.
    const r = await invoke(spec.channel, input as never);
    setBusy(false);
    if (!r.ok) {
      setError(pick(r.error.message));
      setIssues(toIssueMap(r.error.issues));
      return;
    }
    void qc.invalidateQueries({ queryKey: ['counts'] });
    void qc.invalidateQueries({ queryKey: ['list'] });
    onClose(r.value);
  };

  const control = (f: ActionField) => {
    const id = `action-${f.name}`;
    const v = values[f.name];
    switch (f.kind) {
      case 'textarea':
        return (
          <Input.TextArea
            id={id}
            rows={3}
            value={v ?? ''}
            showCount={f.max !== undefined}
            maxLength={f.max}
            onChange={(e) => set(f.name, e.target.value)}
          />
        );
      case 'select':
        return (
          <Select
            id={id}
            value={v}
            onChange={(x: string) => set(f.name, x)}
            options={f.options?.(t) ?? []}
            style={{ width: '100%' }}
          />
        );
      case 'units':
        return (
          <Select
            id={id}
            value={v}
            onChange={(x: string) => set(f.name, x)}
            options={(units.data ?? []).filter((u) => u.active).map((u) => ({ value: u.id, label: u.name }))}
            style={{ width: '100%' }}
          />
        );
      case 'assignee':
        return (
          <Select
            id={id}
            value={v}
            onChange={(x: string) => set(f.name, x)}
            options={(caseView?.followUpAssignees ?? []).map((a) => ({
              value: a.id,
              label: `${a.name}(${t(`role.${a.role}`)})`,
            }))}
            style={{ width: '100%' }}
          />
        );
      case 'declineReasons':
        return (
          <Select
            id={id}
            value={v}
            onChange={(x: string) => set(f.name, x)}
            options={settings.declineReasons.map((r) => ({ value: r.code, label: pick(r) }))}
            style={{ width: '100%' }}
          />
        );
      case 'yesno':
        return (
          <Radio.Group id={id} value={v} onChange={(e) => set(f.name, e.target.value as string)}>
            <Radio value="yes">{t('yesNo.yes')}</Radio>
            <Radio value="no">{t('yesNo.no')}</Radio>
          </Radio.Group>
        );
      case 'datetime':
        return <InstantPicker id={id} value={v} onChange={(x) => set(f.name, x)} />;
      case 'date':
        return <DayPicker id={id} value={v} onChange={(x) => set(f.name, x)} />;
      case 'offer':
        return <ResolutionOfferField id={id} value={v} onChange={(x) => set(f.name, x)} issues={issues} />;
      default:
        return (
          <Input
            id={id}
            inputMode={f.kind === 'money' ? 'decimal' : undefined}
            value={v ?? ''}
            onChange={(e) => set(f.name, e.target.value)}
          />
        );
    }
  };

  return (
    <Modal
      open
      title={title ?? t(`action.${action}`)}
      okText={t('action.confirm')}
      cancelText={t('action.cancel')}
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      {notice && (
        <Alert type="info" showIcon message={notice} style={{ marginBottom: 12 }} data-testid="action-notice" />
      )}
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      {(spec.hints?.(values, caseView) ?? []).map((h) => (
        <Alert
          key={h.en}
          type="warning"
          showIcon
          message={pick(h)}
          style={{ marginBottom: 12 }}
          data-testid="action-hint"
        />
      ))}
      <Form component={false} layout="vertical">
        <form
          aria-label={title ?? t(`action.${action}`)}
          {...formKeys(() => void submit())}
          onSubmit={(e) => (e.preventDefault(), void submit())}
        >
          {spec.fields
            .filter((f) => !f.channels || f.channels.some((c) => c === caseChannel))
            .map((f) => (
              <Field
                key={f.name}
                id={`action-${f.name}`}
                path={f.path ?? f.name}
                label={t(f.label)}
                issues={issues}
                required={f.required ?? (caseView && f.requiredOn ? f.requiredOn(caseView) : false)}
              >
                {control(f)}
              </Field>
            ))}
        </form>
      </Form>
    </Modal>
  );
}
