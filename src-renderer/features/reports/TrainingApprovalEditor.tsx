// The secretary's editor of one typical case's training text (issue 17 §6): the redacted draft in
// text boxes, approve (the edited words become the library's and the sheet's text) or send back
// with a reason. Refusals from main (recorded name or phone left in, empty objection) show their
// bilingual message and mark the field they name.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ToneTag } from '../../components/ToneTag';
import { type TrainingWords, wordsOf } from '../../../src-main/shared/training-sheet-types';
import { pick } from '../../i18n';
import { ApiError, call, invoke } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { useSession } from '../shell/session';

export function TrainingApprovalEditor({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const draft = useQuery({ queryKey: ['training.draft', caseId], queryFn: () => call('training.draft', { caseId }) });
  const [words, setWords] = useState<TrainingWords | null>(null);
  const [error, setError] = useState<{ text: string; field: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [sendingBack, setSendingBack] = useState(false);
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (draft.data) setWords(wordsOf(draft.data.text));
  }, [draft.data]);
  const time = (ms: number) => formatTime(ms, settings.timeZone, i18n.language);

  if (draft.isPending || (draft.data && !words)) return <Spin />;
  if (draft.error || !draft.data || !words)
    return (
      <Alert
        type="error"
        showIcon
        message={draft.error instanceof ApiError ? pick(draft.error.messages) : t('common.error')}
      />
    );
  const d = draft.data;

  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['training'] });
    void qc.invalidateQueries({ queryKey: ['training.queue'] });
    void qc.invalidateQueries({ queryKey: ['training.case', caseId] });
    void qc.invalidateQueries({ queryKey: ['training.draft', caseId] });
  };
  const decide = async (which: 'approve' | 'return') => {
    setBusy(true);
    const r =
      which === 'approve'
        ? await invoke('training.approve', { caseId, ...words })
        : await invoke('training.return', { caseId, reason });
    setBusy(false);
    if (!r.ok) {
      setError({ text: pick(r.error.message), field: r.error.issues[0]?.field ?? null });
      return;
    }
    setError(null);
    setSendingBack(false);
    refresh();
    void message.success(t(which === 'approve' ? 'trainingApproval.approvedDone' : 'trainingApproval.sendBackDone'));
    onDone();
  };
  const bad = (field: string) => (error?.field === field ? 'error' : undefined);
  const box = (field: string, label: string, value: string, set: (v: string) => void, rows = 3) => (
    <Form.Item key={field} label={label} validateStatus={bad(field)} htmlFor={`training-${field}`}>
      <Input.TextArea
        id={`training-${field}`}
        data-field={field}
        value={value}
        autoSize={{ minRows: rows, maxRows: 12 }}
        onChange={(e) => set(e.target.value)}
      />
    </Form.Item>
  );
  const list = (key: 'notes' | 'escalations' | 'instructions', heads: string[]) =>
    words[key].map((text, i) =>
      box(
        `${key}.${i}`,
        heads[i] ?? '',
        text,
        (v) => setWords({ ...words, [key]: words[key].map((x, j) => (j === i ? v : x)) }),
        2,
      ),
    );

  return (
    <div data-testid="training-editor">
      <Space align="center" wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
          {t('trainingApproval.editorTitle', { number: d.number })}
        </Typography.Title>
        <ToneTag tone={d.status === 'approved' ? 'good' : d.status === 'returned' ? 'warn' : 'info'}>
          {t(`trainingApproval.${d.status}`)}
        </ToneTag>
        {d.decidedByName && d.decidedAt !== null && d.status === 'approved' && (
          <Typography.Text type="secondary">
            {t('trainingApproval.approvedBy', { name: d.decidedByName, at: time(d.decidedAt) })}
          </Typography.Text>
        )}
        {d.status === 'returned' && d.returnReason && (
          <Typography.Text type="warning">
            {t('trainingApproval.returnedReason', { reason: d.returnReason })}
          </Typography.Text>
        )}
      </Space>
      <Typography.Paragraph type="secondary">{t('trainingApproval.editorNote')}</Typography.Paragraph>
      <Form layout="vertical">
        {box('content', t('trainingApproval.content'), words.content, (v) => setWords({ ...words, content: v }), 4)}
        {box(
          'expectedResolution',
          t('trainingApproval.expected'),
          words.expectedResolution,
          (v) => setWords({ ...words, expectedResolution: v }),
          1,
        )}
        {words.notes.length > 0 && (
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('trainingApproval.notes')}
          </Typography.Title>
        )}
        {list(
          'notes',
          d.text.notes.map((n) => time(n.at)),
        )}
        {words.escalations.length > 0 && (
          <Typography.Title level={3} style={{ fontSize: 15 }}>
            {t('trainingApproval.escalations')}
          </Typography.Title>
        )}
        {list(
          'escalations',
          d.text.escalations.map((e) => `${time(e.at)} ${t(`escalation.${e.kind}`)}`),
        )}
        {box(
          'resolutionSummary',
          t('trainingApproval.resultSummary'),
          words.resolutionSummary,
          (v) => setWords({ ...words, resolutionSummary: v }),
          2,
        )}
        {list(
          'instructions',
          d.text.instructions.map((i) => `${t('trainingApproval.instructions')} ${time(i.at)}`),
        )}
        {box(
          'reviewText',
          t('trainingApproval.reviewText'),
          words.reviewText,
          (v) => setWords({ ...words, reviewText: v }),
          1,
        )}
      </Form>
      {/* Beside the buttons, where the secretary is looking when the approval is refused. */}
      {error && !sendingBack && (
        <Alert type="error" showIcon role="alert" message={error.text} style={{ marginBottom: 12 }} />
      )}
      <Space>
        <Button type="primary" loading={busy} onClick={() => void decide('approve')}>
          {t('trainingApproval.approve')}
        </Button>
        <Button danger disabled={busy} onClick={() => setSendingBack(true)}>
          {t('trainingApproval.sendBack')}
        </Button>
        <Button disabled={busy} onClick={onDone}>
          {t('trainingApproval.cancel')}
        </Button>
      </Space>
      <Modal
        open={sendingBack}
        title={t('trainingApproval.sendBackTitle')}
        okText={t('trainingApproval.sendBack')}
        cancelText={t('trainingApproval.cancel')}
        okButtonProps={{ danger: true, loading: busy }}
        onOk={() => void decide('return')}
        onCancel={() => setSendingBack(false)}
      >
        <label htmlFor="training-return-reason">{t('trainingApproval.sendBackReason')}</label>
        <Input.TextArea
          id="training-return-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={3}
        />
        {error && sendingBack && <Alert type="error" showIcon message={error.text} style={{ marginTop: 8 }} />}
      </Modal>
    </div>
  );
}
