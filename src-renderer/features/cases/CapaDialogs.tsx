// The dialogs of corrective actions (纠正预防措施): set one (responsible person or unit, the action, the due
// date in the branch's zone), and the one-note dialogs (done, confirm the effect, send back). Field messages
// come from main's refusal, naming the field; what was typed stays.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../src-main/shared/result';
import type { CaseView } from '../../../src-main/shared/types';
import { DayPicker } from '../../components/CalendarPickers';
import { pick } from '../../i18n';
import { invoke } from '../../lib/api';
import { type IssueMap, toIssueMap } from '../../lib/issues';
import { useUnits } from '../shell/session';

type Answer = Result<{ case: CaseView }>;

/** Runs a change, puts the case it answers into the cache, or keeps the refusal for the form. */
function useCapaSubmit(caseId: string, onClose: () => void) {
  const qc = useQueryClient();
  const { message } = App.useApp();
  const { t } = useTranslation();
  const [issues, setIssues] = useState<IssueMap>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (run: () => Promise<Answer>) => {
    setBusy(true);
    const r = await run();
    setBusy(false);
    if (!r.ok) {
      setError(pick(r.error.message));
      setIssues(toIssueMap(r.error.issues));
      return;
    }
    qc.setQueryData(['case', caseId], r.value.case);
    void qc.invalidateQueries({ queryKey: ['caseHistory', caseId] });
    void qc.invalidateQueries({ queryKey: ['capaQueue'] });
    void message.success(t('capa.saved'));
    onClose();
  };
  /** A field typed again: its refusal and the banner go until the next submit. */
  const touch = (...fields: string[]) => {
    setIssues((m) => Object.fromEntries(Object.entries(m).filter(([k]) => !fields.includes(k))));
    setError(null);
  };
  const status = (field: string) =>
    issues[field] ? { validateStatus: 'error' as const, help: pick(issues[field]) } : {};
  return { submit, status, touch, error, busy };
}

export function CapaCreateDialog({ c, onClose }: { c: CaseView; onClose: () => void }) {
  const { t } = useTranslation();
  const units = useUnits();
  const [responsible, setResponsible] = useState<string | undefined>(undefined);
  const [actionText, setActionText] = useState('');
  const [dueOn, setDueOn] = useState('');
  const { submit, status, touch, error, busy } = useCapaSubmit(c.id, onClose);
  const [kind, id] = (responsible ?? ':').split(':');
  const run = () =>
    invoke('capa.create', {
      caseId: c.id,
      ...(kind === 'user' ? { responsibleUserId: id } : {}),
      ...(kind === 'unit' ? { responsibleUnitId: id } : {}),
      actionText,
      dueOn,
    });
  const responsibleStatus = {
    ...status('responsibleUserId'),
    ...status('responsibleUnitId'),
    ...status('responsible'),
  };
  return (
    <Modal
      open
      title={t('capa.createTitle')}
      okText={t('capa.submit')}
      cancelText={t('capa.cancel')}
      confirmLoading={busy}
      onOk={() => void submit(run)}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label={t('capa.responsible')} htmlFor="capa-responsible" required {...responsibleStatus}>
          <Select
            id="capa-responsible"
            value={responsible}
            onChange={(v: string) => {
              setResponsible(v);
              touch('responsible', 'responsibleUserId', 'responsibleUnitId');
            }}
            showSearch
            optionFilterProp="label"
            options={[
              {
                label: t('capa.responsibleStaff'),
                options: c.followUpAssignees.map((u) => ({
                  value: `user:${u.id}`,
                  label: `${u.name}(${t(`role.${u.role}`)})`,
                })),
              },
              {
                label: t('capa.responsibleUnit'),
                options: (units.data ?? [])
                  .filter((u) => u.active)
                  .map((u) => ({ value: `unit:${u.id}`, label: u.name })),
              },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('capa.actionText')} htmlFor="capa-action" required {...status('actionText')}>
          <Input.TextArea
            id="capa-action"
            rows={3}
            value={actionText}
            onChange={(e) => {
              setActionText(e.target.value);
              touch('actionText');
            }}
          />
        </Form.Item>
        <Form.Item label={t('capa.dueOn')} htmlFor="capa-due" required extra={t('capa.dueOnHint')} {...status('dueOn')}>
          <DayPicker
            id="capa-due"
            value={dueOn}
            onChange={(v) => {
              setDueOn(v);
              touch('dueOn');
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export type CapaNoteKind = 'done' | 'confirm' | 'return';

const NOTE = {
  done: { title: 'capa.doneTitle', label: 'capa.doneNote', field: 'doneNote' },
  confirm: { title: 'capa.confirmTitle', label: 'capa.effectNote', field: 'effectNote' },
  return: { title: 'capa.sendBackTitle', label: 'capa.returnReason', field: 'returnReason' },
} as const;

export function CapaNoteDialog(props: { caseId: string; actionId: string; kind: CapaNoteKind; onClose: () => void }) {
  const { caseId, actionId, kind, onClose } = props;
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const { submit, status, touch, error, busy } = useCapaSubmit(caseId, onClose);
  const run = (): Promise<Answer> =>
    kind === 'done'
      ? invoke('capa.done', { actionId, doneNote: text })
      : kind === 'confirm'
        ? invoke('capa.confirm', { actionId, effectNote: text })
        : invoke('capa.return', { actionId, returnReason: text });
  const words = NOTE[kind];
  return (
    <Modal
      open
      title={t(words.title)}
      okText={t('capa.submit')}
      cancelText={t('capa.cancel')}
      confirmLoading={busy}
      onOk={() => void submit(run)}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <Form layout="vertical">
        <Form.Item label={t(words.label)} htmlFor="capa-note" required {...status(words.field)}>
          <Input.TextArea
            id="capa-note"
            rows={3}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              touch(words.field);
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
