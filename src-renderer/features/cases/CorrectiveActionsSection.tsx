// The case screen's 纠正预防措施 group: each action (responsible, action, due date in the branch's zone,
// state, overdue), what was done, sent back and confirmed; the buttons this user may use, and the reason
// where one is blocked (the same rules main applies: domain/corrective-action-rules.ts).
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { can } from '../../../src-main/domain/permissions';
import { type CorrectiveAction, isCapaOverdue } from '../../../src-main/shared/corrective-action-types';
import type { CaseView } from '../../../src-main/shared/types';
import { ToneTag } from '../../components/ToneTag';
import { pick } from '../../i18n';
import { useSession } from '../shell/session';
import { CapaCreateDialog, type CapaNoteKind, CapaNoteDialog } from './CapaDialogs';
import type { CaseFormat } from './case-format';
import { Row, Section } from './CaseFields';

const STATE_TONE = { open: 'warn', done: 'info', confirmed: 'good' } as const;

/** Why this user cannot set an action here, or null when she can (or never could: then nothing is shown). */
function createBlocked(c: CaseView, role: Parameters<typeof can>[0], t: CaseFormat['t']): string | null {
  if (!can(role, 'corrective_action')) return null;
  if (c.finding !== 'founded' && c.finding !== 'partly_founded') return t('capa.blockedFinding');
  const blocked = c.blockedActions.find((b) => b.action === 'corrective_action');
  return blocked ? pick(blocked.reason) : null;
}

/** Who is looking: her buttons follow main's rules; null at head office (read only). */
type Viewer = { id: string; role: Parameters<typeof can>[0]; unitId: string | null } | null;

function ActionRow(props: {
  a: CorrectiveAction;
  f: CaseFormat;
  viewer: Viewer;
  onNote: (kind: CapaNoteKind) => void;
}) {
  const { a, f, viewer, onNote } = props;
  const { t } = f;
  const supervises = viewer !== null && can(viewer.role, 'corrective_confirm');
  const responsible =
    viewer !== null &&
    (a.responsibleUserId === viewer.id || (a.responsibleUnitId !== null && a.responsibleUnitId === viewer.unitId));
  const mayDone = a.state === 'open' && (responsible || supervises);
  const mayReview = a.state === 'done' && supervises && a.doneBy !== viewer?.id;
  const ownDone = a.state === 'done' && supervises && a.doneBy === viewer?.id;
  return (
    <Row label={a.responsibleName}>
      <div data-capa={a.id} data-capa-state={a.state}>
        <Space wrap size={4}>
          <ToneTag tone={STATE_TONE[a.state]}>{t(`capa.state.${a.state}`)}</ToneTag>
          {isCapaOverdue(a, Date.now()) && <ToneTag tone="bad">{t('capa.overdue')}</ToneTag>}
          <span>{t('capa.due', { date: a.dueDate })}</span>
          {mayDone && (
            <Button size="small" onClick={() => onNote('done')}>
              {t('capa.markDone')}
            </Button>
          )}
          {mayReview && (
            <>
              <Button size="small" type="primary" onClick={() => onNote('confirm')}>
                {t('capa.confirm')}
              </Button>
              <Button size="small" danger onClick={() => onNote('return')}>
                {t('capa.sendBack')}
              </Button>
            </>
          )}
        </Space>
        <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{a.actionText}</div>
        <Typography.Text type="secondary">
          {t('capa.setBy', { name: a.createdByName, at: f.time(a.createdAt) })}
        </Typography.Text>
        {a.returnedAt !== null && (
          <div data-capa-returned>
            {t('capa.returnedBy', {
              name: a.returnedByName,
              at: f.time(a.returnedAt),
              count: a.returnCount,
              reason: a.returnReason,
            })}
          </div>
        )}
        {a.doneAt !== null && (
          <div>{t('capa.doneBy', { name: a.doneByName, at: f.time(a.doneAt), note: a.doneNote })}</div>
        )}
        {a.confirmedAt !== null && (
          <div>
            {t('capa.confirmedBy', { name: a.confirmedByName, at: f.time(a.confirmedAt), note: a.confirmNote })}
          </div>
        )}
        {ownDone && (
          <Typography.Text type="secondary" data-capa-blocked>
            {t('capa.blockedOwnDone')}
          </Typography.Text>
        )}
      </div>
    </Row>
  );
}

export function CorrectiveActionsSection({ c, f }: { c: CaseView; f: CaseFormat }) {
  const { t } = f;
  const { user } = useSession();
  const [creating, setCreating] = useState(false);
  const [note, setNote] = useState<{ actionId: string; kind: CapaNoteKind } | null>(null);
  const actions = c.correctiveActions ?? [];
  const blocked = createBlocked(c, user.role, t);
  const mayCreate = c.allowedActions.includes('corrective_action') && blocked === null;
  return (
    <Section id="correctiveActions" title={t('capa.group')}>
      {actions.length === 0 && (
        <div style={{ padding: '6px 0' }}>
          <Typography.Text type="secondary">{t('capa.none')}</Typography.Text>
        </div>
      )}
      {actions.map((a) => (
        <ActionRow key={a.id} a={a} f={f} viewer={user} onNote={(kind) => setNote({ actionId: a.id, kind })} />
      ))}
      <div style={{ padding: '8px 0' }}>
        {mayCreate && <Button onClick={() => setCreating(true)}>{t('capa.create')}</Button>}
        {blocked && (
          <Space wrap>
            <Button disabled>{t('capa.create')}</Button>
            <Typography.Text type="secondary" data-capa-blocked>
              {blocked}
            </Typography.Text>
          </Space>
        )}
      </div>
      {creating && <CapaCreateDialog c={c} onClose={() => setCreating(false)} />}
      {note && <CapaNoteDialog caseId={c.id} actionId={note.actionId} kind={note.kind} onClose={() => setNote(null)} />}
    </Section>
  );
}

/** The same group read only, as head office's console shows the branch's case. */
export function CorrectiveActionsReadOnly({ c, f }: { c: CaseView; f: CaseFormat }) {
  const actions = c.correctiveActions ?? [];
  return (
    <Section id="correctiveActions" title={f.t('capa.group')}>
      {actions.length === 0 && (
        <div style={{ padding: '6px 0' }}>
          <Typography.Text type="secondary">{f.t('capa.none')}</Typography.Text>
        </div>
      )}
      {actions.map((a) => (
        <ActionRow key={a.id} a={a} f={f} viewer={null} onNote={() => undefined} />
      ))}
    </Section>
  );
}
