// The case screen's 回访 group: each follow-up with its assignee, due date, state and outcome code;
// the unreachable attempts against the branch's setting; and the follow-ups the setting proposes
// after feedback, prefilled (due date, assignee) for the secretary to confirm or change.
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Select, Space } from 'antd';
import { useState } from 'react';
import { can } from '../../../src-main/domain/permissions';
import type { FollowUpOutcome } from '../../../src-main/shared/enums';
import type { CaseView, FollowUpProposal } from '../../../src-main/shared/types';
import { DayPicker } from '../../components/CalendarPickers';
import { ToneTag } from '../../components/ToneTag';
import { pick } from '../../i18n';
import { invoke } from '../../lib/api';
import { useSession } from '../shell/session';
import type { CaseFormat } from './case-format';
import { Row, Section, Value } from './CaseFields';

const OUTCOME_TONE: Record<FollowUpOutcome, 'good' | 'bad' | 'warn'> = {
  reached_satisfied: 'good',
  reached_unsatisfied: 'bad',
  unreachable: 'warn',
};

interface Props {
  c: CaseView;
  f: CaseFormat;
  onFollowUpDone: (followUpId: string) => void;
}

function ProposalRow({ c, f, p }: { c: CaseView; f: CaseFormat; p: FollowUpProposal }) {
  const { t } = f;
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [dueDate, setDueDate] = useState(p.dueDate);
  const [assigneeId, setAssigneeId] = useState(p.assigneeId);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = p.index === null ? 'retry' : String(p.index);
  const confirm = async () => {
    setBusy(true);
    const r = await invoke('followUps.schedule', { caseId: c.id, dueDate, assigneeId });
    setBusy(false);
    if (!r.ok) {
      setError(pick(r.error.message));
      return;
    }
    setError(null);
    qc.setQueryData(['case', c.id], r.value.case);
    void qc.invalidateQueries({ queryKey: ['caseHistory', c.id] });
    void qc.invalidateQueries({ queryKey: ['counts'] });
    void qc.invalidateQueries({ queryKey: ['list'] });
    void message.success(t('followUp.scheduled'));
  };
  const label = p.index === null ? t('followUp.proposalRetry') : t('followUp.proposal', { n: p.index + 1 });
  return (
    <Row label={label}>
      <div data-follow-up-proposal={key}>
        <ToneTag tone="info">{t('followUp.proposed')}</ToneTag>
        <Space wrap style={{ marginTop: 4 }}>
          <span style={{ width: 160, display: 'inline-block' }}>
            <DayPicker id={`proposal-${key}-dueDate`} value={dueDate} onChange={setDueDate} />
          </span>
          <Select
            id={`proposal-${key}-assignee`}
            aria-label={t('followUp.assigneeLabel')}
            value={assigneeId}
            onChange={setAssigneeId}
            style={{ minWidth: 180 }}
            options={c.followUpAssignees.map((a) => ({
              value: a.id,
              label: `${a.name}(${t(`role.${a.role}`)})`,
            }))}
          />
          <Button type="primary" size="small" loading={busy} onClick={() => void confirm()}>
            {t('followUp.confirm')}
          </Button>
        </Space>
        {error && <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 6 }} />}
      </div>
    </Row>
  );
}

export function FollowUpSection({ c, f, onFollowUpDone }: Props) {
  const { t } = f;
  const { user } = useSession();
  const mayRecord = (assigneeId: string | null) => can(user.role, 'follow_up') || assigneeId === user.id;
  const empty = c.followUps.length === 0 && c.followUpProposals.length === 0;
  return (
    <Section id="followUps" title={t('caseScreen.group.followUps')}>
      {empty && <Value>{null}</Value>}
      {c.followUps.map((u) => (
        <Row key={u.id} label={t('followUp.due', { date: u.dueDate })}>
          <div data-follow-up={u.id}>
            <Space wrap size={4}>
              {u.doneAt === null ? (
                <ToneTag tone="warn">{t('followUp.open')}</ToneTag>
              ) : (
                <ToneTag tone="good">{t('followUp.done')}</ToneTag>
              )}
              {u.outcome && <ToneTag tone={OUTCOME_TONE[u.outcome]}>{t(`followUpOutcome.${u.outcome}`)}</ToneTag>}
              {u.assigneeId && <span>{t('followUp.assignee', { name: f.name(u.assigneeId) ?? '' })}</span>}
              {u.doneAt === null && mayRecord(u.assigneeId) && (
                <Button size="small" onClick={() => onFollowUpDone(u.id)}>
                  {t('action.follow_up_done')}
                </Button>
              )}
            </Space>
            {u.note && <div style={{ whiteSpace: 'pre-wrap' }}>{u.note}</div>}
            {u.doneAt !== null && (
              <div style={{ whiteSpace: 'pre-wrap' }}>
                {f.time(u.doneAt)} · {f.name(u.doneBy)}
                {u.result ? ` · ${u.result}` : ''}
              </div>
            )}
          </div>
        </Row>
      ))}
      {(c.unreachableAttempts > 0 || c.filingReason) && (
        <Row label={t('followUp.unreachableLabel')} testId="unreachable-attempts">
          {t('followUp.unreachableOf', { n: c.unreachableAttempts, of: c.unreachableAttemptsToFile })}
        </Row>
      )}
      {c.followUpProposals.map((p) => (
        <ProposalRow key={p.index ?? 'retry'} c={c} f={f} p={p} />
      ))}
    </Section>
  );
}
