// The dialogs of cases of one matter (issue 22 §2–3): link (the cases ticked, a note), unlink (a reason), undo a
// merge (a reason). Each checks its input with the channel's schema first, then main; a refusal stays in the
// dialog in words with the field named, and what was typed stays. The merge dialog is MergeDialog.tsx.
import { Alert, Checkbox, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pick } from '../../i18n';
import { useLinkSubmit } from './link-submit';

export interface Candidate {
  id: string;
  number: string;
}

const statusOf = (issues: ReturnType<typeof useLinkSubmit>['issues'], field: string) =>
  issues[field] ? { validateStatus: 'error' as const, help: pick(issues[field]) } : {};

/** Links this case with the ticked ones (the one clicked ticked already); each keeps its number, status and deadline. */
export function LinkDialog({
  caseId,
  number,
  candidates,
  initial,
  onClose,
}: {
  caseId: string;
  number: string;
  candidates: Candidate[];
  initial: string[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [ticked, setTicked] = useState<string[]>(initial);
  const [note, setNote] = useState('');
  const { run, issues, error, busy } = useLinkSubmit(caseId, 'link', onClose);
  const submit = () => void run('cases.link', { caseIds: [caseId, ...ticked], ...(note.trim() ? { note } : {}) });
  return (
    <Modal
      open
      title={t('links.linkTitle')}
      okText={t('links.confirm')}
      cancelText={t('links.cancel')}
      confirmLoading={busy}
      onOk={submit}
      onCancel={onClose}
      okButtonProps={{ disabled: ticked.length === 0 }}
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <p>{t('links.linkIntro')}</p>
      <Form layout="vertical">
        <Form.Item label={t('links.linked')} {...statusOf(issues, 'caseIds')}>
          <div data-testid="link-self">{t('links.caseNo', { number })}</div>
          <Checkbox.Group
            value={ticked}
            onChange={(v) => setTicked(v.map(String))}
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={candidates.map((c) => ({ value: c.id, label: t('links.caseNo', { number: c.number }) }))}
          />
        </Form.Item>
        <Form.Item label={t('links.note')} htmlFor="link-note" {...statusOf(issues, 'note')}>
          <Input.TextArea id="link-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** One reason box: unlink (this case leaves its matter) and undo a merge share it. */
function ReasonDialog({
  title,
  intro,
  label,
  busy,
  error,
  issue,
  onOk,
  onClose,
}: {
  title: string;
  intro: string;
  label: string;
  busy: boolean;
  error: string | null;
  issue: ReturnType<typeof statusOf>;
  onOk: (reason: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  return (
    <Modal
      open
      title={title}
      okText={t('links.confirm')}
      cancelText={t('links.cancel')}
      confirmLoading={busy}
      onOk={() => onOk(reason)}
      onCancel={onClose}
    >
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 12 }} />}
      <p data-testid="link-dialog-intro">{intro}</p>
      <Form layout="vertical">
        <Form.Item label={label} htmlFor="link-reason" required extra={t('links.reasonShort')} {...issue}>
          <Input.TextArea id="link-reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function UnlinkDialog({ caseId, number, onClose }: { caseId: string; number: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { run, issues, error, busy } = useLinkSubmit(caseId, 'unlink', onClose);
  return (
    <ReasonDialog
      title={t('links.unlinkTitle')}
      intro={t('links.unlinkIntro', { number })}
      label={t('links.reasonLabel')}
      busy={busy}
      error={error}
      issue={statusOf(issues, 'reason')}
      onOk={(reason) => void run('cases.unlink', { caseId, reason })}
      onClose={onClose}
    />
  );
}

/** Undo a mistaken merge (a supervisor or the manager): the duplicate returns to its status before it. */
export function UndoMergeDialog({
  caseId,
  duplicate,
  primaryNumber,
  statusBefore,
  onClose,
}: {
  /** The case on screen (the duplicate or the primary). */
  caseId: string;
  duplicate: Candidate;
  primaryNumber: string;
  statusBefore: string | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { run, issues, error, busy } = useLinkSubmit(caseId, 'undo_merge', onClose);
  const status = statusBefore ? t(`status.${statusBefore}`) : '—';
  return (
    <ReasonDialog
      title={t('links.undoTitle')}
      intro={t('links.undoIntro', { number: duplicate.number, primary: primaryNumber, status })}
      label={t('links.undoReason')}
      busy={busy}
      error={error}
      issue={statusOf(issues, 'reason')}
      onOk={(reason) => void run('cases.undoMerge', { duplicateId: duplicate.id, reason })}
      onClose={onClose}
    />
  );
}
