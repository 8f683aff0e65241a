// On a primary case: each duplicate merged into it (issue 22 §3) with its notes, promises, attachments and slips,
// every one marked "来自 SH01-…" — main references them, it does not copy them — and the government deadline the
// duplicate carried here. A supervisor or the manager may undo the merge from here, with a reason.
import { Button, Card, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergedFrom } from '../../../src-main/shared/case-links';
import { promiseState } from '../../../src-main/shared/promise-state';
import type { CaseView } from '../../../src-main/shared/types';
import { ToneTag } from '../../components/ToneTag';
import { formatTime } from '../../lib/format';
import { useSession } from '../shell/session';
import { UndoMergeDialog } from './LinkDialogs';

function Part({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div style={{ marginTop: 6 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <ul style={{ margin: '2px 0 0', paddingLeft: 18 }}>{children}</ul>
    </div>
  );
}

function Duplicate({ d, onUndo }: { d: MergedFrom; onUndo?: () => void }) {
  const { t, i18n } = useTranslation();
  const { settings } = useSession();
  const at = (ms: number) => formatTime(ms, settings.timeZone, i18n.language);
  const from = <ToneTag tone="plain">{t('links.from', { number: d.number })}</ToneTag>;
  const empty = d.notes.length + d.promises.length + d.attachments.length + d.slips.length === 0;
  return (
    <div data-testid="merged-from" data-case={d.number} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
      <div>
        <a href={`#/case/${d.caseId}`} style={{ textDecoration: 'underline' }}>
          {d.number}
        </a>{' '}
        {onUndo && (
          <Button size="small" data-link-action="undo_merge" onClick={onUndo} style={{ marginInlineStart: 8 }}>
            {t('links.action.undo_merge')}
          </Button>
        )}
      </div>
      <div style={{ color: '#4b5563' }}>
        {t('links.fromLine', {
          channel: d.govBody ? t(`govBody.${d.govBody}`) : t(`channel.${d.channel}`),
          received: at(d.receivedAt),
          name: d.byName,
          at: at(d.at),
          reason: d.reason,
        })}
      </div>
      {d.carriedDueAt !== null && (
        <div data-testid="merged-from-due">
          <Typography.Text strong>
            {t('links.carriedDue', {
              body: d.govBody ? t(`govBody.${d.govBody}`) : t(`channel.${d.channel}`),
              at: at(d.carriedDueAt),
              number: d.number,
            })}
          </Typography.Text>
        </div>
      )}
      {empty && <Typography.Text type="secondary">{t('links.nothingMoved')}</Typography.Text>}
      {d.notes.length > 0 && (
        <Part title={t('links.notes')}>
          {d.notes.map((n) => (
            <li key={n.id} data-testid="merged-note">
              {from} {n.actorName} · {at(n.at)}
              {n.text && <div style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{n.text}</div>}
            </li>
          ))}
        </Part>
      )}
      {d.promises.length > 0 && (
        <Part title={t('links.promises')}>
          {d.promises.map((p) => (
            <li key={p.id} data-testid="merged-promise">
              {from} {at(p.promisedAt)} · {t(`promiseState.${promiseState(p, Date.now())}`)}
              {d.movedPromiseIds.includes(p.id) && <em> · {t('links.promiseMoved')}</em>}
              {p.note && <span> · {p.note}</span>}
            </li>
          ))}
        </Part>
      )}
      {d.attachments.length > 0 && (
        <Part title={t('links.attachments')}>
          {d.attachments.map((a) => (
            <li key={a.id} data-testid="merged-attachment">
              {from} {t(`attach.kindLabel.${a.kind}`)}
              {a.name ? ` · ${a.name}` : ''} · {a.addedByName} · {at(a.addedAt)}
            </li>
          ))}
        </Part>
      )}
      {d.slips.length > 0 && (
        <Part title={t('links.slips')}>
          {d.slips.map((s) => (
            <li key={s.id} data-testid="merged-slip">
              {from}{' '}
              <a href={`#/slip/${s.id}`} style={{ textDecoration: 'underline' }}>
                {s.number}
              </a>{' '}
              · {t(`slipStatus.${s.status}`)}
            </li>
          ))}
        </Part>
      )}
    </div>
  );
}

export function MergedFromSection({ c }: { c: CaseView }) {
  const { t } = useTranslation();
  const [undo, setUndo] = useState<MergedFrom | null>(null);
  if (c.mergedFrom.length === 0) return null;
  const mayUndo = c.linkActions.includes('undo_merge');
  return (
    <Card
      size="small"
      data-group="merged-from"
      title={<h2 style={{ fontSize: 15, margin: 0 }}>{t('links.fromTitle')}</h2>}
      style={{ marginBottom: 12 }}
    >
      {c.mergedFrom.map((d) => (
        <Duplicate key={d.caseId} d={d} onUndo={mayUndo ? () => setUndo(d) : undefined} />
      ))}
      {undo && (
        <UndoMergeDialog
          caseId={c.id}
          duplicate={{ id: undo.caseId, number: undo.number }}
          primaryNumber={c.number}
          statusBefore={undo.statusBefore}
          onClose={() => setUndo(null)}
        />
      )}
    </Card>
  );
}
