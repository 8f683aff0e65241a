// The manager's dialogs for the branch's closed days (issue 21 §2): add one (a date from today on and a
// reason) and remove one (with a reason). Checked with the channel's schema first; a refusal from main
// (a past date, a day already closed) stays in the dialog, on its field.
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { inputSchemaOf } from '../../../src-main/shared/ipc/contract';
import type { LocalClosureView } from '../../../src-main/shared/working-calendar-view';
import { DayPicker } from '../../components/CalendarPickers';
import { Field } from '../../components/Field';
import { pick } from '../../i18n';
import type { Result } from '../../../src-main/shared/result';
import { invoke } from '../../lib/api';
import { checkWith, type IssueMap, toIssueMap } from '../../lib/issues';
import { formKeys } from '../../lib/keys';

interface Submitted {
  error: string | null;
  issues: IssueMap;
}

/** A dialog's send: the schema's findings first, then main's answer. */
function useSubmit(onDone: (c: LocalClosureView) => void) {
  const [state, setState] = useState<Submitted>({ error: null, issues: {} });
  const [busy, setBusy] = useState(false);
  const submit = async (found: IssueMap, send: () => Promise<Result<LocalClosureView>>) => {
    if (busy) return;
    setState({ error: null, issues: found });
    if (Object.keys(found).length) return;
    setBusy(true);
    const r = await send();
    setBusy(false);
    if (!r.ok) {
      setState({ error: pick(r.error.message), issues: toIssueMap(r.error.issues) });
      return;
    }
    onDone(r.value);
  };
  return { ...state, busy, submit };
}

export function AddClosureDialog({ onClose, onDone }: { onClose: () => void; onDone: (c: LocalClosureView) => void }) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const s = useSubmit(onDone);
  const go = () =>
    void s.submit(checkWith(inputSchemaOf('calendar.closureAdd'), { date, reason }), () =>
      invoke('calendar.closureAdd', { date, reason }),
    );
  return (
    <Modal
      open
      title={t('cal.addTitle')}
      okText={t('cal.confirm')}
      cancelText={t('cal.cancel')}
      confirmLoading={s.busy}
      onCancel={onClose}
      onOk={go}
    >
      <Typography.Paragraph type="secondary">{t('cal.addNote')}</Typography.Paragraph>
      {s.error && <Alert type="error" showIcon role="alert" message={s.error} style={{ marginBottom: 12 }} />}
      <Form component={false} layout="vertical">
        <form aria-label={t('cal.addTitle')} {...formKeys(go)} onSubmit={(e) => (e.preventDefault(), go())}>
          <Field id="closureDate" path="date" label={t('cal.date')} issues={s.issues} required>
            <DayPicker id="closureDate" value={date} onChange={setDate} />
          </Field>
          <Field id="closureReason" path="reason" label={t('cal.reason')} issues={s.issues} required>
            <Input id="closureReason" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
          </Field>
        </form>
      </Form>
    </Modal>
  );
}

export function RemoveClosureDialog({
  closure,
  onClose,
  onDone,
}: {
  closure: LocalClosureView;
  onClose: () => void;
  onDone: (c: LocalClosureView) => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const s = useSubmit(onDone);
  const input = { id: closure.id, reason };
  const go = () =>
    void s.submit(checkWith(inputSchemaOf('calendar.closureRemove'), input), () =>
      invoke('calendar.closureRemove', input),
    );
  return (
    <Modal
      open
      title={t('cal.removeTitle', { date: closure.date })}
      okText={t('cal.confirm')}
      cancelText={t('cal.cancel')}
      confirmLoading={s.busy}
      onCancel={onClose}
      onOk={go}
    >
      {s.error && <Alert type="error" showIcon role="alert" message={s.error} style={{ marginBottom: 12 }} />}
      <Form component={false} layout="vertical">
        <form
          aria-label={t('cal.removeTitle', { date: closure.date })}
          {...formKeys(go)}
          onSubmit={(e) => (e.preventDefault(), go())}
        >
          <Field id="closureRemoveReason" path="reason" label={t('cal.removeReason')} issues={s.issues} required>
            <Input
              id="closureRemoveReason"
              autoFocus
              maxLength={200}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
        </form>
      </Form>
    </Modal>
  );
}
