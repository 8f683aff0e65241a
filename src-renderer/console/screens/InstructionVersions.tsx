// The 批示 already given for a case, each with its newest version (已更正 / 已撤回 and the
// reason), and the way to correct or withdraw one: a new version with a reason, never an edit.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { v4 as uuidv4 } from 'uuid';
import {
  type ConsoleInstruction,
  instructionVersionsPath,
  type InstructionAnswer,
  InstructionVersionBody,
} from '../../../src-headoffice/console/api-contract';
import { type InstructionChain, instructionChains } from '../../../src-main/shared/instruction-versions';
import { Field } from '../../components/Field';
import { ToneTag } from '../../components/ToneTag';
import { postJson } from '../api';
import { shTime } from '../labels';
import { useConsoleSubmit } from '../useConsoleSubmit';

type Chain = InstructionChain<ConsoleInstruction & { id: string; supersedesId: string | null }>;

/** The console's instructions as version chains (the shared reader's field names). */
export const consoleChains = (list: readonly ConsoleInstruction[]): Chain[] =>
  instructionChains(list.map((i) => ({ ...i, id: i.instructionId, supersedesId: i.supersedes ?? null })));

interface Props {
  branch: string;
  caseId: string;
  instructions: ConsoleInstruction[];
}

export function InstructionVersions({ branch, caseId, instructions }: Props) {
  const { t, i18n } = useTranslation('console');
  const lang = i18n.language;
  const [editing, setEditing] = useState<{ chain: Chain; version: 'correction' | 'withdrawal' } | null>(null);
  const chains = consoleChains(instructions);
  if (chains.length === 0) return <Typography.Text type="secondary">{t('detail.none')}</Typography.Text>;
  return (
    <>
      <ul className="history-list">
        {chains.map((x) => (
          <li key={x.original.instructionId} data-testid={`console-instruction-${x.original.instructionId}`}>
            <div
              style={{
                whiteSpace: 'pre-wrap',
                ...(x.state === 'withdrawn' ? { textDecoration: 'line-through', color: '#6b7280' } : {}),
              }}
            >
              {x.text}
            </div>
            <div className="meta">
              {t('detail.by', { who: x.original.reviewerName, at: shTime(Date.parse(x.original.instructedAt), lang) })}{' '}
              <ToneTag tone={x.latest.appliedByBranch ? 'good' : 'warn'}>
                {x.latest.appliedByBranch ? t('detail.delivered') : t('detail.pending')}
              </ToneTag>
            </div>
            {x.state !== 'current' && (
              <div className="meta" data-testid="instruction-version">
                <ToneTag tone={x.state === 'withdrawn' ? 'bad' : 'warn'}>
                  {t(x.state === 'withdrawn' ? 'versions.withdrawn' : 'versions.corrected')}
                </ToneTag>
                {t('versions.reasonBy', {
                  reason: x.latest.reason ?? '',
                  who: x.latest.reviewerName,
                  at: shTime(Date.parse(x.latest.instructedAt), lang),
                })}
              </div>
            )}
            {x.state !== 'withdrawn' && (
              <Space size="small" style={{ marginTop: 4 }}>
                <Button
                  size="small"
                  data-testid="correct"
                  onClick={() => setEditing({ chain: x, version: 'correction' })}
                >
                  {t('versions.correct')}
                </Button>
                <Button
                  size="small"
                  danger
                  data-testid="withdraw"
                  onClick={() => setEditing({ chain: x, version: 'withdrawal' })}
                >
                  {t('versions.withdraw')}
                </Button>
              </Space>
            )}
          </li>
        ))}
      </ul>
      {editing && (
        <VersionDialog
          branch={branch}
          caseId={caseId}
          chain={editing.chain}
          version={editing.version}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}

function VersionDialog({
  branch,
  caseId,
  chain,
  version,
  onClose,
}: {
  branch: string;
  caseId: string;
  chain: Chain;
  version: 'correction' | 'withdrawal';
  onClose: () => void;
}) {
  const { t } = useTranslation('console');
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [text, setText] = useState(chain.text);
  const [reason, setReason] = useState('');
  const [clientId] = useState(() => uuidv4());
  const { issues, error, busy, check, send } = useConsoleSubmit(t('versions.fix'));
  // Closed first, unmounted once its closing is over (afterClose), so no overlay stays behind.
  const [open, setOpen] = useState(true);

  const submit = async () => {
    if (busy) return;
    const body = check(InstructionVersionBody, {
      clientId,
      version,
      reason,
      ...(version === 'correction' ? { text } : {}),
    });
    if (!body) return;
    const sent = await send(() =>
      postJson<InstructionAnswer>(instructionVersionsPath(branch, caseId, chain.latest.instructionId), body),
    );
    if (!sent) return;
    void message.success(t(version === 'withdrawal' ? 'versions.withdrawnSent' : 'versions.correctedSent'));
    void qc.invalidateQueries({ queryKey: ['console', 'case', branch, caseId] });
    void qc.invalidateQueries({ queryKey: ['console', 'cases'] });
    setOpen(false);
  };

  return (
    <Modal
      open={open}
      afterClose={onClose}
      title={t(version === 'withdrawal' ? 'versions.withdrawTitle' : 'versions.correctTitle')}
      okText={t(version === 'withdrawal' ? 'versions.withdrawOk' : 'versions.correctOk')}
      cancelText={t('versions.cancel')}
      okButtonProps={{ danger: version === 'withdrawal', loading: busy }}
      onOk={() => void submit()}
      onCancel={() => setOpen(false)}
      destroyOnHidden
    >
      <p className="muted">{t('versions.keepsOriginal')}</p>
      {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginBottom: 8 }} />}
      {version === 'correction' && (
        <Field id="version-text" path="text" label={t('versions.newText')} issues={issues} required>
          <Input.TextArea
            id="version-text"
            value={text}
            onChange={(e) => setText(e.target.value)}
            autoSize={{ minRows: 3, maxRows: 8 }}
          />
        </Field>
      )}
      <Field id="version-reason" path="reason" label={t('versions.reason')} issues={issues} required>
        <Input.TextArea
          id="version-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoSize={{ minRows: 2, maxRows: 5 }}
        />
      </Field>
    </Modal>
  );
}
